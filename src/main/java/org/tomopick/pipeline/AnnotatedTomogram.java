package org.tomopick.pipeline;

import java.util.List;
import java.util.Objects;

import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;

/**
 * A tomogram (float32, z, y, x) with its voxel size and the particles known to be in it: the unit of training and
 * validation data for both branches.
 */
public record AnnotatedTomogram(String name, DenseVolume tomogram, double voxelSizeAngstrom, List<Particle> truth) {

	public AnnotatedTomogram {
		Objects.requireNonNull(name, "name");
		if (tomogram.dataType() != DataType.FLOAT32)
			throw new IllegalArgumentException("tomogram " + name + " must be float32, is " + tomogram.dataType());
		if (!(voxelSizeAngstrom > 0))
			throw new IllegalArgumentException("tomogram " + name + ": voxel size must be > 0, was " + voxelSizeAngstrom);
		truth = List.copyOf(truth);
	}
}
