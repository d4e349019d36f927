package org.tomopick.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.fuse.FusedParticle;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;
import org.tomopick.pipeline.ClassifierTraining;

class ProposalsTest {

	private static final ParticleCatalog CATALOG = ParticleCatalog.czii();
	private static final ParticleClass THYRO = CATALOG.get("thyroglobulin"); // 130 A
	private static final ParticleClass BGAL = CATALOG.get("beta-galactosidase"); // 90 A
	private static final ParticleClass APO = CATALOG.get("apo-ferritin"); // 60 A

	private static FusedParticle fused(ParticleClass c, double x, double support) {
		return new FusedParticle(c, x, 0, 0, 0.5, support, 1, 1);
	}

	@Test
	void oneObjectSeenAsTwoClassesIsOneProposal() {
		// thyroglobulin and beta-galactosidase 40 A apart (< 45 = half of 90): one proposal, the better supported.
		List<FusedParticle> p = Proposals.of(List.of(fused(BGAL, 40, 1.0), fused(THYRO, 0, 2.0)));
		assertEquals(1, p.size());
		assertEquals(THYRO, p.get(0).type());
		// 50 A apart: two proposals.
		assertEquals(2, Proposals.of(List.of(fused(BGAL, 50, 1.0), fused(THYRO, 0, 2.0))).size());
		// two touching apo-ferritins (120 A apart) stay two.
		assertEquals(2, Proposals.of(List.of(fused(APO, 0, 1.0), fused(APO, 120, 1.0))).size());
	}

	@Test
	void overlappingParticlesKeepTheHigherScore() {
		Particle a = new Particle(THYRO, 0, 0, 0, 0.9, Provenance.FUSED);
		Particle b = new Particle(BGAL, 100, 0, 0, 0.8, Provenance.FUSED); // < (130 + 90) / 2 = 110
		Particle c = new Particle(APO, 300, 0, 0, 0.1, Provenance.FUSED);
		assertEquals(List.of(a, c), ProposalClassifier.withoutOverlaps(List.of(b, c, a)));
		Particle d = new Particle(BGAL, 115, 0, 0, 0.8, Provenance.FUSED);
		assertEquals(3, ProposalClassifier.withoutOverlaps(List.of(a, c, d)).size());
	}

	@Test
	void everyLikelyClassMergesOnlyWithinAClass() {
		Particle thyro = new Particle(THYRO, 0, 0, 0, 0.6, Provenance.FUSED);
		Particle bgal = new Particle(BGAL, 0, 0, 0, 0.3, Provenance.FUSED); // the same object, a second label
		Particle bgalNear = new Particle(BGAL, 80, 0, 0, 0.2, Provenance.FUSED); // < 90 A from the other one
		Particle bgalFar = new Particle(BGAL, 200, 0, 0, 0.2, Provenance.FUSED);
		assertEquals(List.of(thyro, bgal, bgalFar),
				ProposalClassifier.withoutOverlapsWithinClasses(List.of(bgalNear, bgalFar, bgal, thyro)));
	}

	@Test
	void labelsFollowTheCziiMatchingRule() {
		List<Particle> truth = List.of(new Particle(THYRO, 0, 0, 0, 1, Provenance.IMPORTED),
				new Particle(APO, 100, 0, 0, 1, Provenance.IMPORTED));
		int thyro = CATALOG.indexOf(THYRO) + 1, apo = CATALOG.indexOf(APO) + 1;
		assertEquals(thyro, ClassifierTraining.label(fused(BGAL, 65, 1), truth, CATALOG), "65 <= 130 / 2");
		assertEquals(0, ClassifierTraining.label(fused(BGAL, -66, 1), truth, CATALOG), "66 > 65");
		// 75 A: 75/130 = 0.58 from the thyroglobulin (too far), 25/60 = 0.42 from the apo-ferritin.
		assertEquals(apo, ClassifierTraining.label(fused(THYRO, 75, 1), truth, CATALOG));
		// 60 A: 60/130 = 0.46 from the thyroglobulin (in), 40/60 = 0.67 from the apo-ferritin (out).
		assertEquals(thyro, ClassifierTraining.label(fused(APO, 60, 1), truth, CATALOG));
		// Both in reach: the smaller distance relative to the radius wins.
		List<Particle> close = List.of(new Particle(THYRO, 0, 0, 0, 1, Provenance.IMPORTED),
				new Particle(BGAL, 100, 0, 0, 1, Provenance.IMPORTED));
		int bgal = CATALOG.indexOf(BGAL) + 1;
		assertEquals(bgal, ClassifierTraining.label(fused(APO, 60, 1), close, CATALOG), "0.44 (bgal) < 0.46");
		assertEquals(thyro, ClassifierTraining.label(fused(APO, 55, 1), close, CATALOG), "0.42 < 0.50 (bgal)");
	}
}
