package org.tomopick.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomopick.io.OrthogonalPlane;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;
import org.tomopick.model.VoxelGeometry;

/**
 * The cut of a particle's sphere by each plane, on voxels twice as deep as wide (20 A along z, 10 A along y and x):
 * radius sqrt(r^2 - d^2) in Angstrom, so half as many voxels along z; the hit test on the same circles.
 */
class PlaneCirclesTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();
	private static final ParticleClass RIBO = CZII.get("ribosome"); // 150 A
	private static final ParticleClass APO = CZII.get("apo-ferritin"); // 60 A
	private static final VoxelGeometry ANISOTROPIC = new VoxelGeometry(new double[][] { { 20, 10, 10 } },
			new double[][] { { 0, 0, 0 } });
	private final PlaneCircles circles = new PlaneCircles(ANISOTROPIC, 0);
	// voxel x 50, y 30, z 20
	private final Particle ribosome = new Particle(RIBO, 500, 300, 400, 0.9, Provenance.FUSED);

	@Test
	void aSphereIsCutInACircleOfRadiusSqrtRSquaredMinusDSquared() {
		assertEquals(4, PlaneCircles.radiusInPlane(5, 3), 1e-12);
		assertEquals(5, PlaneCircles.radiusInPlane(5, 0), 1e-12);
		assertEquals(4, PlaneCircles.radiusInPlane(5, -3), 1e-12);
		assertTrue(Double.isNaN(PlaneCircles.radiusInPlane(5, 5)), "a tangent plane shows nothing");
		assertTrue(Double.isNaN(PlaneCircles.radiusInPlane(5, 6)));
	}

	@Test
	void xzThroughTheCentreShowsTheFullRadiusWithFewerVoxelsAlongZ() {
		PlaneCircles.Circle c = circles.cut(7, ribosome, OrthogonalPlane.XZ, 30).orElseThrow();
		assertEquals(7, c.id());
		assertEquals(50, c.column(), 1e-9, "x");
		assertEquals(20, c.row(), 1e-9, "z");
		assertEquals(15, c.columnRadius(), 1e-9, "150 A over 10 A voxels along x");
		assertEquals(7.5, c.rowRadius(), 1e-9, "150 A over 20 A voxels along z");
		assertTrue(c.throughCentre());
	}

	@Test
	void planesAwayFromTheCentreCutSmallerCircles() {
		// XZ at y = 39: 90 A from the centre, radius sqrt(150^2 - 90^2) = 120 A
		PlaneCircles.Circle xz = circles.cut(1, ribosome, OrthogonalPlane.XZ, 39).orElseThrow();
		assertEquals(12, xz.columnRadius(), 1e-9);
		assertEquals(6, xz.rowRadius(), 1e-9);
		assertFalse(xz.throughCentre());
		// YZ at x = 41, 90 A on the other side: z to the right, y down
		PlaneCircles.Circle yz = circles.cut(1, ribosome, OrthogonalPlane.YZ, 41).orElseThrow();
		assertEquals(20, yz.column(), 1e-9, "z");
		assertEquals(30, yz.row(), 1e-9, "y");
		assertEquals(6, yz.columnRadius(), 1e-9, "120 A over 20 A along z");
		assertEquals(12, yz.rowRadius(), 1e-9, "120 A over 10 A along y");
		// XY at z = 24: 80 A above the centre
		PlaneCircles.Circle xy = circles.cut(1, ribosome, OrthogonalPlane.XY, 24).orElseThrow();
		assertEquals(Math.sqrt(150 * 150 - 80 * 80) / 10, xy.columnRadius(), 1e-9);
		assertEquals(xy.columnRadius(), xy.rowRadius(), 1e-12);
		assertTrue(circles.cut(1, ribosome, OrthogonalPlane.XZ, 45).isEmpty(), "150 A away: tangent, nothing");
		assertTrue(circles.cut(1, ribosome, OrthogonalPlane.YZ, 66).isEmpty());
		assertTrue(circles.cut(1, ribosome, OrthogonalPlane.XY, 28).isEmpty(), "160 A above");
	}

	@Test
	void onlyShownParticlesThatThePlaneCutsAreListed() {
		Particle apo = new Particle(APO, 500, 380, 400, 0.3, Provenance.FUSED); // y 38
		Map<Long, Particle> particles = Map.of(1L, ribosome, 2L, apo);
		ParticleDisplaySettings all = ParticleDisplaySettings.defaults();
		assertEquals(2, circles.inPlane(particles, all, OrthogonalPlane.XZ, 36).size(), "both cross y = 36");
		List<PlaneCircles.Circle> atCentre = circles.inPlane(particles, all, OrthogonalPlane.XZ, 30);
		assertEquals(1, atCentre.size(), "apo-ferritin (60 A) does not reach 80 A away");
		assertEquals(1L, atCentre.get(0).id());
		assertEquals(1, circles.inPlane(particles, all.withMinScore(0.5), OrthogonalPlane.XZ, 36).size());
		assertEquals(1, circles.inPlane(particles, all.withClassVisible("ribosome", false), OrthogonalPlane.XZ, 36)
				.size());
	}

	@Test
	void theHitTestUsesTheSameCircleInEveryPlane() {
		Map<Long, Particle> particles = Map.of(1L, ribosome);
		ParticleDisplaySettings all = ParticleDisplaySettings.defaults();
		// XZ at y = 39: a circle of 120 A, 12 voxels along x and 6 along z
		assertEquals(1L, circles.particleAt(particles, all, OrthogonalPlane.XZ, 39, 50 + 11, 20).getAsLong());
		assertTrue(circles.particleAt(particles, all, OrthogonalPlane.XZ, 39, 50 + 13, 20).isEmpty());
		assertEquals(1L, circles.particleAt(particles, all, OrthogonalPlane.XZ, 39, 50, 20 + 5.5).getAsLong());
		assertTrue(circles.particleAt(particles, all, OrthogonalPlane.XZ, 39, 50, 20 + 6.5).isEmpty());
		assertEquals(1L, circles.particleAt(particles, all, OrthogonalPlane.YZ, 50, 20 + 7, 30).getAsLong());
		assertTrue(circles.particleAt(particles, all, OrthogonalPlane.YZ, 50, 20 + 8, 30).isEmpty());
		assertTrue(circles.particleAt(particles, all.withClassVisible("ribosome", false), OrthogonalPlane.XZ, 30,
				50, 20).isEmpty(), "hidden particles cannot be hit");
	}

	@Test
	void overlappingCirclesGiveTheNearestCentre() {
		Particle other = new Particle(RIBO, 600, 300, 400, 0.9, Provenance.FUSED); // x 60
		Map<Long, Particle> particles = Map.of(1L, ribosome, 2L, other);
		ParticleDisplaySettings all = ParticleDisplaySettings.defaults();
		assertEquals(1L, circles.particleAt(particles, all, OrthogonalPlane.XZ, 30, 54, 20).getAsLong());
		assertEquals(2L, circles.particleAt(particles, all, OrthogonalPlane.XZ, 30, 56, 20).getAsLong());
	}
}
