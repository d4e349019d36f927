package org.tomopick.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The summary of a batch job, as JSON and as CSV, written together beside the picks. */
class BatchSummaryWriterTest {

	@TempDir
	Path tmp;

	private static Map<String, Double> seconds(String... stagesAndValues) {
		Map<String, Double> m = new LinkedHashMap<>();
		for (int i = 0; i < stagesAndValues.length; i += 2)
			m.put(stagesAndValues[i], Double.parseDouble(stagesAndValues[i + 1]));
		return m;
	}

	private BatchSummary summary() {
		Map<String, Integer> particles = new LinkedHashMap<>();
		particles.put("apo-ferritin", 2);
		particles.put("ribosome", 1);
		List<RunOutcome> runs = List.of(
				new RunOutcome("a", RunStatus.PICKED, particles, seconds("read", "0.5", "unet", "2", "total", "2.5"), 1,
						"driver@h", ""),
				new RunOutcome("b", RunStatus.PICKED, particles,
						seconds("models", "1.25", "read", "0.5", "unet", "2", "total", "3.75"), 2, "1@h2", ""),
				new RunOutcome("c", RunStatus.SKIPPED, particles, Map.of(), 1, "driver@h", ""),
				RunOutcome.failed("d", 1, "driver@h", "/x/d.zarr: bad chunk, \"version\" 110\nsecond line"),
				RunOutcome.notRun("e", "cancelled"));
		return new BatchSummary("job-7", BatchSettings.defaults(Path.of("in"), tmp, Path.of("models")), "fp",
				new BatchEngine("spark", "4.1.1", "local[2,4]", 4, 1), "2026-01-01T00:00:00Z", 10, runs);
	}

	@Test
	void theCsvHasOneRowPerRunWithStagesInTheOrderTheyRanAndQuotedErrors() throws Exception {
		BatchSummaryWriter.write(tmp, summary());
		List<String> lines = Files.readAllLines(tmp.resolve(BatchSummaryWriter.CSV));
		assertEquals(List.of(
				"run,status,particles,apo-ferritin,ribosome,models_s,read_s,unet_s,total_s,attempts,executor,error",
				"a,picked,3,2,1,,0.500,2.000,2.500,1,driver@h,",
				"b,picked,3,2,1,1.250,0.500,2.000,3.750,2,1@h2,",
				"c,skipped,3,2,1,,,,,1,driver@h,",
				"d,failed,,,,,,,,1,driver@h,\"/x/d.zarr: bad chunk, \"\"version\"\" 110 second line\"",
				"e,not-run,,,,,,,,0,,cancelled"), lines);
	}

	@Test
	void theJsonCountsTheRunsByStatus() throws Exception {
		BatchSummaryWriter.write(tmp, summary());
		JsonObject json = JsonParser.parseString(Files.readString(tmp.resolve(BatchSummaryWriter.JSON)))
				.getAsJsonObject();
		assertEquals("job-7", json.get("job").getAsString());
		assertEquals(5, json.get("runs").getAsInt());
		assertEquals(2, json.get("picked").getAsInt());
		assertEquals(1, json.get("skipped").getAsInt());
		assertEquals(1, json.get("failed").getAsInt());
		assertEquals(1, json.get("not_run").getAsInt());
		assertEquals(4, json.get("max_attempts").getAsInt());
		assertEquals(720, json.get("picked_per_hour").getAsDouble(), 1e-9, "2 picked in 10 s");
		assertEquals(5, json.getAsJsonArray("results").size());
		assertEquals(2, json.getAsJsonArray("results").get(1).getAsJsonObject().get("attempts").getAsInt());
	}

	@Test
	void stagesMergeInTheOrderTheyRan() {
		List<RunOutcome> runs = List.of(
				new RunOutcome("a", RunStatus.PICKED, Map.of(), seconds("read", "1", "unet", "1", "write", "1"), 1, "",
						""),
				new RunOutcome("b", RunStatus.PICKED, Map.of(), seconds("models", "1", "read", "1", "yolo", "1", "write",
						"1", "total", "1"), 1, "", ""));
		assertEquals(List.of("models", "read", "yolo", "unet", "write", "total"), RunOutcome.stages(runs));
	}
}
