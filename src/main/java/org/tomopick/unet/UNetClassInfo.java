package org.tomopick.unet;

import java.util.Objects;

import org.tomopick.model.ParticleClass;

/** One output class of a UNet model: the particle class and the threshold and minimum size used to pick it. */
public record UNetClassInfo(ParticleClass particleClass, double threshold, int minVoxels) {

	public UNetClassInfo {
		Objects.requireNonNull(particleClass, "particle class");
		if (!(threshold > 0 && threshold < 1))
			throw new IllegalArgumentException(
					"class " + particleClass.name() + ": threshold must be in (0, 1), was " + threshold);
		if (minVoxels < 1)
			throw new IllegalArgumentException(
					"class " + particleClass.name() + ": minVoxels must be >= 1, was " + minVoxels);
	}

	public UNetClassInfo withThreshold(double t, int min) {
		return new UNetClassInfo(particleClass, t, min);
	}
}
