package org.tomopick.unet;

import java.util.Objects;

import org.tomopick.model.ParticleCatalog;

/**
 * Everything that defines a UNet3D branch run: the particle classes (the order of the output channels after
 * background), the network's architecture, the working voxel size in Angstrom (tomograms are binned to it by an
 * integer factor), the training settings, and the tiling and peak settings used for validation and inference.
 * {@link #validate()} throws an IllegalArgumentException naming the bad field.
 */
public record UNetSettings(ParticleCatalog classes, UNetArchitecture architecture, double voxelSizeAngstrom,
		UNetTrainingSettings training, TilingSettings tiling, PeakSettings peaks) {

	/** CZII classes, default architecture at 20 A, default training, tiling and peaks. */
	public static UNetSettings defaults() {
		return new UNetSettings(ParticleCatalog.czii(), UNetArchitecture.defaults(), 20.0,
				UNetTrainingSettings.defaults(), TilingSettings.defaults(), PeakSettings.defaults());
	}

	public UNetSettings validate() {
		Objects.requireNonNull(classes, "UNet settings: classes");
		Objects.requireNonNull(architecture, "UNet settings: architecture").validate();
		Objects.requireNonNull(training, "UNet settings: training").validate();
		Objects.requireNonNull(tiling, "UNet settings: tiling").validate();
		Objects.requireNonNull(peaks, "UNet settings: peaks").validate();
		require(voxelSizeAngstrom > 0 && voxelSizeAngstrom < 1000, "voxelSizeAngstrom", "must be in (0, 1000)",
				voxelSizeAngstrom);
		require(architecture.classCount() == classes.size(), "architecture.classCount",
				"must equal the number of classes (" + classes.size() + ")", architecture.classCount());
		require(training.classWeights().isEmpty() || training.classWeights().size() == classes.size(),
				"training.classWeights", "must be empty or have one weight per class (" + classes.size() + ")",
				training.classWeights().size());
		require(training.cropSize() % architecture.sizeMultiple() == 0, "training.cropSize",
				"must be a multiple of 2^depth = " + architecture.sizeMultiple(), training.cropSize());
		return this;
	}

	static void require(boolean ok, String field, String rule, double value) {
		if (!ok)
			throw new IllegalArgumentException("UNet settings: " + field + " " + rule + ", was " + value);
	}

	/** These settings for another catalog (the architecture's class count follows). */
	public UNetSettings withClasses(ParticleCatalog c) {
		return new UNetSettings(c, architecture.withClassCount(c.size()), voxelSizeAngstrom, training, tiling, peaks);
	}

	public UNetSettings withArchitecture(UNetArchitecture a) {
		return new UNetSettings(classes, a, voxelSizeAngstrom, training, tiling, peaks);
	}

	public UNetSettings withVoxelSize(double angstrom) {
		return new UNetSettings(classes, architecture, angstrom, training, tiling, peaks);
	}

	public UNetSettings withTraining(UNetTrainingSettings t) {
		return new UNetSettings(classes, architecture, voxelSizeAngstrom, t, tiling, peaks);
	}

	public UNetSettings withTiling(TilingSettings t) {
		return new UNetSettings(classes, architecture, voxelSizeAngstrom, training, t, peaks);
	}

	public UNetSettings withPeaks(PeakSettings p) {
		return new UNetSettings(classes, architecture, voxelSizeAngstrom, training, tiling, p);
	}
}
