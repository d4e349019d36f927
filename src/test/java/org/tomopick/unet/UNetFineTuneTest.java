package org.tomopick.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.grid.Normalisation;
import org.tomopick.progress.Progress;
import org.tomopick.sim.SimulatedTomogram;

/** A training started from a model folder starts from its weights, and records this build's normalisation. */
class UNetFineTuneTest {

	@TempDir
	Path work;

	private static float[] outputs(Path model, float[] input) {
		try (UNetModel m = UNetModel.load(model)) {
			return m.predictor().predict(input, 1, new int[] { 32, 64, 64 });
		}
	}

	private static double meanAbsDifference(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++)
			s += Math.abs(a[i] - b[i]);
		return s / a.length;
	}

	@Test
	void startsFromTheGivenWeights() {
		SimulatedTomogram sim = UNetTestData.tinyTomogram(9);
		List<TrainingExample> train = List.of(
				new TrainingExample("a", sim.tomogram(), sim.voxelSizeAngstrom(), sim.truth()));
		UNetSettings settings = UNetTestData.tinySettings(2, 3);
		Path initial = new UNetTrainer(settings, work.resolve("first")).train(train, List.of(), Progress.NONE, r -> {
		}).lastCheckpoint();
		// one step at a vanishing learning rate: the weights stay the initial model's (batch-norm statistics move a
		// little), while a model from random weights is far from them
		UNetSettings still = settings.withTraining(settings.training().withEpochs(1).withSteps(1, 32, 2)
				.withOptimizer(1e-9, 0, false).withIntervals(1, 1));
		Path tuned = new UNetTrainer(still, work.resolve("tuned")).withInitialModel(initial)
				.train(train, List.of(), Progress.NONE, r -> {
				}).lastCheckpoint();
		Path fresh = new UNetTrainer(still, work.resolve("fresh")).train(train, List.of(), Progress.NONE, r -> {
		}).lastCheckpoint();
		float[] input = new float[32 * 64 * 64];
		SplittableRandom r = new SplittableRandom(3);
		for (int i = 0; i < input.length; i++)
			input[i] = (float) r.nextGaussian();
		float[] a = outputs(initial, input);
		double tunedDiff = meanAbsDifference(a, outputs(tuned, input));
		double freshDiff = meanAbsDifference(a, outputs(fresh, input));
		assertTrue(tunedDiff < 0.2 * freshDiff, "from the initial weights " + tunedDiff + ", random " + freshDiff);
		try (UNetModel m = UNetModel.load(tuned)) {
			assertEquals(Normalisation.WHITENED, m.info().normalisation());
			assertEquals(1, m.info().trainedEpochs());
		}
	}
}
