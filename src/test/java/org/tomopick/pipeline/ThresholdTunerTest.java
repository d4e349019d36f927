package org.tomopick.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.tomopick.eval.ThresholdTuner;
import org.tomopick.classify.LabelDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

class ThresholdTunerTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();

	private static Particle p(String cls, double x, double score) {
		return new Particle(CZII.get(cls), x, 1000, 1000, score, Provenance.FUSED);
	}

	@Test
	void picksThePerClassThresholdWithTheBestF4AndPrefersRecallOnTies() {
		ParticleClass r = CZII.get("ribosome");
		Map<String, List<Particle>> truth = Map.of("run", List.of(new Particle(r, 1000, 1000, 1000, 1, Provenance.IMPORTED),
				new Particle(r, 3000, 1000, 1000, 1, Provenance.IMPORTED),
				new Particle(CZII.get("apo-ferritin"), 6000, 1000, 1000, 1, Provenance.IMPORTED)));
		Map<String, List<Particle>> picks = Map.of("run", List.of(
				// ribosome: hits scored 0.3 and 0.8, a false pick at 0.6. Worked out by hand, F4 = 17PR/(16P+R):
				// t <= 0.3: P 2/3, R 1 -> 0.971; 0.3 < t <= 0.6: P 1/2, R 1/2 -> 0.5; 0.6 < t <= 0.8: P 1, R 1/2 -> 0.515
				p("ribosome", 1010, 0.3), p("ribosome", 3010, 0.8), p("ribosome", 9000, 0.6),
				// apo-ferritin: a hit at 0.9, a false pick at 0.1: t <= 0.1 -> P 1/2, R 1 -> 0.944; above -> 1.0
				p("apo-ferritin", 6005, 0.9), p("apo-ferritin", 8000, 0.1)));

		Map<String, Double> t = new ThresholdTuner(CZII, 0.5).tune(truth, picks);

		assertEquals(0.0, t.get("ribosome"), 1e-12, "the lowest threshold of the best F4");
		assertEquals(0.15, t.get("apo-ferritin"), 1e-12, "the first grid value above the false pick");
		assertEquals(0.5, t.get("thyroglobulin"), 1e-12, "no truth of the class: the default");
		assertEquals(4, ThresholdTuner.apply(picks.get("run"), t).size());

		// the tuned score: the best F4 of each class (0.971 and 1.0, hand-worked above), also when every score is a
		// fifth of its value (a less confident model ranking the picks the same way)
		ThresholdTuner tuner = new ThresholdTuner(CZII, 0.5);
		var tuned = tuner.tunedScore(truth, picks).classes();
		assertEquals(17 * (2 / 3.0) / (16 * (2 / 3.0) + 1), tuned.get("ribosome").fBeta(), 1e-9);
		assertEquals(1.0, tuned.get("apo-ferritin").fBeta(), 1e-9);
		Map<String, List<Particle>> shy = Map.of("run", picks.get("run").stream().map(q -> new Particle(q.type(), q.x(),
				q.y(), q.z(), q.score() / 5, q.provenance())).toList());
		assertEquals(tuner.tunedScore(truth, picks).weightedFBeta(), tuner.tunedScore(truth, shy).weightedFBeta(),
				1e-9);
	}

	@Test
	void aTuningFileWithANonNumericOrOutOfRangeThresholdIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
		for (String bad : new String[] { "NaN", "Infinity", "-0.5", "1.5" }) {
			java.nio.file.Files.writeString(dir.resolve(PipelineTuning.FILE), "{\"candidate_threshold\": 0.2, "
					+ "\"output_thresholds\": {\"full\": {\"ribosome\": " + bad + "}}}");
			org.tomopick.io.TomoPickIoException e = org.junit.jupiter.api.Assertions.assertThrows(
					org.tomopick.io.TomoPickIoException.class, () -> PipelineTuning.readIfPresent(dir), bad);
			org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(PipelineTuning.FILE)
					&& e.getMessage().contains("ribosome"), e.getMessage());
		}
	}

	@Test
	void tuningFilesRoundTrip(@TempDir Path dir) {
		PipelineTuning tuning = new PipelineTuning(0.2, Map.of(PickingMode.FULL, Map.of("ribosome", 0.35),
				PickingMode.UNET, Map.of("apo-ferritin", 0.1)), "val [a, b]");
		tuning.write(dir);
		PipelineTuning back = PipelineTuning.readIfPresent(dir);
		assertEquals(tuning, back);
		assertEquals(null, PipelineTuning.readIfPresent(dir.resolve("none")));
		assertEquals(LabelDecision.MOST_PROBABLE, back.labelDecision(), "files without a decision: one label");

		PipelineTuning every = new PipelineTuning(0.2, Map.of(PickingMode.FULL, Map.of("ribosome", 0.35)), "val",
				LabelDecision.EVERY_LIKELY_CLASS);
		every.write(dir);
		assertEquals(every, PipelineTuning.readIfPresent(dir));
	}
}
