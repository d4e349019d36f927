package org.tomopick.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.PickingMode;

/** The fingerprint changes with what decides the picks, and with nothing else. */
class PicksFingerprintTest {

	@TempDir
	Path tmp;
	private Path models;

	@BeforeEach
	void aModelsFolder() throws Exception {
		models = tmp.resolve("models");
		Files.createDirectories(models.resolve("unet"));
		Files.createDirectories(models.resolve("yolo"));
		Files.writeString(models.resolve("unet/unet.params"), "weights");
		Files.writeString(models.resolve("unet/unet.json"), "{}");
		Files.writeString(models.resolve("yolo/yolo.params"), "other weights");
		Files.writeString(models.resolve("pipeline.json"), "{\"thresholds\": 1}");
		Files.writeString(models.resolve("unet.md"), "model card");
	}

	private String of(Path m, PickingMode mode, List<String> thresholds, String user) {
		return PicksFingerprint.of(m, mode, ThresholdOptions.parse(thresholds, ParticleCatalog.czii()), null, user,
				"0", ParticleCatalog.czii());
	}

	@Test
	void theSameFilesInAnotherFolderGiveTheSameFingerprint() throws Exception {
		String before = of(models, PickingMode.FULL, List.of(), "tomopick");
		Path copy = tmp.resolve("copy");
		for (Path f : PicksFingerprint.modelFiles(models)) {
			Path target = copy.resolve(models.relativize(f).toString());
			Files.createDirectories(target.getParent());
			Files.copy(f, target);
		}
		assertEquals(before, of(copy, PickingMode.FULL, List.of(), "tomopick"));
		Files.writeString(models.resolve("unet.md"), "a longer model card");
		assertEquals(before, of(models, PickingMode.FULL, List.of(), "tomopick"), "documentation is not a model");
	}

	@Test
	void aModelFileTheTuningTheModeTheThresholdsOrTheUserChangeIt() throws Exception {
		String before = of(models, PickingMode.FULL, List.of(), "tomopick");
		assertNotEquals(before, of(models, PickingMode.UNET, List.of(), "tomopick"));
		assertNotEquals(before, of(models, PickingMode.FULL, List.of("all=0.3"), "tomopick"));
		assertNotEquals(of(models, PickingMode.FULL, List.of("all=0.3"), "tomopick"),
				of(models, PickingMode.FULL, List.of("all=0.3", "ribosome=0.4"), "tomopick"));
		assertNotEquals(before, of(models, PickingMode.FULL, List.of(), "someone"));
		Files.writeString(models.resolve("pipeline.json"), "{\"thresholds\": 2}");
		String retuned = of(models, PickingMode.FULL, List.of(), "tomopick");
		assertNotEquals(before, retuned);
		Files.writeString(models.resolve("yolo/yolo.params"), "retrained weights");
		assertNotEquals(retuned, of(models, PickingMode.FULL, List.of(), "tomopick"));
	}
}
