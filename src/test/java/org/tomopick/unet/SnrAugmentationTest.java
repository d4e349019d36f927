package org.tomopick.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tomopick.grid.SpectralWhitening;

class SnrAugmentationTest {

	private static final int N = 32;
	private static final double VOXEL = 20;

	/** Noise as the working grid has it: white, band-passed, unit spread. */
	private static float[] gridNoise(long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		float[] v = new float[N * N * N];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) (Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()));
		SpectralWhitening.bandPassInPlace(v, new int[] { N, N, N }, VOXEL);
		double ss = 0;
		for (float x : v)
			ss += x * x;
		float k = (float) (1 / Math.sqrt(ss / v.length));
		for (int i = 0; i < v.length; i++)
			v[i] *= k;
		return v;
	}

	private static double spread(float[] v) {
		double s = 0, ss = 0;
		for (float x : v) {
			s += x;
			ss += x * x;
		}
		double m = s / v.length;
		return Math.sqrt(ss / v.length - m * m);
	}

	@Test
	void noiseKeepsItsSpreadWhileASignalFades() {
		SnrAugmentation aug = new SnrAugmentation(1, VOXEL, N);
		double spreads = 0;
		int tries = 12;
		for (int k = 0; k < tries; k++) {
			float[] v = gridNoise(k);
			aug.apply(v, 0, new SplittableRandom(100 + k));
			spreads += spread(v);
		}
		assertEquals(1, spreads / tries, 0.1, "noise alone: spread after augmenting");

		// a dark ball of radius 3 voxels, no noise: it fades (gain <= 1) and new noise appears around it
		float[] ball = new float[N * N * N];
		double c = (N - 1) / 2.0;
		for (int z = 0, i = 0; z < N; z++)
			for (int y = 0; y < N; y++)
				for (int x = 0; x < N; x++, i++)
					ball[i] = (z - c) * (z - c) + (y - c) * (y - c) + (x - c) * (x - c) <= 9 ? -3 : 0;
		SpectralWhitening.bandPassInPlace(ball, new int[] { N, N, N }, VOXEL);
		double self = 0;
		for (float x : ball)
			self += x * x;
		for (int k = 0; k < tries; k++) {
			float[] v = ball.clone();
			aug.apply(v, 0, new SplittableRandom(200 + k));
			double along = 0;
			for (int i = 0; i < v.length; i++)
				along += v[i] * ball[i];
			double gain = along / self;
			assertTrue(gain > 0.05 && gain < 1.05, "the ball's remaining share " + gain);
		}
	}

	@Test
	void probabilityZeroLeavesTheCropAsItWas() {
		float[] v = gridNoise(7);
		float[] before = v.clone();
		new SnrAugmentation(0, VOXEL, N).apply(v, 0, new SplittableRandom(1));
		assertArrayEquals(before, v);
	}
}
