package org.tomopick.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomopick.spark.SparkTestSupport.RUNS;
import static org.tomopick.spark.SparkTestSupport.fileStamps;
import static org.tomopick.spark.SparkTestSupport.leftovers;
import static org.tomopick.spark.SparkTestSupport.picksFiles;
import static org.tomopick.spark.SparkTestSupport.picksFolderEntries;
import static org.tomopick.spark.SparkTestSupport.scratch;
import static org.tomopick.spark.SparkTestSupport.sequentialPicks;
import static org.tomopick.spark.SparkTestSupport.sparkPick;
import static org.tomopick.spark.SparkTestSupport.status;
import static org.tomopick.spark.SparkTestSupport.summary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * A Spark job stopped half way, in a child JVM that runs the tasks one after the other (local[1]) and is parked by
 * a test seam before it picks sim_7, the third run: killed with SIGKILL (no clean-up at all) it leaves the first two
 * runs complete and nothing half written, and the same command started again picks the other two and leaves the
 * first two as they are, so that each run's picks are written once; stopped with SIGTERM (the shutdown Ctrl-C
 * starts) it writes the summary of what finished.
 */
class KilledSparkJobTest {

	private static final String PAUSED_RUN = "sim_7";

	@Test
	void aKilledJobStartedAgainFinishesTheRestAndWritesEachRunOnce() throws Exception {
		Path out = scratch("killed");
		Path log = scratch("killed-log").resolve("child.log");
		Process child = pausedChild(out, log);
		child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

		Map<String, Map<String, String>> stamps = new HashMap<>();
		for (String run : List.of("sim_5", "sim_6")) {
			assertEquals(7, picksFolderEntries(out, run).size(), "6 picks files and the record: "
					+ picksFolderEntries(out, run));
			stamps.put(run, fileStamps(out, run));
		}
		for (String run : List.of("sim_7", "sim_8"))
			assertFalse(Files.exists(out.resolve("ExperimentRuns").resolve(run).resolve("Picks")), run);
		assertFalse(Files.exists(out.resolve("tomopick-batch.json")), "the killed driver wrote no summary");

		SparkTestSupport.Run again = sparkPick(out, "--master", "local[2]", "--mode", "unet");
		assertEquals(0, again.code(), again.out() + again.err());
		Map<String, JsonObject> summary = summary(out);
		Path sequential = sequentialPicks("unet");
		for (String run : RUNS) {
			boolean before = run.equals("sim_5") || run.equals("sim_6");
			assertEquals(before ? "skipped" : "picked", status(summary, run), run);
			if (before)
				assertEquals(stamps.get(run), fileStamps(out, run), run + " was not written again");
			List<String> entries = picksFolderEntries(out, run);
			assertEquals(7, entries.size(), run + ": 6 picks files and the record, nothing else: " + entries);
			Map<String, byte[]> expected = picksFiles(sequential, run), actual = picksFiles(out, run);
			assertEquals(expected.keySet(), actual.keySet());
			for (String file : expected.keySet())
				assertArrayEquals(expected.get(file), actual.get(file), run + "/" + file);
		}
		assertEquals(List.of(), leftovers(out));
	}

	@Test
	void sigtermStopsTheJobKeepsWhatFinishedAndWritesTheSummary() throws Exception {
		Path out = scratch("terminated");
		Path log = scratch("terminated-log").resolve("child.log");
		Process child = pausedChild(out, log);
		child.destroy(); // SIGTERM: the JVM's shutdown, as Ctrl-C's SIGINT starts it
		assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the job stopped");
		String output = Files.readString(log);
		assertNotEquals(0, child.exitValue(), output);
		assertTrue(output.contains("cancelled"), output);
		assertFalse(output.contains("internal error"), output);
		Map<String, JsonObject> summary = summary(out);
		assertEquals("picked", status(summary, "sim_5"));
		assertEquals("picked", status(summary, "sim_6"));
		for (String run : List.of("sim_7", "sim_8")) {
			assertEquals("not-run", status(summary, run), run);
			assertEquals("cancelled", summary.get(run).get("error").getAsString());
		}
		assertFalse(Files.exists(out.resolve("ExperimentRuns").resolve(PAUSED_RUN).resolve("Picks")));
		assertEquals(List.of(), leftovers(out));
	}

	/**
	 * {@code spark pick --master local[1] --mode unet} in a child JVM, parked before it picks sim_7 (sim_5 and sim_6
	 * are then complete); returned once parked, still running.
	 */
	private static Process pausedChild(Path out, Path log) throws IOException, InterruptedException {
		Path signal = log.resolveSibling("paused");
		List<String> cmd = new ArrayList<>(SparkTestSupport.childJvm(
				"-D" + TestSeams.PAUSE_BEFORE + "=" + PAUSED_RUN + ":" + signal));
		cmd.addAll(List.of("pick", "--input", SparkTestSupport.project().toString(), "--out", out.toString(),
				"--models", SparkTestSupport.MODELS.toString(), "--master", "local[1]", "--mode", "unet"));
		Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (!Files.exists(signal) && child.isAlive() && System.nanoTime() < until)
			Thread.sleep(50);
		assertTrue(child.isAlive() && Files.exists(signal), "the child parked before " + PAUSED_RUN + ": "
				+ Files.readString(log));
		return child;
	}
}
