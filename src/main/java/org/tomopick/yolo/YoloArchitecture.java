package org.tomopick.yolo;

/**
 * The shape of the slice network: base width (channels of the first stage; the stages have 1, 2, 4, 8, 16 times
 * as many), depth (C2f blocks per backbone stage), neighbour slices on each side fed as extra input channels (0: a
 * single slice; 1: 2.5D with 3 channels) and the number of particle classes. Immutable.
 */
public record YoloArchitecture(int width, int depth, int neighbourSlices, int classCount) {

	/** Input sizes must be a multiple of the coarsest stride. */
	public static final int MAX_STRIDE = 32;
	/** The strides of the three detection scales. */
	public static final int[] STRIDES = { 8, 16, 32 };

	/** Width 16, depth 1, single slices, the six CZII classes. */
	public static YoloArchitecture defaults() {
		return new YoloArchitecture(16, 1, 0, 6);
	}

	public YoloArchitecture validate() {
		YoloSettings.require(width >= 3 && width <= 256, "architecture.width", "must be in [3, 256]", width);
		YoloSettings.require(depth >= 1 && depth <= 4, "architecture.depth", "must be in [1, 4]", depth);
		YoloSettings.require(neighbourSlices >= 0 && neighbourSlices <= 4, "architecture.neighbourSlices",
				"must be in [0, 4]", neighbourSlices);
		YoloSettings.require(classCount >= 1 && classCount <= 64, "architecture.classCount", "must be in [1, 64]",
				classCount);
		return this;
	}

	/** Input channels: the slice and its neighbours. */
	public int inputChannels() {
		return 1 + 2 * neighbourSlices;
	}

	/** Channels of backbone stage {@code level} (0 = stride 2 ... 4 = stride 32). */
	public int stageChannels(int level) {
		return width << level;
	}

	/** Hidden channels of a C2f block with the given output: the nearest positive multiple of 3. */
	public static int c2fHidden(int outChannels) {
		return 3 * Math.max(1, Math.round(outChannels / 3f));
	}

	public YoloArchitecture withWidth(int w) {
		return new YoloArchitecture(w, depth, neighbourSlices, classCount);
	}

	public YoloArchitecture withNeighbourSlices(int n) {
		return new YoloArchitecture(width, depth, n, classCount);
	}

	public YoloArchitecture withClassCount(int n) {
		return new YoloArchitecture(width, depth, neighbourSlices, n);
	}
}
