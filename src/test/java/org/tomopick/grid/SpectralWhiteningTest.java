package org.tomopick.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.jtransforms.fft.FloatFFT_3D;
import org.junit.jupiter.api.Test;
import org.tomopick.io.DenseVolume;

/** Whitening makes noise of different colours alike and keeps a particle where it is. */
class SpectralWhiteningTest {

	private static final int N = 48;

	/** Gaussian noise shaped in Fourier space by |f|^exponent (0 white, 1 ramp, -1 low-frequency-heavy). */
	private static float[] colouredNoise(double exponent, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		float[] a = new float[2 * N * N * N];
		for (int i = 0; i < N * N * N; i++)
			a[i] = (float) r.nextGaussian();
		FloatFFT_3D fft = new FloatFFT_3D(N, N, N);
		fft.realForwardFull(a);
		SpectralWhitening.forEachFrequency(new int[] { N, N, N }, (i, f) -> {
			float g = f == 0 ? 0 : (float) Math.pow(f, exponent);
			a[2 * i] *= g;
			a[2 * i + 1] *= g;
		});
		fft.complexInverse(a, true);
		float[] v = new float[N * N * N];
		for (int i = 0; i < v.length; i++)
			v[i] = a[2 * i] * 1e-4f; // any scale
		return v;
	}

	/** Power in a low band / power in a high band of a volume. */
	private static double lowOverHigh(float[] v) {
		float[] a = new float[2 * v.length];
		System.arraycopy(v, 0, a, 0, v.length);
		new FloatFFT_3D(N, N, N).realForwardFull(a);
		double[] lowHigh = new double[2];
		SpectralWhitening.forEachFrequency(new int[] { N, N, N }, (i, f) -> {
			double p = a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1];
			if (f > 0.08 && f < 0.14)
				lowHigh[0] += p;
			else if (f > 0.26 && f < 0.32)
				lowHigh[1] += p;
		});
		return lowHigh[0] / lowHigh[1];
	}

	@Test
	void noiseOfAnyColourComesOutWithTheSameSpectrum() {
		double[] ratios = new double[3];
		double[] exponents = { 0, 1, -1 };
		for (int k = 0; k < 3; k++) {
			float[] v = colouredNoise(exponents[k], 3 + k);
			double before = lowOverHigh(v);
			WorkingGrid g = WorkingGrid.prepare(DenseVolume.ofFloats(new int[] { N, N, N }, v), 20, 20,
					Normalisation.WHITENED);
			ratios[k] = lowOverHigh(g.data());
			if (exponents[k] != 0)
				assertTrue(Math.abs(Math.log(before / ratios[0])) > 0.5, "coloured input differs from white: " + before);
		}
		// the band-pass alone gives the same low/high ratio to any white input; all three agree within 10%
		assertEquals(ratios[0], ratios[1], 0.1 * ratios[0], "ramp vs white after whitening");
		assertEquals(ratios[0], ratios[2], 0.1 * ratios[0], "1/f vs white after whitening");
	}

	@Test
	void aDenseBallStaysWhereItIsAndDarkerThanTheNoise() {
		float[] v = colouredNoise(1, 9);
		double sd = 0;
		for (float x : v)
			sd += x * x;
		sd = Math.sqrt(sd / v.length);
		int cz = 20, cy = 25, cx = 30;
		for (int z = 0, i = 0; z < N; z++)
			for (int y = 0; y < N; y++)
				for (int x = 0; x < N; x++, i++)
					if ((z - cz) * (z - cz) + (y - cy) * (y - cy) + (x - cx) * (x - cx) <= 16)
						v[i] -= (float) (2 * sd);
		WorkingGrid g = WorkingGrid.prepare(DenseVolume.ofFloats(new int[] { N, N, N }, v), 20, 20,
				Normalisation.WHITENED);
		// box-average 3^3 and find the darkest spot
		double best = Double.POSITIVE_INFINITY;
		int[] at = null;
		for (int z = 1; z < N - 1; z++)
			for (int y = 1; y < N - 1; y++)
				for (int x = 1; x < N - 1; x++) {
					double s = 0;
					for (int dz = -1; dz <= 1; dz++)
						for (int dy = -1; dy <= 1; dy++)
							for (int dx = -1; dx <= 1; dx++)
								s += g.value(z + dz, y + dy, x + dx);
					if (s < best) {
						best = s;
						at = new int[] { z, y, x };
					}
				}
		// within half the ball's radius of its centre
		assertTrue(Math.abs(at[0] - cz) <= 2 && Math.abs(at[1] - cy) <= 2 && Math.abs(at[2] - cx) <= 2,
				"darkest spot at " + java.util.Arrays.toString(at));
	}

	@Test
	void correlationWithABandPassedTemplateEqualsTheDirectSumOverOffsets() {
		int[] shape = { 6, 7, 8 };
		int n = 6 * 7 * 8;
		SplittableRandom r = new SplittableRandom(9);
		float[] v = new float[n], kernel = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) r.nextGaussian();
		kernel[0] = 1; // an off-centre, asymmetric template: (0,0,0), (0,0,1) and (1,2,0) wrapped to (1,2,-1)
		kernel[1] = 0.5f;
		kernel[(1 * 7 + 2) * 8 + 7] = -0.75f;
		double voxel = 40; // the band-pass at 40 A voxels damps these frequencies only in part
		float[] out = SpectralWhitening.correlateBandPassed(v, shape, kernel, voxel);
		float[] template = kernel.clone();
		SpectralWhitening.bandPassInPlace(template, shape, voxel);
		for (int z = 0; z < 6; z++)
			for (int y = 0; y < 7; y++)
				for (int x = 0; x < 8; x++) {
					double sum = 0;
					for (int dz = 0; dz < 6; dz++)
						for (int dy = 0; dy < 7; dy++)
							for (int dx = 0; dx < 8; dx++)
								sum += v[(((z + dz) % 6) * 7 + (y + dy) % 7) * 8 + (x + dx) % 8]
										* template[(dz * 7 + dy) * 8 + dx];
					assertEquals(sum, out[(z * 7 + y) * 8 + x], 1e-4, "at " + z + "," + y + "," + x);
				}
	}
}
