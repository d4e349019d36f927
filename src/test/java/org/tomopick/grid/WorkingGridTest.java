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
	void nearIntegerRatiosBinOthersResample() {
		assertEquals(2, WorkingGrid.scale(10.012444, 20));
		assertEquals(1, WorkingGrid.scale(20, 20));
		assertEquals(20 / 13.48, WorkingGrid.scale(13.48, 20), 1e-12, "resampled to exactly 20 A");
		assertEquals(20 / 7.84, WorkingGrid.scale(7.84, 20), 1e-12);
		assertEquals(0.5, WorkingGrid.scale(40, 20), 1e-12);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkingGrid.scale(50, 20));
		assertTrue(e.getMessage().contains("too far"), e.getMessage());
		assertEquals(15, WorkingGrid.scale(1.3, 20), "small voxels: the integer rule, binned by 15");
		assertThrows(IllegalArgumentException.class, () -> WorkingGrid.scale(Double.NaN, 20));
	}

	@Test
	void resamplingAveragesWhatEachWorkingVoxelCoversAndKeepsPositions() {
		// a ramp along x: the mean over a box is the value at its centre, which must be where toAngstrom says
		int[] shape = { 6, 7, 40 };
		float[] v = new float[6 * 7 * 40];
		for (int i = 0; i < v.length; i++)
			v[i] = 3 + 0.5f * (i % 40);
		double scale = WorkingGrid.scale(13.48, 20);
		int nx = (int) Math.ceil(40 / scale);
		float[] r = BoxResampling.resample(v, shape, scale, new int[] { 4, 5, nx });
		WorkingGrid positions = new WorkingGrid(new float[0], new int[] { 4, 5, nx }, scale, 13.48,
				Normalisation.ROBUST_Z);
		BoxResampling.AxisWeights w = BoxResampling.AxisWeights.of(40, scale, nx);
		for (int u = 0; u < nx - 1; u++) {
			// the value is the ramp at the centroid of the input voxels it averages (exact for a ramp) ...
			double centroid = 0;
			for (int k = 0; k < w.weights()[u].length; k++)
				centroid += w.weights()[u][k] * (w.first()[u] + k);
			assertEquals(3 + 0.5 * centroid, r[u], 1e-4, "x " + u);
			// ... which lies within a sixth of an input voxel of where the grid says working voxel u is
			assertEquals(positions.toAngstrom(u) / 13.48, centroid, 1 / 6.0, "x " + u);
			assertEquals(u, positions.toWorking(positions.toAngstrom(u)), 1e-12);
		}
		assertEquals(20.0, positions.voxelAngstrom(), 1e-9);
		// constant along z and y: every output row is the same
		assertEquals(r[0], r[(3 * 5 + 4) * nx], 1e-5);
		// an integer scale gives the block means of the binning rule
		float[] b = BoxResampling.resample(v, shape, 2, new int[] { 3, 4, 20 });
		float[] binned = WorkingGrid.binned(DenseVolume.ofFloats(shape, v), 2).toFloatArray();
		for (int i = 0; i < b.length; i++)
			assertEquals(binned[i], b[i], 1e-4);
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
		assertEquals(2, w.scale());
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
