package org.tomopick.yolo;

import java.util.List;
import java.util.Objects;

import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;

/**
 * One tomogram for training or validation, in memory: a name (the run), the volume (z, y, x), its voxel size in
 * Angstrom (voxel i sits at i * voxel) and its truth particles in Angstrom.
 */
public record YoloExample(String name, DenseVolume tomogram, double voxelAngstrom, List<Particle> truth) {

	public YoloExample {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(tomogram, "tomogram of " + name);
		if (!(voxelAngstrom > 0) || Double.isInfinite(voxelAngstrom))
			throw new IllegalArgumentException("example " + name + ": voxel size must be > 0 A, was " + voxelAngstrom);
		truth = List.copyOf(truth);
	}
}
