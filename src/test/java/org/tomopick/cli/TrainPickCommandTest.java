package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.copick.CopickPicksLoader;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;

/**
 * The whole command-line job on tiny data: simulate a project, train both branches for a few steps, pick in every
 * mode, and evaluate. This checks the wiring and the files, not accuracy (a few steps teach a network nothing).
 */
class TrainPickCommandTest {

	@TempDir
	Path tmp;

	@Test
	void simulateTrainPickAndEvaluate() throws java.io.IOException {
		Path project = tmp.resolve("project");
		Path models = tmp.resolve("models");
		assertEquals(0, TomoPickCliTest.cli("simulate", "--out", project.toString(), "--shape", "40,96,96", "--runs",
				"3", "--density", "20000").code());

		TomoPickCliTest.Run unet = TomoPickCliTest.cli("train", "--branch", "unet", "--project", project.toString(),
				"--epochs", "1", "--steps", "2", "--width", "4", "--snr-augmentation", "0.5", "--out",
				models.resolve("unet").toString());
		TomoPickCliTest.Run yolo = TomoPickCliTest.cli("train", "--branch", "yolo", "--project", project.toString(),
				"--epochs", "1", "--steps", "2", "--width", "4", "--out", models.resolve("yolo").toString());

		assertEquals(0, unet.code(), unet.err());
		assertEquals(0, yolo.code(), yolo.err());
		TomoPickCliTest.Run snrYolo = TomoPickCliTest.cli("train", "--branch", "yolo", "--project",
				project.toString(), "--snr-augmentation", "0.5", "--out", tmp.resolve("unused").toString());
		assertEquals(2, snrYolo.code(), snrYolo.err());
		assertTrue(snrYolo.err().contains("--snr-augmentation is for --branch unet only"), snrYolo.err());
		assertTrue(unet.out().contains("on 2 runs [sim_1, sim_2], validating on [sim_3]"), unet.out());
		assertTrue(Files.isRegularFile(models.resolve("unet/unet.params")));
		assertTrue(Files.isRegularFile(models.resolve("unet/unet.json")));
		assertTrue(Files.isRegularFile(models.resolve("yolo/yolo.params")));
		assertTrue(Files.isRegularFile(models.resolve("yolo/yolo.json")));

		// Every candidate becomes a proposal, so that even these untrained branches give examples of some classes.
		Path examples = tmp.resolve("examples");
		TomoPickCliTest.Run classifier = TomoPickCliTest.cli("train-classifier", "--models", models.toString(),
				"--project", project.toString(), "--runs", "sim_1,sim_2", "--val-project", project.toString(),
				"--trees", "10", "--proposal-threshold", "0", "--proposal-support", "0", "--examples",
				examples.toString());
		assertEquals(0, classifier.code(), classifier.err());
		assertTrue(classifier.out().contains("fitted 10 trees on"), classifier.out());
		assertTrue(Files.isRegularFile(examples.resolve("train/sim_2.examples")));
		assertTrue(Files.isRegularFile(examples.resolve("val/sim_3.examples")));
		// Refitting from the kept examples runs no branch and gives the same validation table.
		TomoPickCliTest.Run refit = TomoPickCliTest.cli("train-classifier", "--models", models.toString(),
				"--project", project.toString(), "--runs", "sim_1,sim_2", "--val-project", project.toString(),
				"--trees", "10", "--proposal-threshold", "0", "--proposal-support", "0", "--examples",
				examples.toString(), "--out", tmp.resolve("refit").toString());
		assertEquals(0, refit.code(), refit.err());
		assertTrue(refit.out().contains("examples of 2 training and 3 validation runs read from"), refit.out());
		assertTrue(!refit.out().contains("proposals of"), refit.out());
		String table = classifier.out().substring(classifier.out().indexOf("validation, every proposal"));
		assertEquals(table.substring(0, table.indexOf("classifier written")),
				refit.out().substring(refit.out().indexOf("validation, every proposal"),
						refit.out().indexOf("classifier written")));
		assertTrue(Files.isRegularFile(models.resolve("classifier/classifier.forest")));
		assertTrue(Files.readString(models.resolve("classifier/classifier.json")).contains("\"candidate_threshold\": 0.0"));

		TomoPickCliTest.Run tune = TomoPickCliTest.cli("tune", "--models", models.toString(), "--val",
				project.toString());
		assertEquals(0, tune.code(), tune.err());
		assertTrue(Files.isRegularFile(models.resolve("pipeline.json")));
		for (String mode : List.of("full", "unet", "yolo", "no-dbscan", "no-classifier"))
			assertTrue(tune.out().contains(mode), tune.out());
		assertTrue(Files.readString(models.resolve("unet/unet.json")).contains("0.1"), "peak threshold written");

		Path picks = tmp.resolve("picks");
		for (String mode : List.of("full", "unet", "yolo", "no-dbscan", "no-classifier")) {
			TomoPickCliTest.Run pick = TomoPickCliTest.cli("pick", "--input", project + ":sim_3", "--out",
					picks.toString(), "--models", models.toString(), "--mode", mode, "--session", mode,
					"--threshold", "all=0.3");
			assertEquals(0, pick.code(), pick.err());
			assertTrue(pick.out().contains("run sim_3:") && pick.out().contains("seconds:"), pick.out());
			Map<String, List<Particle>> written = new CopickPicksLoader(new CopickProject(picks),
					ParticleCatalog.czii()).load("tomopick", mode, List.of());
			assertEquals(List.of("sim_3"), List.copyOf(written.keySet()));
			int printed = Integer.parseInt(pick.out().replaceAll("(?s).*run sim_3: (\\d+) particles.*", "$1"));
			assertEquals(printed, written.get("sim_3").size(), "the picks file holds what was reported");
			for (Particle p : written.get("sim_3"))
				assertTrue(p.score() >= 0.3, "threshold applied: " + p);
			TomoPickCliTest.Run eval = TomoPickCliTest.cli("evaluate", "--truth", project.toString(), "--picks",
					picks.toString(), "--user", "tomopick", "--session", mode, "--runs", "sim_3");
			assertEquals(0, eval.code(), eval.err());
		}
		Path maps = tmp.resolve("maps");
		assertEquals(0, TomoPickCliTest.cli("pick", "--input", project + ":sim_3", "--out", picks.toString(),
				"--models", models.toString(), "--mode", "unet", "--heatmap", maps.toString()).code());
		org.tomopick.io.VolumeSource map = org.tomopick.io.VolumeSource.open(maps.resolve("sim_3/ribosome.zarr"));
		assertEquals(20.0, map.geometry().orElseThrow().voxelSize(0)[2], 0.1, "maps at the UNet's 20 A");
		assertEquals(20, map.shape(0)[0], "40 slices binned 2x");
	}

