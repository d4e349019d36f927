package org.tomopick.unet;

/**
 * A network seen by the tiler: takes a batch of single-channel windows and gives per-voxel class probabilities.
 * Implementations must be usable for any window shape that is a multiple of {@link #sizeMultiple()}.
 */
public interface WindowPredictor {

	/** Output channels (background first, then one per class). */
	int channels();

	/** Window sizes must be a multiple of this along every axis. */
	int sizeMultiple();

	/**
	 * @param windows     {@code count} windows of {@code shape} (z, y, x), concatenated, x fastest
	 * @param count       number of windows
	 * @param shape       window shape z, y, x
	 * @return probabilities, laid out (window, channel, z, y, x), summing to 1 over the channels
	 */
	float[] predict(float[] windows, int count, int[] shape);
}
