package org.tomopick.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;
import org.tomopick.model.VoxelGeometry;

/** Binning, normalisation and sphere targets. */
class WorkingVolumeTest {

	@Test
	void binsByTheIntegerFactorAndAveragesPartialBlocks() {
		int[] shape = { 3, 4, 5 };
		float[] v = new float[60];
		for (int z = 0, i = 0; z < 3; z++)
			for (int y = 0; y < 4; y++)
				for (int x = 0; x < 5; x++, i++)
					v[i] = 100 * z + 10 * y + x;
		float[] b = WorkingVolume.bin(v, shape, 2, new int[] { 2, 2, 3 });
		// block (0,0,0): z 0-1, y 0-1, x 0-1 -> mean 100*0.5 + 10*0.5 + 0.5
		assertEquals(55.5, b[0], 1e-4);
		// block (1,1,2): z 2, y 2-3, x 4 -> 200 + 25 + 4
		assertEquals(229, b[11], 1e-4);
	}

	@Test
	void voxelSizesMustPairByAnIntegerFactor() {
		assertEquals(2, WorkingVolume.binningFactor(10.012444, 20));
		assertEquals(1, WorkingVolume.binningFactor(20, 20));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> WorkingVolume.binningFactor(13, 20));
		assertTrue(e.getMessage().contains("integer factor"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> WorkingVolume.binningFactor(40, 20));
	}

	@Test
	void prepareNormalisesRobustlyAndMapsVoxelsToAngstrom() {
		int[] shape = { 8, 8, 8 };
		float[] v = new float[512];
		java.util.SplittableRandom r = new java.util.SplittableRandom(1);
		for (int i = 0; i < v.length; i++)
			v[i] = (float) (3e-4 + 2e-4 * r.nextGaussian());
		v[7] = 1; // a hot voxel does not move median or MAD, and is clipped
		WorkingVolume w = WorkingVolume.prepare(DenseVolume.ofFloats(shape, v.clone()), 10, 20,
				new RobustNormalizer(6));
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
	void spheresAtTheParticlesSmallerOnesOnTop() {
		ParticleCatalog c = UNetTestData.twoClasses(); // ribosome 150 A (label 1), apo-ferritin 60 A (label 2)
		VoxelGeometry g = VoxelGeometry.isotropic(10, 1);
		int[] shape = { 20, 30, 30 };
		Particle ribosome = new Particle(c.get("ribosome"), 100, 100, 100, 1, Provenance.IMPORTED);
		Particle ferritin = new Particle(c.get("apo-ferritin"), 150, 100, 100, 1, Provenance.IMPORTED);
		byte[] labels = SphereTargets.paint(shape, g, List.of(ferritin, ribosome), c, 0.5);
		// ribosome sphere radius 7.5 voxels around (10,10,10); ferritin radius 3 voxels around x = 15
		assertEquals(1, labels[(10 * 30 + 10) * 30 + 10]);
		assertEquals(1, labels[(10 * 30 + 10) * 30 + 3]); // 7 voxels left of the ribosome centre
		assertEquals(0, labels[(10 * 30 + 10) * 30 + 2]); // 8 voxels: outside
		assertEquals(2, labels[(10 * 30 + 10) * 30 + 15]);
		assertEquals(2, labels[(10 * 30 + 10) * 30 + 13]); // inside both: the small one wins
		assertEquals(2, labels[(10 * 30 + 10) * 30 + 18]);
		assertEquals(0, labels[(10 * 30 + 10) * 30 + 19]);
		int ferritinVoxels = 0;
		for (byte b : labels)
			if (b == 2)
				ferritinVoxels++;
		// lattice points within radius 3 of a lattice point: 123
		assertEquals(123, ferritinVoxels);
	}
}
