package org.tomopick.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.tomopick.batch.BatchSettings;
import org.tomopick.batch.RunOutcome;
import org.tomopick.batch.RunStatus;
import org.tomopick.cli.TomoPickCli;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.nn.DjlRuntime;
import org.tomopick.pipeline.PickingPipeline;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tomopick spark bench}: the throughput of the Spark job on this machine, in tomograms per hour, for each of
 * several local masters (default local[1] and local[2]) on the same simulated runs, in one run of the command.
 * Each master picks every run (--force) into its own output, from an empty pool of models (so each pays its own
 * model loading, as a fresh job does; only PyTorch's native library is loaded once before the first). Timings are
 * only ever measured here, never in tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = { "Prints the Spark job's throughput "
		+ "(tomograms per hour) for local[1] and local[2] (or --masters) on the same small simulated runs." })
final class SparkBenchCommand implements Callable<Integer> {

	@Option(names = "--runs", paramLabel = "N", description = "Simulated runs (default 6).")
	int runs = 6;

	@Option(names = "--shape", paramLabel = "Z,Y,X", description = "Tomogram shape in voxels of 10.012 A (default "
			+ "64,160,160).")
	String shape = "64,160,160";

	@Option(names = "--seed", paramLabel = "S", description = "Simulation seed (default 5).")
	long seed = 5;

	@Option(names = "--mode", paramLabel = "MODE", description = "Picking mode (default full).")
	String mode = "full";

	@Option(names = "--models", paramLabel = "DIR", description = "Models folder (default as for pick).")
	Path models = org.tomopick.pipeline.DefaultModels.commandLine();

	@Option(names = "--masters", paramLabel = "M,M", split = ",", description = "Local masters to compare (default "
			+ "local[1],local[2]).")
	List<String> masters = List.of("local[1]", "local[2]");

	@Option(names = "--scratch", paramLabel = "DIR", description = "Where the simulated runs and the picks go "
			+ "(default: a temporary folder, removed at the end).")
	Path scratch;

	@Spec
	CommandSpec spec;

	record Measured(String master, int slots, double wallSeconds, List<RunOutcome> outcomes) {
	}

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		for (String m : masters)
			if (!m.startsWith("local"))
				throw new IllegalArgumentException("--masters " + m + ": the bench compares local masters (Spark "
						+ "embedded here), e.g. local[1],local[2],local[4]");
		boolean temporary = scratch == null;
		Path dir = temporary ? Files.createTempDirectory("tomopick-spark-bench") : scratch;
		try {
			Path project = simulate(dir.resolve("project"));
			BatchSettings batch = new BatchSettings(project.toString(), null, dir.resolve("picks").toString(),
					"tomopick", "0", models.toString(), mode, List.of(), true).validate();
			DjlRuntime.configure(1); // spark.task.cpus = 1: one PyTorch thread per task, whatever the master
			warmUp(batch);
			List<String> runNames = CopickProject.open(project).runs();
			List<Measured> measured = new ArrayList<>();
			for (String master : masters) {
				BatchSettings b = batch.withOut(dir.resolve("picks-" + master.replaceAll("[^A-Za-z0-9]", "_")));
				measured.add(measure(new SparkJobSettings(b, master, SparkJobSettings.DEFAULT_ATTEMPTS), runNames));
			}
			print(out, measured);
			return measured.stream().allMatch(m -> m.outcomes().stream().allMatch(o -> o.status() == RunStatus.PICKED))
					? 0 : TomoPickSpark.SOME_RUNS_FAILED;
		} finally {
			if (temporary)
				deleteTree(dir);
		}
	}

	private Path simulate(Path project) {
		StringWriter log = new StringWriter();
		int code = TomoPickCli.execute(new String[] { "simulate", "--out", project.toString(), "--shape", shape,
				"--runs", Integer.toString(runs), "--seed", Long.toString(seed), "--overwrite" },
				new PrintWriter(log), new PrintWriter(log));
		if (code != 0)
			throw new TomoPickIoException(project, "simulating the bench's runs failed: " + log.toString().strip());
		return project;
	}

	/** Loads PyTorch's native library (once per JVM), so that the first master is not charged for it. */
	private static void warmUp(BatchSettings batch) {
		PickingPipeline.load(batch.modelsPath(), batch.pickingMode(), batch.fusion()).close();
	}

	private Measured measure(SparkJobSettings settings, List<String> runNames) {
		ExecutorPipelines.clear();
		long t0 = System.nanoTime();
		SparkPickJob.Result result;
		try (DriverCancellation cancellation = new DriverCancellation()) {
			result = SparkPickJob.run(settings, runNames, spec.commandLine().getErr(), cancellation);
		}
		double wall = (System.nanoTime() - t0) * 1e-9;
		if (result.cancelled())
			throw new org.tomopick.progress.CancelledException("bench");
		String master = settings.master();
		int slots = master.contains("*") ? Runtime.getRuntime().availableProcessors()
				: Integer.parseInt(master.replaceAll("[^0-9]", "").isEmpty() ? "1" : master.replaceAll("[^0-9]", ""));
		return new Measured(master, slots, wall, result.summary().runs());
	}

	private void print(PrintWriter out, List<Measured> measured) {
		out.printf(Locale.ROOT, "Spark bench: %d simulated tomograms of %s voxels (10.012 A), mode %s, %d cores on "
				+ "this machine, 1 PyTorch thread per task; wall = the whole job (Spark start, model loading, picking)%n",
				runs, shape.replace(',', 'x'), mode, Runtime.getRuntime().availableProcessors());
		out.printf(Locale.ROOT, "%-10s %6s %8s %16s %15s %14s%n", "master", "tasks", "wall s", "task s/tomogram",
				"tomograms/hour", "per task slot");
		for (Measured m : measured) {
			double perHour = m.outcomes().size() * 3600 / m.wallSeconds();
			out.printf(Locale.ROOT, "%-10s %6d %8.1f %16.2f %15.0f %14.0f%n", m.master(), m.slots(), m.wallSeconds(),
					mean(m.outcomes(), "total"), perHour, perHour / m.slots());
		}
		List<RunOutcome> all = new ArrayList<>();
		measured.forEach(m -> all.addAll(m.outcomes()));
		List<String> stages = RunOutcome.stages(all);
		out.println();
		out.println("mean seconds per tomogram by stage (inside the tasks; 'models' averages the loads over all runs)");
		StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s", "master"));
		stages.forEach(s -> header.append(String.format(Locale.ROOT, " %8s", s)));
		out.println(header);
		for (Measured m : measured) {
			StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-10s", m.master()));
			stages.forEach(s -> row.append(String.format(Locale.ROOT, " %8.2f", mean(m.outcomes(), s))));
			out.println(row);
		}
		out.flush();
	}

	private static double mean(List<RunOutcome> outcomes, String stage) {
		return outcomes.stream().mapToDouble(o -> o.seconds().getOrDefault(stage, 0.0)).average().orElse(0);
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir))
			return;
		try (Stream<Path> all = Files.walk(dir)) {
			for (Path p : all.sorted(Comparator.reverseOrder()).toList())
				Files.deleteIfExists(p);
		}
	}
}
