package org.tomopick.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tomopick.progress.CancelledException;
import org.tomopick.progress.Progress;

/** Tiling with overlap and blending gives what one window over the whole volume gives. */
class SlidingWindowInferenceTest {

	/** A "network" that works voxel by voxel: softmax of (0, v, -2v, v*v) for 4 channels; records window shapes. */
	static final class PointwisePredictor implements WindowPredictor {
		final List<int[]> calls = new ArrayList<>();

		@Override
		public int channels() {
			return 4;
		}

		@Override
		public int sizeMultiple() {
			return 4;
		}

		@Override
		public float[] predict(float[] windows, int count, int[] shape) {
			calls.add(new int[] { count, shape[0], shape[1], shape[2] });
			int n = shape[0] * shape[1] * shape[2];
			float[] out = new float[count * 4 * n];
			for (int w = 0; w < count; w++)
				for (int i = 0; i < n; i++) {
					double v = windows[w * n + i];
					double[] logits = { 0, v, -2 * v, v * v };
					double sum = 0;
					for (double l : logits)
						sum += Math.exp(l);
					for (int c = 0; c < 4; c++)
						out[(w * 4 + c) * n + i] = (float) (Math.exp(logits[c]) / sum);
				}
			return out;
		}
	}

	@Test
	void tiledEqualsOneWindowForEveryBlending() {
		int[] shape = { 21, 37, 30 };
		float[] volume = random(shape, 3);
		for (BlendingWindow blending : BlendingWindow.values()) {
			PointwisePredictor whole = new PointwisePredictor();
			float[][] one = new SlidingWindowInference(new TilingSettings(64, 64, 64, 0.2, blending, 1))
					.predict(volume, shape, whole, Progress.NONE);
			assertEquals(1, whole.calls.size());
			assertArrayEquals(new int[] { 1, 24, 40, 32 }, whole.calls.get(0));

			PointwisePredictor tiles = new PointwisePredictor();
			float[][] tiled = new SlidingWindowInference(new TilingSettings(8, 12, 16, 0.25, blending, 3))
					.predict(volume, shape, tiles, Progress.NONE);
			assertEquals(3, one.length);
			int windows = 0;
			for (int[] c : tiles.calls)
				windows += c[0];
			// windows per axis: z 21 in 8 (stride 6): 0,6,12,13 -> 4; y 37 in 12 (stride 9): 0,9,18,25 -> 4;
			// x 30 in 16 (stride 12): 0,12,14 -> 3
			assertEquals(4 * 4 * 3, windows);
			for (int c = 0; c < 3; c++)
				assertArrayEquals(one[c], tiled[c], 2e-6f, blending + " channel " + c);
			// and the values are the pointwise softmax itself
			double v = volume[100];
			double sum = 1 + Math.exp(v) + Math.exp(-2 * v) + Math.exp(v * v);
			assertEquals(Math.exp(v) / sum, tiled[0][100], 1e-6);
		}
	}

	@Test
	void realNetworkGivesTheSameMapsInBatchesAsOneWindowAtATime() {
		int[] shape = { 20, 40, 36 };
		float[] volume = random(shape, 5);
		UNetSettings s = UNetTestData.tinySettings(1, 1);
		try (UNetModel model = UNetModel.create(UNetModelInfo.untrained(s), 4)) {
			TilingSettings tiling = new TilingSettings(16, 24, 24, 0.3, BlendingWindow.GAUSSIAN, 1);
			float[][] single = new SlidingWindowInference(tiling).predict(volume, shape, model.predictor(),
					Progress.NONE);
			float[][] batched = new SlidingWindowInference(tiling.withBatchSize(5)).predict(volume, shape,
					model.predictor(), Progress.NONE);
			for (int c = 0; c < single.length; c++)
				assertArrayEquals(single[c], batched[c], 1e-5f);
		}
	}

	@Test
	void windowStartsCoverTheAxisWithTheLastWindowAtTheEnd() {
		assertArrayEquals(new int[] { 0, 102, 187 }, SlidingWindowInference.windowStarts(315, 128, 0.2));
		assertArrayEquals(new int[] { 0 }, SlidingWindowInference.windowStarts(92, 96, 0.2));
		assertArrayEquals(new int[] { 0, 10 }, SlidingWindowInference.windowStarts(20, 10, 0));
		assertEquals(96, SlidingWindowInference.windowSize(96, 92, 8));
		assertEquals(64, SlidingWindowInference.windowSize(96, 60, 8));
		assertEquals(104, SlidingWindowInference.windowSize(100, 315, 8));
	}

	@Test
	void cancellationStopsBetweenBatches() {
		int[] shape = { 16, 16, 16 };
		Progress cancelled = new Progress() {
			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		CancelledException e = org.junit.jupiter.api.Assertions.assertThrows(CancelledException.class,
				() -> new SlidingWindowInference(TilingSettings.defaults()).predict(random(shape, 1), shape,
						new PointwisePredictor(), cancelled));
		assertEquals("UNet inference", e.stage());
	}

	private static float[] random(int[] shape, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		float[] v = new float[shape[0] * shape[1] * shape[2]];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) r.nextGaussian();
		return v;
	}
}
