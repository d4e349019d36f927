package org.tomopick.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomopick.spark.SparkTestSupport.RUNS;
import static org.tomopick.spark.SparkTestSupport.attempts;
import static org.tomopick.spark.SparkTestSupport.fileStamps;
import static org.tomopick.spark.SparkTestSupport.leftovers;
import static org.tomopick.spark.SparkTestSupport.picksFiles;
import static org.tomopick.spark.SparkTestSupport.scratch;
import static org.tomopick.spark.SparkTestSupport.sequentialPicks;
import static org.tomopick.spark.SparkTestSupport.sparkPick;
import static org.tomopick.spark.SparkTestSupport.status;
import static org.tomopick.spark.SparkTestSupport.summary;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomopick.io.copick.CopickPicksReader;
import org.tomopick.model.ParticleCatalog;

import com.google.gson.JsonObject;

/**
 * {@code tomopick spark pick} with Spark embedded (local[2]) on four small simulated runs: the same picks as the
 * sequential {@code pick}, byte for byte; a rerun skips what is complete; Spark's retry picks a run whose first
 * attempt failed; bad runs fail alone.
 */
class SparkPickTest {

	@Test
	void sparkPicksAreByteForByteThoseOfTheSequentialPick() throws Exception {
		Path sequential = sequentialPicks("full");
		Path out = scratch("identical");
		SparkTestSupport.Run job = sparkPick(out, "--master", "local[2]");
		assertEquals(0, job.code(), job.out() + job.err());
		assertTrue(job.out().contains("4 runs in") && job.out().contains("4 picked, 0 skipped, 0 failed"), job.out());
		assertTrue(job.err().contains("spark pick: 4/4 runs (4 picked"), "the driver's progress line: " + job.err());
		Map<String, JsonObject> summary = summary(out);
		assertEquals(RUNS, List.copyOf(summary.keySet()), "one line per run, in the order of the runs");
		int modelLoads = 0;
		for (String run : RUNS) {
			Map<String, byte[]> expected = picksFiles(sequential, run), actual = picksFiles(out, run);
			assertEquals(expected.keySet(), actual.keySet(), run);
			assertEquals(6, actual.size(), "one file per class: " + actual.keySet());
			for (String file : expected.keySet())
				assertArrayEquals(expected.get(file), actual.get(file), run + "/" + file);
			assertEquals("picked", status(summary, run));
			assertEquals(1, attempts(summary, run));
			JsonObject particles = summary.get(run).getAsJsonObject("particles");
			for (String file : actual.keySet()) {
				Path picks = out.resolve("ExperimentRuns").resolve(run).resolve("Picks").resolve(file);
				var read = CopickPicksReader.read(picks, ParticleCatalog.czii());
				assertEquals(read.particles().size(), particles.get(read.objectName()).getAsInt(), run + " " + file);
			}
			JsonObject seconds = summary.get(run).getAsJsonObject("seconds");
			for (String stage : List.of("read", "unet", "yolo", "fusion", "write", "total"))
				assertTrue(seconds.has(stage), run + " seconds of " + stage + ": " + seconds);
			if (seconds.has("models"))
				modelLoads++;
			assertTrue(summary.get(run).get("executor").getAsString().startsWith("driver@"));
		}
		assertTrue(modelLoads <= 2, "the models are loaded once per task slot and reused, not per run: " + modelLoads);
		List<String> csv = Files.readAllLines(out.resolve("tomopick-batch.csv"), StandardCharsets.UTF_8);
		assertEquals(5, csv.size(), String.join("\n", csv));
		assertTrue(csv.get(0).startsWith("run,status,particles,apo-ferritin,"), csv.get(0));
		assertTrue(csv.get(0).endsWith(",attempts,executor,error"), csv.get(0));
		assertTrue(Files.isRegularFile(out.resolve("copick_config.json")), "copick opens the result");
		assertEquals(List.of(), leftovers(out));
	}

