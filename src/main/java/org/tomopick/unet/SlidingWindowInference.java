package org.tomopick.unet;

import java.util.ArrayList;
import java.util.List;

import org.tomopick.progress.Progress;

/**
 * Runs a {@link WindowPredictor} over a whole volume in overlapping 3D windows and blends the overlapping
 * predictions with a {@link BlendingWindow} profile (weighted mean per voxel). Windows are clipped to the volume
 * (rounded up to the network's size multiple; a volume smaller than a window is padded with zeros, the mean of a
 * normalised tomogram) and go through the network {@code batchSize} at a time. Memory: the output maps (classes x
 * voxels floats), one weight sum per voxel and one batch of windows, whatever the volume's size.
 */
public final class SlidingWindowInference {

	private final TilingSettings settings;

	public SlidingWindowInference(TilingSettings settings) {
		this.settings = settings.validate();
	}

	/**
	 * @return per foreground channel (1..channels-1) a probability map of the volume's shape
	 */
	public float[][] predict(float[] volume, int[] shape, WindowPredictor predictor, Progress progress) {
		int m = predictor.sizeMultiple();
		int[] window = { windowSize(settings.windowZ(), shape[0], m), windowSize(settings.windowY(), shape[1], m),
				windowSize(settings.windowX(), shape[2], m) };
		int[][] starts = new int[3][];
		for (int a = 0; a < 3; a++)
			starts[a] = windowStarts(shape[a], window[a], settings.overlap());
		float[][] profiles = { settings.blending().profile(window[0]), settings.blending().profile(window[1]),
				settings.blending().profile(window[2]) };
		List<int[]> origins = new ArrayList<>();
		for (int z : starts[0])
			for (int y : starts[1])
				for (int x : starts[2])
					origins.add(new int[] { z, y, x });

		int n = shape[0] * shape[1] * shape[2];
		int channels = predictor.channels();
		float[][] sums = new float[channels - 1][n];
		float[] weights = new float[n];
		int windowVoxels = window[0] * window[1] * window[2];
		for (int b0 = 0; b0 < origins.size(); b0 += settings.batchSize()) {
			progress.checkCancelled("UNet inference");
			int count = Math.min(settings.batchSize(), origins.size() - b0);
			float[] batch = new float[count * windowVoxels];
			for (int i = 0; i < count; i++)
				extract(volume, shape, origins.get(b0 + i), window, batch, i * windowVoxels);
			float[] probabilities = predictor.predict(batch, count, window);
			for (int i = 0; i < count; i++)
				accumulate(probabilities, i * channels * windowVoxels, windowVoxels, origins.get(b0 + i), window, shape,
						profiles, sums, weights);
			progress.report("UNet inference", (double) (b0 + count) / origins.size());
		}
		for (float[] s : sums)
			for (int v = 0; v < n; v++)
				s[v] /= weights[v];
		return sums;
	}

	/** Window size along an axis: the setting rounded up to the multiple, but no larger than the volume needs. */
	static int windowSize(int setting, int size, int multiple) {
		int wanted = roundUp(setting, multiple);
		return Math.min(wanted, roundUp(size, multiple));
	}

	/**
	 * Window starts along an axis: steps of {@code window * (1 - overlap)} (at least 1), the last window ending at the
	 * volume's end; a single start 0 when one window covers the axis.
	 */
	static int[] windowStarts(int size, int window, double overlap) {
		if (size <= window)
			return new int[] { 0 };
		int stride = Math.max(1, (int) Math.floor(window * (1 - overlap)));
		int count = (int) Math.ceil((double) (size - window) / stride) + 1;
		int[] starts = new int[count];
		for (int i = 0; i < count; i++)
			starts[i] = Math.min(i * stride, size - window);
		return starts;
	}

	private static int roundUp(int v, int m) {
		return (v + m - 1) / m * m;
	}

	private static void extract(float[] volume, int[] shape, int[] origin, int[] window, float[] out, int offset) {
		for (int z = 0; z < window[0]; z++) {
			int vz = origin[0] + z;
			if (vz >= shape[0])
				break;
			for (int y = 0; y < window[1]; y++) {
				int vy = origin[1] + y;
				if (vy >= shape[1])
					break;
				int len = Math.min(window[2], shape[2] - origin[2]);
				System.arraycopy(volume, (vz * shape[1] + vy) * shape[2] + origin[2], out,
						offset + (z * window[1] + y) * window[2], len);
			}
		}
	}

	private static void accumulate(float[] p, int offset, int windowVoxels, int[] origin, int[] window, int[] shape,
			float[][] profiles, float[][] sums, float[] weights) {
		for (int z = 0; z < window[0] && origin[0] + z < shape[0]; z++)
			for (int y = 0; y < window[1] && origin[1] + y < shape[1]; y++) {
				float wzy = profiles[0][z] * profiles[1][y];
				int w0 = (z * window[1] + y) * window[2];
				int v0 = ((origin[0] + z) * shape[1] + origin[1] + y) * shape[2] + origin[2];
				int len = Math.min(window[2], shape[2] - origin[2]);
				for (int x = 0; x < len; x++) {
					float w = wzy * profiles[2][x];
					weights[v0 + x] += w;
					for (int c = 1; c <= sums.length; c++)
						sums[c - 1][v0 + x] += w * p[offset + c * windowVoxels + w0 + x];
				}
			}
	}
}
