package org.tomopick.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tomopick.classify.LabelDecision;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/** The block bootstrap that adapt uses to keep a change only when the held-out data are sure of it. */
class ChanceBetterTest {

	private static final ParticleCatalog CATALOG = ParticleCatalog.czii();
	private static final ParticleClass RIBOSOME = CATALOG.get("ribosome");
	private static final PipelineTuning NONE = new PipelineTuning(0.2, Map.of(), "test", LabelDecision.MOST_PROBABLE);

	/** 64 ribosomes on an 8 x 8 grid, 1000 A apart (one per 800 A block at most). */
	private static List<Particle> truth() {
		List<Particle> t = new ArrayList<>();
		for (int i = 0; i < 8; i++)
			for (int j = 0; j < 8; j++)
				t.add(new Particle(RIBOSOME, 500 + 1000 * i, 500 + 1000 * j, 900, 1, Provenance.IMPORTED));
		return t;
	}

	private static PipelineTuner.Picks picks(List<Particle> truth, List<Particle> picks) {
		Map<PickingMode, Map<String, List<Particle>>> byMode = new EnumMap<>(PickingMode.class);
		byMode.put(PickingMode.FULL, Map.of("run", picks));
		return new PipelineTuner.Picks(Map.of("run", truth), byMode, Map.of("run", picks));
	}

	/** The truth positions, every k-th left out (k = 0: none). */
	private static List<Particle> found(List<Particle> truth, int missEvery) {
		List<Particle> out = new ArrayList<>();
		for (int i = 0; i < truth.size(); i++)
			if (missEvery == 0 || i % missEvery != 0)
				out.add(new Particle(RIBOSOME, truth.get(i).x() + 10, truth.get(i).y(), truth.get(i).z(), 0.9,
						Provenance.FUSED));
		return out;
	}

	@Test
	void sameOrClearlyBetterOrBarelyBetter() {
		PipelineTuner tuner = new PipelineTuner(new ParticleCatalog(List.of(RIBOSOME)), 0.2);
		List<Particle> truth = truth();
		PipelineTuner.Picks all = picks(truth, found(truth, 0));
		PipelineTuner.Picks half = picks(truth, found(truth, 2));
		// identical picks: no draw can tell them apart
		assertEquals(0.5, tuner.chanceBetter(all, NONE, all, NONE, 800, 200, 1), 1e-12);
		// every particle against half of them: better in every draw, and the other way round never
		assertEquals(1.0, tuner.chanceBetter(all, NONE, half, NONE, 800, 200, 1), 1e-12);
		assertEquals(0.0, tuner.chanceBetter(half, NONE, all, NONE, 800, 200, 1), 1e-12);
		// one particle more out of 64: better or equal in every draw, but not in all (the block is not always drawn)
		List<Particle> oneMissing = found(truth, 0).subList(1, truth.size());
		double barely = tuner.chanceBetter(all, NONE, picks(truth, oneMissing), NONE, 800, 400, 1);
		assertTrue(barely > 0.5 && barely < 0.9, "one particle in 64 is not sure: " + barely);
		// false picks in a block without truth count against their picks
		List<Particle> withFalse = new ArrayList<>(found(truth, 0));
		Random r = new Random(3);
		for (int k = 0; k < 20; k++)
			withFalse.add(new Particle(RIBOSOME, 20000 + 300 * k, 20000 + 100 * r.nextInt(5), 900, 0.9,
					Provenance.FUSED));
		assertTrue(tuner.chanceBetter(all, NONE, picks(truth, withFalse), NONE, 800, 200, 1) > 0.5);
	}
}
