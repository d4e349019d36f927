package org.tomopick.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.progress.CancelledException;
import org.tomopick.progress.Progress;
import org.tomopick.sim.SimulatedTomogram;

/** Checkpoints: a run continues after the last saved epoch; a checkpoint of another architecture is refused. */
class UNetTrainerResumeTest {

	@TempDir
	Path work;

	@Test
	void resumesAfterTheLastCheckpoint() {
		SimulatedTomogram sim = UNetTestData.tinyTomogram(9);
		List<TrainingExample> train = List.of(
				new TrainingExample("a", sim.tomogram(), sim.voxelSizeAngstrom(), sim.truth()));
		UNetSettings two = UNetTestData.tinySettings(2, 2);
		two = two.withTraining(two.training().withIntervals(1, 1));
		UNetTrainingResult first = new UNetTrainer(two, work).train(train, List.of(), Progress.NONE, r -> {
		});
		assertEquals(2, first.history().size());
		assertTrue(Files.isRegularFile(first.lastCheckpoint().resolve(UNetModel.SIDECAR)));
		assertTrue(Files.isRegularFile(first.bestModel().resolve(UNetModel.PARAMETERS)));

		UNetSettings three = two.withTraining(two.training().withEpochs(3));
		List<EpochRecord> reported = new ArrayList<>();
		UNetTrainingResult second = new UNetTrainer(three, work).train(train, List.of(), Progress.NONE,
				reported::add);
		assertEquals(1, reported.size(), "only the new epoch runs");
		assertEquals(3, reported.get(0).epoch());
		assertEquals(3, second.history().size());
		assertEquals(first.history(), second.history().subList(0, 2));
		try (UNetModel last = UNetModel.load(second.lastCheckpoint())) {
			assertEquals(3, last.info().trainedEpochs());
		}

		UNetSettings other = three.withArchitecture(three.architecture().withBaseChannels(4))
				.withTraining(three.training().withEpochs(4));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> new UNetTrainer(other, work).train(train, List.of(), Progress.NONE, r -> {
				}));
		assertTrue(e.getMessage().contains("cannot resume"), e.getMessage());
	}

	@Test
	void fineTuningKeepsTheStartingModelsPeakThresholds(@TempDir Path second) {
		SimulatedTomogram sim = UNetTestData.tinyTomogram(9);
		List<TrainingExample> train = List.of(
				new TrainingExample("a", sim.tomogram(), sim.voxelSizeAngstrom(), sim.truth()));
		UNetSettings one = UNetTestData.tinySettings(1, 2);
		UNetTrainingResult first = new UNetTrainer(one, work).train(train, List.of(), Progress.NONE, r -> {
		});
		Path start = first.bestModel();
		try (UNetModel m = UNetModel.load(start)) {
			assertTrue(m.info().classes().stream().allMatch(c -> c.threshold() != 0.15), "not already 0.15");
			m.updateInfo(m.info().withClasses(m.info().classes().stream().map(c -> c.withThreshold(0.15, 3))
					.toList()));
			m.save(start);
		}
		UNetTrainingResult tuned = new UNetTrainer(one, second).withInitialModel(start).train(train, List.of(),
				Progress.NONE, r -> {
				});
		for (Path p : List.of(tuned.bestModel(), tuned.lastCheckpoint()))
			try (UNetModel m = UNetModel.load(p)) {
				assertTrue(m.info().classes().stream().allMatch(c -> c.threshold() == 0.15 && c.minVoxels() == 3),
						p + ": " + m.info().classes());
				assertEquals(1, m.info().trainedEpochs());
			}
	}

	@Test
	void cancellationStopsTraining() {
		SimulatedTomogram sim = UNetTestData.tinyTomogram(9);
		List<TrainingExample> train = List.of(
				new TrainingExample("a", sim.tomogram(), sim.voxelSizeAngstrom(), sim.truth()));
		Progress cancel = new Progress() {
			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		assertThrows(CancelledException.class, () -> new UNetTrainer(UNetTestData.tinySettings(1, 1), work)
				.train(train, List.of(), cancel, r -> {
				}));
	}
}
