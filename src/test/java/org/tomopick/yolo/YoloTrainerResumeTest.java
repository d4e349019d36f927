package org.tomopick.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.nn.DjlRuntime;
import org.tomopick.progress.CancelledException;
import org.tomopick.progress.Progress;
import org.tomopick.sim.SimulatedTomogram;

/** Checkpoints after every epoch, resuming after the last finished one, cancelling through the Progress. */
class YoloTrainerResumeTest {

	@Test
	void resumesAfterTheLastFinishedEpoch(@TempDir Path dir) {
		DjlRuntime.configure(2);
		ParticleCatalog czii = ParticleCatalog.czii();
		SimulatedTomogram tomo = YoloOverfitTest.tinyTomogram();
		YoloExample example = new YoloExample("tiny", tomo.tomogram(), 10, tomo.truth());
		YoloSettings settings = YoloSettings.defaults().withArchitecture(new YoloArchitecture(3, 1, 0, 6))
				.withWorkingVoxel(10).withTraining(YoloTrainingSettings.defaults().withSchedule(2, 2, 2).withCropSize(96));
		List<YoloEpochReport> first = new ArrayList<>();
		try (YoloModel m = new YoloTrainer(settings, czii).withCheckpoints(dir).onEpoch(first::add)
				.train(List.of(example), List.of(example), Progress.NONE).best()) {
			assertEquals(2, first.size());
		}
		assertTrue(Files.isRegularFile(dir.resolve("last.params")) && Files.isRegularFile(dir.resolve("best.json")));

		List<YoloEpochReport> second = new ArrayList<>();
		YoloSettings longer = settings.withTraining(settings.training().withSchedule(3, 2, 2));
		YoloTrainingResult r = new YoloTrainer(longer, czii).withCheckpoints(dir).onEpoch(second::add)
				.train(List.of(example), List.of(example), Progress.NONE);
		r.best().close();
		assertEquals(1, second.size(), "only the third epoch is left");
		assertEquals(3, second.get(0).epoch());
		assertTrue(r.bestEpoch() >= 1 && r.bestEpoch() <= 3);

		Progress cancelled = new Progress() {
			@Override
			public boolean isCancelled() {
				return true;
			}
		};
		org.junit.jupiter.api.Assertions.assertThrows(CancelledException.class,
				() -> new YoloTrainer(settings, czii).train(List.of(example), List.of(), cancelled));
	}
}
