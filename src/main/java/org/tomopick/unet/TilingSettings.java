package org.tomopick.unet;

/**
 * How a volume is cut into windows for inference: window size along z, y, x (each clipped to the volume, rounded up
 * to the network's size multiple), the overlap between neighbouring windows as a fraction of the window, the blending
 * profile, and how many windows go through the network in one call.
 */
public record TilingSettings(int windowZ, int windowY, int windowX, double overlap, BlendingWindow blending,
		int batchSize) {

	/** 96 x 128 x 128 windows, 20% overlap, Hann blending, one window per call. */
	public static TilingSettings defaults() {
		return new TilingSettings(96, 128, 128, 0.2, BlendingWindow.HANN, 1);
	}

	public TilingSettings validate() {
		UNetSettings.require(windowZ >= 8 && windowY >= 8 && windowX >= 8, "tiling.window", "must be >= 8 per axis",
				Math.min(windowZ, Math.min(windowY, windowX)));
		UNetSettings.require(overlap >= 0 && overlap < 0.9, "tiling.overlap", "must be in [0, 0.9)", overlap);
		UNetSettings.require(batchSize >= 1 && batchSize <= 64, "tiling.batchSize", "must be in [1, 64]", batchSize);
		if (blending == null)
			throw new IllegalArgumentException("UNet settings: tiling.blending must be given");
		return this;
	}

	public TilingSettings withWindow(int z, int y, int x) {
		return new TilingSettings(z, y, x, overlap, blending, batchSize);
	}

	public TilingSettings withOverlap(double o) {
		return new TilingSettings(windowZ, windowY, windowX, o, blending, batchSize);
	}

	public TilingSettings withBlending(BlendingWindow b) {
		return new TilingSettings(windowZ, windowY, windowX, overlap, b, batchSize);
	}

	public TilingSettings withBatchSize(int n) {
		return new TilingSettings(windowZ, windowY, windowX, overlap, blending, n);
	}
}
