package org.tomopick.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.tomopick.cli.TomoPickCli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The data the Spark tests share: one small simulated CoPick project (4 runs of 64x160x160 voxels), made once per
 * test JVM, and the picks of the sequential {@code tomopick pick} of its runs per mode (the reference every Spark
 * job is compared with), made once per mode. Also: running commands and reading what they wrote.
 */
final class SparkTestSupport {

	static final Path MODELS = Path.of("../models");
	static final List<String> RUNS = List.of("sim_5", "sim_6", "sim_7", "sim_8");
	private static Path root;
	private static Path project;
	private static final Map<String, Path> SEQUENTIAL = new LinkedHashMap<>();

	private SparkTestSupport() {
	}

	record Run(int code, String out, String err) {
	}

	/** A folder of its own under target/, removed when the JVM exits. */
	static synchronized Path scratch(String name) throws IOException {
		if (root == null) {
			Files.createDirectories(Path.of("target"));
			root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "spark-tests-");
			Path r = root;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(r)));
		}
		return Files.createDirectories(root.resolve(name));
	}

	/** The simulated project: runs sim_5 .. sim_8 (seed 5), with truth as curation/0. */
	static synchronized Path project() throws IOException {
		if (project == null) {
			Path p = scratch("project");
			Run sim = tomopick("simulate", "--out", p.toString(), "--shape", "64,160,160", "--runs", "4", "--seed",
					"5", "--overwrite");
			assertEquals(0, sim.code(), sim.err());
			project = p;
		}
		return project;
	}

	/** The picks of the sequential {@code tomopick pick} of every run in this mode (made once). */
	static synchronized Path sequentialPicks(String mode) throws IOException {
		Path picks = SEQUENTIAL.get(mode);
		if (picks == null) {
			picks = scratch("sequential-" + mode);
			Run pick = tomopick("pick", "--input", project().toString(), "--out", picks.toString(), "--models",
					MODELS.toString(), "--mode", mode);
			assertEquals(0, pick.code(), pick.err());
			SEQUENTIAL.put(mode, picks);
		}
		return picks;
	}

	static Run tomopick(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		int code = TomoPickCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(code, out.toString(), err.toString());
	}

	static Run spark(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		int code = TomoPickSpark.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(code, out.toString(), err.toString());
	}

	/** {@code spark pick} of the test project into {@code out} with these extra options. */
	static Run sparkPick(Path out, String... options) throws IOException {
		List<String> args = new ArrayList<>(List.of("pick", "--input", project().toString(), "--out", out.toString(),
				"--models", MODELS.toString()));
		args.addAll(List.of(options));
		return spark(args.toArray(String[]::new));
	}

	/** The picks files of a run (name -> content), hidden files left out. */
	static Map<String, byte[]> picksFiles(Path root, String run) throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		Path dir = root.resolve("ExperimentRuns").resolve(run).resolve("Picks");
		try (Stream<Path> s = Files.list(dir)) {
			for (Path p : s.toList())
				if (!p.getFileName().toString().startsWith("."))
					files.put(p.getFileName().toString(), Files.readAllBytes(p));
		}
		return files;
	}

	/** Every entry of a run's Picks folder, hidden ones too (temporaries, journals, the record). */
	static List<String> picksFolderEntries(Path root, String run) throws IOException {
		try (Stream<Path> s = Files.list(root.resolve("ExperimentRuns").resolve(run).resolve("Picks"))) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	/** Identity and time of each file of a run's Picks folder: changes when a file is written again. */
	static Map<String, String> fileStamps(Path root, String run) throws IOException {
		Map<String, String> stamps = new TreeMap<>();
		try (Stream<Path> s = Files.list(root.resolve("ExperimentRuns").resolve(run).resolve("Picks"))) {
			for (Path p : s.toList()) {
				BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
				stamps.put(p.getFileName().toString(), a.fileKey() + "@" + a.lastModifiedTime().toMillis());
			}
		}
		return stamps;
	}

	/** The summary's results by run. */
	static Map<String, JsonObject> summary(Path out) throws IOException {
		JsonObject json = JsonParser.parseString(Files.readString(out.resolve("tomopick-batch.json"),
				StandardCharsets.UTF_8)).getAsJsonObject();
		Map<String, JsonObject> byRun = new LinkedHashMap<>();
		for (JsonElement e : json.getAsJsonArray("results"))
			byRun.put(e.getAsJsonObject().get("run").getAsString(), e.getAsJsonObject());
		return byRun;
	}

	static String status(Map<String, JsonObject> summary, String run) {
		return summary.get(run).get("status").getAsString();
	}

	static int attempts(Map<String, JsonObject> summary, String run) {
		return summary.get(run).get("attempts").getAsInt();
	}

	/** Files under a folder whose names say a writer left them half done (temporaries, rename journals). */
	static List<Path> leftovers(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(p -> {
				String n = p.getFileName().toString();
				return n.endsWith(".tmp") || n.endsWith(".journal");
			}).toList();
		}
	}

	/** The java command of a child JVM like this one (class path, Spark's JVM options) running the Spark CLI. */
	static List<String> childJvm(String... systemProperties) throws IOException {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx3g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
				"-Dai.djl.pytorch.num_interop_threads=1"));
		for (String option : Files.readString(Path.of("target/jvm.options")).trim().split("\\s+"))
			cmd.add(option);
		cmd.addAll(List.of(systemProperties));
		cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TomoPickSpark.class.getName()));
		return cmd;
	}

	static void deleteQuietly(Path dir) {
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : s.sorted(Comparator.reverseOrder()).toList())
				Files.deleteIfExists(p);
		} catch (IOException ignored) {
			// target/ is cleaned by the next mvn clean
		}
	}
}
