package org.tomopick.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tomopick.grid.Normalisation;
import org.tomopick.io.DenseVolume;

class TomogramSamplerTest {

	/** v = x + 2y + 3z on an 8^3 grid: median 10.5, MAD-based scale computed by hand below. */
	private static DenseVolume ramp() {
		int n = 8;
		float[] v = new float[n * n * n];
		for (int z = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++)
					v[(z * n + y) * n + x] = x + 2 * y + 3 * z;
		return DenseVolume.ofFloats(new int[] { n, n, n }, v);
	}

	@Test
	void interpolatesLinearlyInAngstromInRobustUnits() {
		DenseVolume v = ramp();
		double[] ms = Normalisation.medianAndMad(v.toFloatArray().clone());
		assertEquals(21.0, ms[0], 1e-9, "median of x + 2y + 3z over 0..7 is 3.5 x 6");
		TomogramSampler s = TomogramSampler.unbinned(v, 10, Normalisation.ROBUST_Z);
		double x = 23, y = 41, z = 17; // voxel 2.3, 4.1, 1.7
		double expected = (2.3 + 2 * 4.1 + 3 * 1.7 - ms[0]) / ms[1];
		assertEquals(expected, s.at(x, y, z), 1e-5);
		assertEquals((0 - ms[0]) / ms[1], s.at(0, 0, 0), 1e-5);
	}

	@Test
	void isZeroFarOutsideAndClipsHotVoxels() {
		float[] v = new float[4 * 4 * 4];
		for (int i = 0; i < v.length; i++)
			v[i] = i % 2;
		v[0] = 1e6f;
		TomogramSampler s = TomogramSampler.unbinned(DenseVolume.ofFloats(new int[] { 4, 4, 4 }, v), 5,
				Normalisation.ROBUST_Z);
		assertEquals(0, s.at(-100, 10, 10), 0);
		assertEquals(0, s.at(10, 10, 500), 0);
		assertEquals(Normalisation.CLIP, s.at(0, 0, 0), 1e-9, "a hot voxel is clipped");
	}
}