	@Test
	void missingModelsAndBadOptionsAreUsageErrors() {
		TomoPickCliTest.Run run = TomoPickCliTest.cli("pick", "--input", tmp.toString(), "--out",
				tmp.resolve("o").toString(), "--models", tmp.resolve("none").toString());
		assertEquals(2, run.code());
		assertEquals(2, TomoPickCliTest.cli("pick", "--input", tmp.toString(), "--out", tmp.toString(), "--mode",
				"best").code());
		assertEquals(2, TomoPickCliTest.cli("train", "--branch", "cnn", "--project", tmp.toString()).code());
		assertEquals(2, TomoPickCliTest.cli("pick", "--input", tmp.toString(), "--out", tmp.toString(), "--threshold",
				"ribosome=high").code());
	}

	@Test
	void pickChecksTheOutputNamesBeforeLoadingModelsOrPicking() {
		Path project = tmp.resolve("p");
		assertEquals(0, TomoPickCliTest.cli("simulate", "--out", project.toString(), "--shape", "16,32,32", "--runs",
				"1", "--density", "1000").code());
		TomoPickCliTest.Run run = TomoPickCliTest.cli("pick", "--input", project + ":sim_1", "--out",
				tmp.resolve("o").toString(), "--models", tmp.resolve("no-models").toString(), "--user", "bad_user");
		assertEquals(2, run.code(), run.err());
		assertTrue(run.err().contains("user_id") && run.err().contains("bad_user"), run.err());
		assertTrue(!Files.exists(tmp.resolve("o").resolve("ExperimentRuns")), "nothing written");
	}
}
