package org.tomopick.grid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomopick.io.DenseVolume;

/** The one binning rule and the normalisations. */
class WorkingGridTest {

	@Test
	void binsByTheIntegerFactorAndAveragesPartialBlocks() {
		int[] shape = { 3, 4, 5 };
		float[] v = new float[60];
		for (int z = 0, i = 0; z < 3; z++)
			for (int y = 0; y < 4; y++)
				for (int x = 0; x < 5; x++, i++)
					v[i] = 100 * z + 10 * y + x;
		float[] b = WorkingGrid.bin(v, shape, 2, new int[] { 2, 2, 3 });
		// block (0,0,0): z 0-1, y 0-1, x 0-1 -> mean 100*0.5 + 10*0.5 + 0.5
		assertEquals(55.5, b[0], 1e-4);
		// block (1,1,2): z 2, y 2-3, x 4 -> 200 + 25 + 4
		assertEquals(229, b[11], 1e-4);
	}

	@Test
	void voxelSizesMustPairByAnIntegerFactor() {
		assertEquals(2, WorkingGrid.binningFactor(10.012444, 20));
		assertEquals(1, WorkingGrid.binningFactor(20, 20));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> WorkingGrid.binningFactor(13, 20));
		assertTrue(e.getMessage().contains("integer factor"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> WorkingGrid.binningFactor(40, 20));
	}

	@Test
	void prepareNormalisesRobustlyAndMapsVoxelsToAngstrom() {
		int[] shape = { 8, 8, 8 };
		float[] v = new float[512];
		java.util.SplittableRandom r = new java.util.SplittableRandom(1);
		for (int i = 0; i < v.length; i++)
			v[i] = (float) (3e-4 + 2e-4 * r.nextGaussian());
		v[7] = 1; // a hot voxel does not move median or MAD, and is clipped
		WorkingGrid w = WorkingGrid.prepare(DenseVolume.ofFloats(shape, v.clone()), 10, 20, Normalisation.ROBUST_Z);
		assertArrayEquals(new int[] { 4, 4, 4 }, w.shape());
		float max = -Float.MAX_VALUE;
		double sum = 0;
		for (float x : w.data()) {
			max = Math.max(max, x);
			sum += x;
		}
		assertEquals(6, max, 1e-6);
		assertTrue(Math.abs(sum / 64) < 1, "mean after normalisation " + sum / 64);
		assertEquals(2, w.binning());
		assertEquals(5, w.geometry().angstromX(0, 0), 1e-9);
		assertEquals(25, w.geometry().angstromZ(0, 1), 1e-9);
	}

	@Test
	void trainingReadsBinTheSameBlocksAsThePyramid() {
		// binned training data (CopickTomograms) and the OME-Zarr pyramid follow one rule: equal to the last bit
		int[] shape = { 5, 7, 9 };
		float[] v = new float[5 * 7 * 9];
		java.util.SplittableRandom r = new java.util.SplittableRandom(2);
		for (int i = 0; i < v.length; i++)
			v[i] = (float) r.nextGaussian();
		DenseVolume volume = DenseVolume.ofFloats(shape, v);
		DenseVolume ours = WorkingGrid.binned(volume, 2);
		DenseVolume pyramid = org.tomopick.io.zarr.PyramidBinner.bin2(volume);
		assertArrayEquals(pyramid.shape(), ours.shape());
		assertArrayEquals(pyramid.toFloatArray(), ours.toFloatArray(), 0f);
	}
}
