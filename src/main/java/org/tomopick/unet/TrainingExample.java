package org.tomopick.unet;

import java.util.List;
import java.util.Objects;

import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;

/** One annotated tomogram for training or validation: a name (e.g. the CoPick run), the volume, its voxel size in
 * Angstrom, and the truth particles (positions in Angstrom). */
public record TrainingExample(String name, DenseVolume tomogram, double voxelSizeAngstrom, List<Particle> truth) {

	public TrainingExample {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(tomogram, "tomogram of " + name);
		truth = List.copyOf(truth);
		if (!(voxelSizeAngstrom > 0))
			throw new IllegalArgumentException("training example " + name + ": voxel size must be > 0 A");
	}
}
