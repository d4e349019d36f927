package org.tomopick.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomopick.classify.LabelDecision;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/** Adapt's class-by-class threshold choice: re-chosen on held-out picks only where cross-validation favours it. */
class SureThresholdsTest {

	private static final ParticleCatalog CATALOG = ParticleCatalog.czii();
	private static final ParticleClass RIBOSOME = CATALOG.get("ribosome");
	private static final ParticleClass APO = CATALOG.get("apo-ferritin");
	private static final ParticleCatalog SCORED = new ParticleCatalog(List.of(APO, RIBOSOME));

	/** 64 particles of a class on an 8 x 8 grid, 1000 A apart, offset so that the two classes do not touch. */
	private static List<Particle> truth(ParticleClass c, double offset) {
		List<Particle> t = new ArrayList<>();
		for (int i = 0; i < 8; i++)
			for (int j = 0; j < 8; j++)
				t.add(new Particle(c, 300 + offset + 1000 * i, 300 + 1000 * j, 900, 1, Provenance.IMPORTED));
		return t;
	}

	/** A pick at every truth particle with the given score, and one false pick beside each with a lower score. */
	private static List<Particle> picks(List<Particle> truth, double trueScore, double falseScore) {
		List<Particle> out = new ArrayList<>();
		for (Particle p : truth) {
			out.add(new Particle(p.type(), p.x() + 10, p.y(), p.z(), trueScore, Provenance.FUSED));
			out.add(new Particle(p.type(), p.x() + 450, p.y() + 450, p.z(), falseScore, Provenance.FUSED));
		}
		return out;
	}

	private static PipelineTuning start(double apo, double ribosome) {
		Map<PickingMode, Map<String, Double>> t = new EnumMap<>(PickingMode.class);
		for (PickingMode m : PickingMode.values())
			t.put(m, Map.of(APO.name(), apo, RIBOSOME.name(), ribosome));
		return new PipelineTuning(0.2, t, "start", LabelDecision.MOST_PROBABLE);
	}

	@Test
	void aClearlyBetterThresholdIsTakenAndAnEquallyGoodOneIsNot() {
		List<Particle> truth = new ArrayList<>(truth(APO, 0));
		truth.addAll(truth(RIBOSOME, 200));
		List<Particle> picks = new ArrayList<>(picks(truth.subList(0, 64), 0.5, 0.1));
		picks.addAll(picks(truth.subList(64, 128), 0.5, 0.1));
		Map<PickingMode, Map<String, List<Particle>>> byMode = new EnumMap<>(PickingMode.class);
		for (PickingMode m : PickingMode.values())
			byMode.put(m, Map.of("run", picks));
		PipelineTuner.Picks all = new PipelineTuner.Picks(Map.of("run", truth), byMode, Map.of("run", picks));
		PipelineTuner tuner = new PipelineTuner(SCORED, 0.2);
		// apo-ferritin starts at 0.9, above every pick: anything chosen on half the blocks wins on the other half;
		// the ribosome starts at 0.3, as good as any threshold between the false (0.1) and true (0.5) scores
		List<String> lines = new ArrayList<>();
		PipelineTuning sure = tuner.sureThresholds(all, start(0.9, 0.3), "test", 800, 50, 1, 0.6, lines::add);
		double apo = sure.thresholds(PickingMode.FULL).get(APO.name());
		assertTrue(apo > 0.1 && apo <= 0.5, "apo-ferritin re-chosen between the false and true scores: " + apo);
		assertEquals(0.3, sure.thresholds(PickingMode.FULL).get(RIBOSOME.name()), 1e-12,
				"ties only: the starting ribosome threshold stays at confidence 0.6; " + lines);
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("apo-ferritin") && l.contains("100%")), lines.toString());
		assertEquals(1.0, tuner.score(all, PickingMode.FULL, sure), 1e-9);
		// ties alone never re-choose, even at confidence 0.5
		PipelineTuning loose = tuner.sureThresholds(all, start(0.9, 0.3), "test", 800, 50, 1, 0.5, l -> {
		});
		assertEquals(0.3, loose.thresholds(PickingMode.FULL).get(RIBOSOME.name()), 1e-12);
		assertEquals(apo, loose.thresholds(PickingMode.FULL).get(APO.name()), 1e-12);
		assertEquals(LabelDecision.MOST_PROBABLE, loose.labelDecision());
	}
}
