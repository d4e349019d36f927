package org.tomopick.fuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/** Fusion on hand-made candidate sets; every expected value is worked out here by hand. */
class DbscanFusionTest {

	private static final ParticleCatalog CATALOG = ParticleCatalog.czii();
	private static final ParticleClass RIBOSOME = CATALOG.get("ribosome"); // r = 150 A
	private static final ParticleClass APO = CATALOG.get("apo-ferritin"); // r = 60 A
	private static final ParticleClass AMYLASE = CATALOG.get("beta-amylase"); // r = 65 A

	private final DbscanFusion fusion = new DbscanFusion(FusionSettings.defaults());

	private static Candidate c(ParticleClass t, double x, double y, double z, double conf, Branch b) {
		return new Candidate(t, x, y, z, conf, b);
	}

	@Test
	void duplicatesOfOneParticleMergeIntoOne() {
		List<FusedParticle> out = fusion.fuse(List.of(c(RIBOSOME, 1000, 1000, 1000, 0.9, Branch.UNET),
				c(RIBOSOME, 1010, 1000, 1000, 0.8, Branch.YOLO), c(RIBOSOME, 1000, 1015, 1000, 0.7, Branch.YOLO)));

		assertEquals(1, out.size());
		FusedParticle p = out.get(0);
		assertEquals(3, p.members());
		assertEquals(1, p.unetMembers());
		assertEquals(2, p.yoloMembers());
		assertEquals(0.9 + 0.8 + 0.7, p.support(), 1e-12);
		// noisy-OR of the best member of each branch: 1 - (1 - 0.9)(1 - 0.8)
		assertEquals(0.98, p.score(), 1e-12);
		assertEquals(Provenance.FUSED, p.toParticle().provenance());
	}

	@Test
	void confidenceWeightingMovesTheCentre() {
		List<FusedParticle> out = fusion.fuse(List.of(c(RIBOSOME, 1000, 2000, 3000, 0.9, Branch.UNET),
				c(RIBOSOME, 1030, 2000, 3060, 0.6, Branch.YOLO)));

		assertEquals(1, out.size());
		// x = (0.9 * 1000 + 0.6 * 1030) / 1.5 = 1012; z = (0.9 * 3000 + 0.6 * 3060) / 1.5 = 3024
		assertEquals(1012.0, out.get(0).x(), 1e-9);
		assertEquals(2000.0, out.get(0).y(), 1e-9);
		assertEquals(3024.0, out.get(0).z(), 1e-9);
	}

	@Test
	void isolatedLowConfidencePointsDropAndConfidentOnesStay() {
		List<FusedParticle> out = fusion.fuse(List.of(
				c(RIBOSOME, 0, 0, 0, 0.6, Branch.YOLO), // alone, support 0.6 < 0.9: an outlier
				c(RIBOSOME, 5000, 0, 0, 0.95, Branch.UNET), // alone but sure: kept
				c(RIBOSOME, 9000, 0, 0, 0.45, Branch.UNET), // below the 0.5 threshold: filtered first
				c(RIBOSOME, 9010, 0, 0, 0.45, Branch.YOLO)));

		assertEquals(1, out.size());
		assertEquals(5000.0, out.get(0).x(), 1e-9);
		assertEquals(Provenance.UNET, out.get(0).toParticle().provenance());
	}

	@Test
	void twoClassesAtOneSpotResolveToTheBetterSupportedOne() {
		List<FusedParticle> out = fusion.fuse(List.of(c(APO, 1000, 1000, 1000, 0.9, Branch.UNET),
				c(APO, 1005, 1000, 1000, 0.8, Branch.YOLO), c(APO, 1000, 1005, 1000, 0.7, Branch.YOLO),
				c(AMYLASE, 1010, 1000, 1000, 0.95, Branch.YOLO),
				// an amylase far away is not in conflict
				c(AMYLASE, 4000, 1000, 1000, 0.95, Branch.UNET)));

		assertEquals(2, out.size());
		assertEquals(APO, out.get(0).type()); // support 2.4 beats 0.95
		assertEquals(AMYLASE, out.get(1).type());
		assertEquals(4000.0, out.get(1).x(), 1e-9);
	}

	@Test
	void neighbouringParticlesOfOneClassStaySeparate() {
		List<Candidate> in = new ArrayList<>();
		// two ribosomes touching (centres 2 r = 300 A apart), each seen three times within 12 A
		for (double x0 : new double[] { 1000, 1300 })
			for (int k = 0; k < 3; k++)
				in.add(c(RIBOSOME, x0 + 6 * k, 500, 500, 0.8, k == 0 ? Branch.UNET : Branch.YOLO));

		List<FusedParticle> out = fusion.fuse(in);

		assertEquals(2, out.size());
		assertEquals(1006.0, Math.min(out.get(0).x(), out.get(1).x()), 1e-9);
		assertEquals(1306.0, Math.max(out.get(0).x(), out.get(1).x()), 1e-9);
	}

	@Test
	void epsFollowsTheSpreadWithinBoundsOfTheRadius() {
		// nearest-neighbour distances 20, 20, 30 -> median 20; 2.5 x 20 = 50 A, inside [37.5, 90] for r = 150
		List<Candidate> spread = List.of(c(RIBOSOME, 0, 0, 0, 1, Branch.UNET), c(RIBOSOME, 20, 0, 0, 1, Branch.YOLO),
				c(RIBOSOME, 50, 0, 0, 1, Branch.YOLO));
		assertEquals(50.0, fusion.eps(RIBOSOME, spread), 1e-9);
		// tight duplicates (2 A apart): 5 A, clamped up to 0.25 x 150 = 37.5
		List<Candidate> tight = List.of(c(RIBOSOME, 0, 0, 0, 1, Branch.UNET), c(RIBOSOME, 2, 0, 0, 1, Branch.YOLO));
		assertEquals(37.5, fusion.eps(RIBOSOME, tight), 1e-9);
		// no neighbours within one radius: the middle of the bounds, (37.5 + 90) / 2
		List<Candidate> lonely = List.of(c(RIBOSOME, 0, 0, 0, 1, Branch.UNET), c(RIBOSOME, 900, 0, 0, 1, Branch.YOLO));
		assertEquals(63.75, fusion.eps(RIBOSOME, lonely), 1e-9);
	}

	@Test
	void perClassThresholdsAndTheNoDbscanAblation() {
		FusionSettings s = FusionSettings.defaults().withThresholds(0.5, Map.of("ribosome", 0.85));
		List<Candidate> in = List.of(c(RIBOSOME, 0, 0, 0, 0.8, Branch.UNET), c(RIBOSOME, 5, 0, 0, 0.9, Branch.YOLO),
				c(APO, 3000, 0, 0, 0.6, Branch.YOLO), c(APO, 3004, 0, 0, 0.55, Branch.UNET));

		List<FusedParticle> concatenated = new DbscanFusion(s).concatenate(in);

		assertEquals(3, concatenated.size(), "the 0.8 ribosome is under its class threshold 0.85; nothing merges");
		assertEquals(0.9, concatenated.get(0).score(), 0);
		assertThrows(IllegalArgumentException.class,
				() -> new DbscanFusion(FusionSettings.defaults().withThresholds(1.5, Map.of())));
		assertTrue(new DbscanFusion(s).fuse(List.of()).isEmpty());
	}
}
