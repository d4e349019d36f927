package org.tomopick.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The particle classes, particles and voxel geometry: the values of the CZII challenge and the coordinate rules. */
class ParticleModelTest {

	@Test
	void cziiCatalogHasTheChallengeRadiiAndWeights() {
		// The challenge's radii (A) and score weights, as the issue and the organisers' metric state them.
		Map<String, double[]> expected = Map.of("apo-ferritin", new double[] { 60, 1 }, "beta-amylase",
				new double[] { 65, 0 }, "beta-galactosidase", new double[] { 90, 2 }, "ribosome",
				new double[] { 150, 1 }, "thyroglobulin", new double[] { 130, 2 }, "virus-like-particle",
				new double[] { 135, 1 });
		ParticleCatalog catalog = ParticleCatalog.czii();
		assertEquals(6, catalog.size());
		for (ParticleClass c : catalog.classes()) {
			assertEquals(expected.get(c.name())[0], c.radiusAngstrom(), c.name());
			assertEquals(expected.get(c.name())[1], c.scoreWeight(), c.name());
			assertFalse(c.pdbId().isEmpty(), c.name());
		}
		assertEquals(List.of(1, 2, 3, 4, 5, 6), catalog.classes().stream().map(ParticleClass::label).toList());
		assertEquals(3, catalog.indexOf(catalog.get("ribosome")));
	}

	@Test
	void catalogRejectsDuplicatesAndNamesUnknownClasses() {
		ParticleClass a = ParticleCatalog.czii().get("ribosome");
		assertThrows(IllegalArgumentException.class, () -> new ParticleCatalog(List.of(a, a)));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> ParticleCatalog.czii().get("proteasome"));
		assertTrue(e.getMessage().contains("proteasome") && e.getMessage().contains("ribosome"), e.getMessage());
	}

	@Test
	void particlesRejectNonFiniteCoordinatesAndKeepTheirOrientation() {
		ParticleClass r = ParticleCatalog.czii().get("ribosome");
		assertThrows(IllegalArgumentException.class, () -> new Particle(r, Double.NaN, 0, 0, 1, Provenance.MANUAL));
		assertThrows(IllegalArgumentException.class,
				() -> new Particle(r, 0, Double.POSITIVE_INFINITY, 0, 1, Provenance.MANUAL));
		double[] m = { 0, -1, 0, 10, 1, 0, 0, 20, 0, 0, 1, 30, 0, 0, 0, 1 };
		Particle p = new Particle(r, 1, 2, 3, 0.5, Provenance.IMPORTED, m, 7);
		m[0] = 99; // the particle holds its own copy
		Particle moved = p.withPosition(4, 6, 3);
		assertEquals(0, moved.transformation()[0]);
		assertEquals(7, moved.instanceId());
		assertEquals(5.0, p.distanceTo(moved), 1e-12); // 3-4-5 triangle
	}

	@Test
	void voxelGeometryMapsAngstromAndVoxelsAtEveryLevel() {
		VoxelGeometry g = VoxelGeometry.isotropic(10.012444, 3);
		// level 0: voxel 100 along x sits at 1001.2444 A; level 2 voxels are 4x larger
		assertEquals(1001.2444, g.angstromX(0, 100), 1e-9);
		assertEquals(25.0, g.voxelX(2, 1001.2444), 1e-9);
		assertEquals(40.049776, g.voxelSize(2)[0], 1e-9);
		assertEquals(10.012444, g.voxelSpacing(), 0);
		assertEquals(1, g.levelClosestTo(19));
		// anisotropic with a translation: z axis first in the arrays
		VoxelGeometry t = new VoxelGeometry(new double[][] { { 20, 10, 5 } }, new double[][] { { 100, 50, 25 } });
		assertEquals(3.0, t.voxelZ(0, 160), 1e-12);
		assertEquals(3.0, t.voxelY(0, 80), 1e-12);
		assertEquals(3.0, t.voxelX(0, 40), 1e-12);
		assertEquals(40.0, t.angstromX(0, t.voxelX(0, 40)), 1e-12);
		assertThrows(IllegalArgumentException.class, () -> g.voxelSize(3));
		assertThrows(IllegalArgumentException.class,
				() -> new VoxelGeometry(new double[][] { { 0, 1, 1 } }, new double[][] { { 0, 0, 0 } }));
	}
}
