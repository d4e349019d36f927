package org.tomopick.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.eval.ClassScore;
import org.tomopick.eval.CziiScore;
import org.tomopick.eval.ScoreReport;
import org.tomopick.model.Particle;
import org.tomopick.progress.Progress;
import org.tomopick.sim.SimulatedTomogram;

/** A tiny UNet learns a tiny simulated tomogram: the loss falls and the particles are found again. */
class UNetOverfitTest {

	@TempDir
	Path work;

	@Test
	void tinyModelOverfitsTinyVolume() {
		SimulatedTomogram sim = UNetTestData.tinyTomogram(5);
		TrainingExample example = new TrainingExample("tiny", sim.tomogram(), sim.voxelSizeAngstrom(), sim.truth());
		UNetSettings settings = UNetTestData.tinySettings(6, 25);
		List<EpochRecord> seen = new ArrayList<>();
		UNetTrainingResult result = new UNetTrainer(settings, work).train(List.of(example), List.of(example),
				Progress.NONE, seen::add);
		seen.forEach(System.out::println);

		assertEquals(6, result.history().size());
		double first = result.history().get(0).loss(), last = result.history().get(5).loss();
		assertTrue(last < 0.6 * first, "loss should fall clearly: first epoch " + first + ", last " + last);

		try (UNetModel model = UNetModel.load(result.bestModel())) {
			UNetDetection d = new UNetDetector(model, settings.tiling(), settings.peaks()).detect(sim.tomogram(),
					sim.voxelSizeAngstrom(), Progress.NONE);
			ScoreReport report = new CziiScore(settings.classes()).score(Map.of("tiny", sim.truth()),
					Map.of("tiny", d.candidates()));
			System.out.println(report.toTable());
			int truth = 0, hit = 0;
			for (ClassScore c : report.classes().values()) {
				truth += c.truthCount();
				hit += c.tp();
			}
			assertEquals(sim.truth().size(), truth);
			assertTrue(hit >= 0.8 * truth, "recall over all classes " + hit + "/" + truth);
			assertTrue(report.weightedFBeta() > 0.5, "CZII score on the training volume " + report.weightedFBeta());
			for (Particle p : d.candidates())
				assertTrue(p.score() > 0 && p.score() <= 1);
		}
	}
}
