package org.tomopick.yolo;

import org.tomopick.grid.Normalisation;

/**
 * Everything that defines the YOLO branch: the network shape, the working voxel size (the tomogram is binned to it:
 * 10 A is the CZII grid, 20 A is binned 2x) and how it is normalised there, the slice stride at inference (every n-th working slice is detected),
 * training and detection settings. Immutable; {@link #defaults()} holds every default in one place and
 * {@link #validate()} throws an IllegalArgumentException naming the bad field.
 */
public record YoloSettings(YoloArchitecture architecture, double workingVoxelAngstrom, int sliceStride,
		Normalisation normalisation, YoloTrainingSettings training, YoloDetectionSettings detection) {

	public static YoloSettings defaults() {
		return new YoloSettings(YoloArchitecture.defaults(), 20.0, 1, Normalisation.WHITENED,
				YoloTrainingSettings.defaults(),
				YoloDetectionSettings.defaults());
	}

	public YoloSettings validate() {
		if (architecture == null || normalisation == null || training == null || detection == null)
			throw new IllegalArgumentException("YOLO settings: architecture, training and detection must be given");
		architecture.validate();
		require(workingVoxelAngstrom > 0 && workingVoxelAngstrom < 1000, "workingVoxelAngstrom",
				"must be in (0, 1000)", workingVoxelAngstrom);
		require(sliceStride >= 1 && sliceStride <= 16, "sliceStride", "must be in [1, 16]", sliceStride);
		training.validate();
		detection.validate();
		return this;
	}

	static void require(boolean ok, String field, String rule, double value) {
		if (!ok)
			throw new IllegalArgumentException("YOLO settings: " + field + " " + rule + ", was " + value);
	}

	public YoloSettings withArchitecture(YoloArchitecture a) {
		return new YoloSettings(a, workingVoxelAngstrom, sliceStride, normalisation, training, detection);
	}

	public YoloSettings withWorkingVoxel(double angstrom) {
		return new YoloSettings(architecture, angstrom, sliceStride, normalisation, training, detection);
	}

	public YoloSettings withSliceStride(int stride) {
		return new YoloSettings(architecture, workingVoxelAngstrom, stride, normalisation, training, detection);
	}

	public YoloSettings withNormalisation(Normalisation n) {
		return new YoloSettings(architecture, workingVoxelAngstrom, sliceStride, n, training, detection);
	}

	public YoloSettings withTraining(YoloTrainingSettings t) {
		return new YoloSettings(architecture, workingVoxelAngstrom, sliceStride, normalisation, t, detection);
	}

	public YoloSettings withDetection(YoloDetectionSettings d) {
		return new YoloSettings(architecture, workingVoxelAngstrom, sliceStride, normalisation, training, d);
	}
}