	@Test
	void aRerunSkipsEveryCompleteRunAndPicksOnlyWhatChanged() throws Exception {
		Path out = scratch("rerun");
		SparkTestSupport.Run first = sparkPick(out, "--master", "local[2]", "--mode", "unet");
		assertEquals(0, first.code(), first.out() + first.err());
		Map<String, JsonObject> before = summary(out);
		Map<String, Map<String, String>> stamps = new java.util.HashMap<>();
		for (String run : RUNS)
			stamps.put(run, fileStamps(out, run));

		SparkTestSupport.Run rerun = sparkPick(out, "--master", "local[2]", "--mode", "unet");
		assertEquals(0, rerun.code(), rerun.out() + rerun.err());
		Map<String, JsonObject> after = summary(out);
		for (String run : RUNS) {
			assertEquals("skipped", status(after, run));
			assertEquals(before.get(run).get("particles"), after.get(run).get("particles"), "from the run's record");
			assertEquals(stamps.get(run), fileStamps(out, run), run + ": nothing written again");
		}

		// picks edited after the job are not complete any more: that run alone is picked again
		Path edited = out.resolve("ExperimentRuns/sim_6/Picks/tomopick_0_ribosome.json");
		byte[] original = Files.readAllBytes(edited);
		Files.writeString(edited, "{}");
		SparkTestSupport.Run third = sparkPick(out, "--master", "local[2]", "--mode", "unet");
		assertEquals(0, third.code(), third.out() + third.err());
		Map<String, JsonObject> again = summary(out);
		for (String run : RUNS)
			assertEquals(run.equals("sim_6") ? "picked" : "skipped", status(again, run), run);
		assertArrayEquals(original, Files.readAllBytes(edited), "picked again, the same picks");

		// other settings (another mode) are another fingerprint: nothing is skipped, and --force picks all again
		SparkTestSupport.Run otherMode = sparkPick(out, "--master", "local[2]", "--mode", "yolo");
		assertEquals(0, otherMode.code(), otherMode.out() + otherMode.err());
		summary(out).values().forEach(r -> assertEquals("picked", r.get("status").getAsString()));
		SparkTestSupport.Run forced = sparkPick(out, "--master", "local[2]", "--mode", "yolo", "--force");
		assertEquals(0, forced.code(), forced.out() + forced.err());
		summary(out).values().forEach(r -> assertEquals("picked", r.get("status").getAsString()));
	}

	@Test
	void aRunWhoseFirstAttemptFailsIsPickedBySparksRetry() throws Exception {
		Path sequential = sequentialPicks("unet");
		Path out = scratch("retry");
		System.setProperty(TestSeams.FAIL_FIRST_ATTEMPT, "sim_7");
		try {
			SparkTestSupport.Run job = sparkPick(out, "--master", "local[2]", "--mode", "unet");
			assertEquals(0, job.code(), job.out() + job.err());
			Map<String, JsonObject> summary = summary(out);
			for (String run : RUNS) {
				assertEquals("picked", status(summary, run), run);
				assertEquals(run.equals("sim_7") ? 2 : 1, attempts(summary, run), run);
				Map<String, byte[]> expected = picksFiles(sequential, run), actual = picksFiles(out, run);
				for (String file : expected.keySet())
					assertArrayEquals(expected.get(file), actual.get(file), run + "/" + file);
			}

			// with one attempt allowed, the same fault is the run's failure, reported; the others are done
			Path once = scratch("retry-once");
			SparkTestSupport.Run single = sparkPick(once, "--master", "local[2]", "--mode", "unet", "--max-attempts",
					"1");
			assertEquals(TomoPickSpark.SOME_RUNS_FAILED, single.code(), single.out() + single.err());
			Map<String, JsonObject> failed = summary(once);
			assertEquals("failed", status(failed, "sim_7"));
			assertEquals(1, attempts(failed, "sim_7"));
			assertTrue(failed.get("sim_7").get("error").getAsString().contains("fault injected by a test"),
					failed.get("sim_7").toString());
			assertTrue(single.out().contains("run sim_7 failed (1 attempt): InjectedFault: fault injected"),
					single.out());
			for (String run : List.of("sim_5", "sim_6", "sim_8"))
				assertEquals("picked", status(failed, run));

			// running out of memory is retried too, and does not end this JVM (Spark would take it for fatal)
			System.setProperty(TestSeams.FAIL_FIRST_ATTEMPT, "sim_6:oom");
			Path oom = scratch("retry-oom");
			SparkTestSupport.Run outOfMemory = sparkPick(oom, "--master", "local[2]", "--mode", "unet", "--runs",
					"sim_5,sim_6");
			assertEquals(0, outOfMemory.code(), outOfMemory.out() + outOfMemory.err());
			assertEquals(2, attempts(summary(oom), "sim_6"));
			assertEquals("picked", status(summary(oom), "sim_6"));
		} finally {
			System.clearProperty(TestSeams.FAIL_FIRST_ATTEMPT);
		}
	}

