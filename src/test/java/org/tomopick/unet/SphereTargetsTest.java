package org.tomopick.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;
import org.tomopick.model.VoxelGeometry;

/** The UNet's training targets. */
class SphereTargetsTest {

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
