package org.tomopick.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/** Cross-slice linking recovers 3D centres of simulated spheres from hand-made 2D detections. */
class YoloLinkingTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();
	private static final double VOXEL = 10;

	/** Detections of a sphere on every slice within 0.8 r of its centre, with seeded jitter in x-y. */
	private static void sphere(List<SliceDetection> out, ParticleClass c, double x, double y, double z,
			SplittableRandom random, int skippedSlice) {
		double r = c.radiusAngstrom();
		for (int s = (int) Math.ceil((z - 0.8 * r) / VOXEL); s * VOXEL <= z + 0.8 * r; s++) {
			if (s == skippedSlice)
				continue;
			double dz = s * VOXEL - z, half = Math.sqrt(r * r - dz * dz);
			double jx = (random.nextDouble() - 0.5) * 0.2 * r, jy = (random.nextDouble() - 0.5) * 0.2 * r;
			out.add(new SliceDetection(c, x + jx, y + jy, s * VOXEL, s, half, 0.5 + 0.4 * half / r));
		}
	}

	@Test
	void linkingRecoversSphereCentres() {
		SplittableRandom random = new SplittableRandom(5);
		List<SliceDetection> d = new ArrayList<>();
		List<Particle> truth = List.of(
				new Particle(CZII.get("ribosome"), 1000, 1200, 800, 1, Provenance.SIMULATED),
				new Particle(CZII.get("apo-ferritin"), 1040, 1200, 1100, 1, Provenance.SIMULATED),
				new Particle(CZII.get("apo-ferritin"), 2000, 500, 600, 1, Provenance.SIMULATED),
				new Particle(CZII.get("apo-ferritin"), 2010, 505, 800, 1, Provenance.SIMULATED),
				new Particle(CZII.get("thyroglobulin"), 1010, 1190, 1300, 1, Provenance.SIMULATED));
		for (Particle p : truth)
			sphere(d, p.type(), p.x(), p.y(), p.z(), random, p.type().name().equals("ribosome") ? 80 : -1);
		// a stray single detection: too short a track
		d.add(new SliceDetection(CZII.get("beta-amylase"), 3000, 3000, 500, 50, 40, 0.9));
		java.util.Collections.shuffle(d, new java.util.Random(3));

		List<Particle> picked = new SliceTrackLinker(YoloDetectionSettings.defaults(), 1).link(d);
		assertEquals(truth.size(), picked.size(), "picked: " + picked);
		for (Particle t : truth) {
			Particle nearest = picked.stream().filter(p -> p.type().equals(t.type()))
					.min(Comparator.comparingDouble(p -> p.distanceTo(t))).orElseThrow();
			assertTrue(nearest.distanceTo(t) < 0.1 * t.type().radiusAngstrom(),
					t + " recovered at " + nearest);
			assertEquals(Provenance.YOLO, nearest.provenance());
		}
	}

	@Test
	void sliceStrideWidensTheAllowedGap() {
		ParticleClass apo = CZII.get("apo-ferritin");
		List<SliceDetection> d = List.of(new SliceDetection(apo, 100, 100, 0, 0, 50, 0.8),
				new SliceDetection(apo, 100, 100, 60, 6, 50, 0.8));
		YoloDetectionSettings s = YoloDetectionSettings.defaults().withLinking(0.5, 2, 2);
		assertEquals(0, new SliceTrackLinker(s, 1).link(d).size(), "6 slices apart is more than a gap of 2");
		assertEquals(1, new SliceTrackLinker(s, 3).link(d).size(), "with stride 3 it is 2 sampled slices");
	}

	@Test
	void nmsKeepsTheStrongerOfOverlappingBoxes() {
		ParticleClass apo = CZII.get("apo-ferritin");
		SliceDetection strong = new SliceDetection(apo, 100, 100, 0, 0, 50, 0.9);
		SliceDetection weak = new SliceDetection(CZII.get("ribosome"), 110, 100, 0, 0, 50, 0.5);
		SliceDetection apart = new SliceDetection(apo, 300, 100, 0, 0, 50, 0.4);
		// overlap 90 x 100 of two 100 x 100 boxes: IoU 9000 / 11000
		assertEquals(9000.0 / 11000, strong.iou(weak), 1e-12);
		assertEquals(List.of(strong, apart), SliceNms.suppress(List.of(weak, apart, strong), 0.4));
	}
}