	@Test
	void badRunsFailAloneWithTheirMessageAndTheExitCodeSaysSo() throws Exception {
		Path project = scratch("bad-runs-project");
		copyTree(SparkTestSupport.project(), project);
		Path corrupt = project.resolve("ExperimentRuns/sim_6/VoxelSpacing10.012/wbp.zarr");
		Files.writeString(corrupt.resolve("0/0/1/1"), "not a blosc chunk");
		Path wrongVoxel = project.resolve("ExperimentRuns/sim_7/VoxelSpacing10.012/wbp.zarr");
		Path zattrs = wrongVoxel.resolve(".zattrs");
		Files.writeString(zattrs, Files.readString(zattrs).replace("10.012444", "100.12444"));
		Path out = scratch("bad-runs");
		SparkTestSupport.Run job = SparkTestSupport.spark("pick", "--input", project.toString(), "--out",
				out.toString(), "--models", SparkTestSupport.MODELS.toString(), "--master", "local[2]", "--mode", "unet");
		assertEquals(TomoPickSpark.SOME_RUNS_FAILED, job.code(), job.out() + job.err());
		assertFalse(job.err().contains("\tat "), "no stack trace: " + job.err());
		Map<String, JsonObject> summary = summary(out);
		assertEquals("picked", status(summary, "sim_5"));
		assertEquals("picked", status(summary, "sim_8"));
		for (String run : List.of("sim_6", "sim_7")) {
			assertEquals("failed", status(summary, run), run);
			assertEquals(1, attempts(summary, run), "bad input is not retried: " + run);
			assertFalse(Files.exists(out.resolve("ExperimentRuns").resolve(run).resolve("Picks")), run + " has no picks");
		}
		String corruptError = summary.get("sim_6").get("error").getAsString();
		assertTrue(corruptError.contains(corrupt.resolve("0").toString()), "names the file: " + corruptError);
		String voxelError = summary.get("sim_7").get("error").getAsString();
		assertTrue(voxelError.startsWith(wrongVoxel.toString()) && voxelError.contains("100.124"), voxelError);
		assertTrue(job.out().contains("run sim_6 failed (1 attempt): " + corruptError), job.out());
		String csv = Files.readString(out.resolve("tomopick-batch.csv"));
		assertTrue(csv.contains("sim_7,failed,"), csv);
		assertNotEquals(-1, csv.indexOf(voxelError.substring(0, 40)), csv);
	}

	@Test
	void badJobInputIsOneLineAndExitCode2BeforeSparkStarts() throws Exception {
		Path out = scratch("bad-input");
		Path file = Files.writeString(out.resolve("a-file"), "x");
		String project = SparkTestSupport.project().toString();
		String models = SparkTestSupport.MODELS.toString();
		List<List<String>> cases = List.of(
				List.of("pick", "--input", out.resolve("missing").toString(), "--out", out.toString()),
				List.of("pick", "--input", project, "--out", out.toString(), "--runs", "sim_5,nope", "--models", models),
				List.of("pick", "--input", project, "--out", file.toString(), "--models", models),
				List.of("pick", "--input", project, "--out", out.toString(), "--master", "local[2,3]"),
				List.of("pick", "--input", project, "--out", out.toString(), "--max-attempts", "0"),
				List.of("pick", "--input", project, "--out", out.toString(), "--mode", "best"),
				List.of("pick", "--input", project, "--out", out.toString(), "--threshold", "ribosome=2"),
				List.of("pick", "--input", project, "--out", out.toString(), "--models", out.toString()));
		for (List<String> args : cases) {
			SparkTestSupport.Run r = SparkTestSupport.spark(args.toArray(String[]::new));
			assertEquals(TomoPickSpark.BAD_INPUT, r.code(), args + ": " + r.err());
			assertEquals(1, r.err().strip().lines().count(), args + ": one line: " + r.err());
			assertTrue(r.err().startsWith("tomopick spark pick: error: "), r.err());
		}
		assertFalse(Files.exists(out.resolve("tomopick-batch.json")), "nothing written");
	}

	static void copyTree(Path from, Path to) throws java.io.IOException {
		try (var s = Files.walk(from)) {
			for (Path p : s.toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p))
					Files.createDirectories(target);
				else
					Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}
}
