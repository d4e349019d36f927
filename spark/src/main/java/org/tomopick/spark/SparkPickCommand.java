package org.tomopick.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.tomopick.batch.BatchSettings;
import org.tomopick.batch.BatchSummary;
import org.tomopick.batch.BatchSummaryWriter;
import org.tomopick.batch.RunOutcome;
import org.tomopick.batch.RunStatus;
import org.tomopick.cli.PickOptions;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.copick.CopickProject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tomopick spark pick}: every run of a CoPick project picked as one Spark job. */
@Command(name = "pick", mixinStandardHelpOptions = true, description = { "Picks the runs of a CoPick project as one "
		+ "Spark job, one task per run: the picks of each run are written as one set, with a record of the models "
		+ "and settings they were made with, so that a rerun skips every run that is complete and picks the rest. "
		+ "Writes OUT/tomopick-batch.json and OUT/tomopick-batch.csv. Exit code 3 when some runs failed." })
final class SparkPickCommand implements Callable<Integer> {

	@Option(names = "--input", required = true, paramLabel = "ROOT|CONFIG", description = "The CoPick project to "
			+ "pick, as its folder or its copick_config.json. On a cluster: a path every executor sees (a shared "
			+ "file system).")
	Path input;

	@Mixin
	PickOptions options;

	@Option(names = "--runs", paramLabel = "A,B", split = ",", description = "Only these runs (default: all).")
	List<String> runs = List.of();

	@Option(names = "--master", paramLabel = "local[*]|URL", description = "Spark master: local[N] or local[*] "
			+ "(Spark embedded in this JVM, N tasks at once) or a cluster's URL. Default: the one spark-submit set, "
			+ "else local[*].")
	String master;

	@Option(names = "--max-attempts", paramLabel = "N", description = "Attempts per run before it is reported "
			+ "failed (Spark's task retries; default 4). Bad input is not retried.")
	int maxAttempts = SparkJobSettings.DEFAULT_ATTEMPTS;

	@Option(names = "--force", description = "Pick every run again, also those whose picks are complete.")
	boolean force;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		BatchSettings batch = options.settings(input.toString(), force).validate();
		SparkJobSettings settings = new SparkJobSettings(batch, master, maxAttempts);
		List<String> chosen = runsToPick();
		Path out = batch.outPath();
		if (Files.exists(out) && !Files.isDirectory(out))
			throw new TomoPickIoException("--out " + out + " is a file; give a folder (a CoPick overlay root)");
		PrintWriter stdout = spec.commandLine().getOut(), stderr = spec.commandLine().getErr();
		SparkPickJob.Result result;
		try (DriverCancellation cancellation = new DriverCancellation()) {
			result = SparkPickJob.run(settings, chosen, stderr, cancellation);
			List<Path> written = BatchSummaryWriter.write(out, result.summary());
			report(stdout, result, written.get(0));
		}
		if (result.cancelled()) {
			stderr.println("tomopick spark pick: cancelled; the runs that finished are written, a rerun picks the rest");
			return TomoPickSpark.CANCELLED;
		}
		return result.summary().allDone() ? 0 : TomoPickSpark.SOME_RUNS_FAILED;
	}

	/** The runs of the project, or those of --runs, each checked to be there. */
	private List<String> runsToPick() {
		if (!Files.exists(input))
			throw new TomoPickIoException("--input " + input + ": no such file or folder");
		if (!CopickProject.isProject(input))
			throw new TomoPickIoException(input, "--input is not a CoPick project (no ExperimentRuns, no "
					+ CopickProject.CONFIG_FILE + ")");
		List<String> all = CopickProject.open(input).runs();
		if (all.isEmpty())
			throw new TomoPickIoException(input, "the project has no runs");
		if (runs.isEmpty())
			return all;
		List<String> chosen = new ArrayList<>();
		for (String r : runs) {
			if (!all.contains(r))
				throw new TomoPickIoException(input, "--runs " + r + ": no such run (the project has " + all.size()
						+ " runs: " + String.join(", ", all.subList(0, Math.min(5, all.size())))
						+ (all.size() > 5 ? ", ..." : "") + ")");
			if (!chosen.contains(r))
				chosen.add(r);
		}
		return chosen;
	}

	private static void report(PrintWriter stdout, SparkPickJob.Result result, Path summaryFile) {
		BatchSummary s = result.summary();
		stdout.printf(Locale.ROOT, "spark pick: %d runs in %s: %d picked, %d skipped, %d failed, %d not run "
				+ "(master %s, PyTorch threads per task %s) -> %s%n", s.runs().size(),
				DriverProgress.clock(s.seconds()), s.count(RunStatus.PICKED), s.count(RunStatus.SKIPPED),
				s.count(RunStatus.FAILED), s.count(RunStatus.NOT_RUN), s.engine().master(),
				s.engine().threadsPerTask(), summaryFile);
		for (RunOutcome o : s.runs())
			if (o.status() == RunStatus.FAILED)
				stdout.printf(Locale.ROOT, "  run %s failed (%d attempt%s): %s%n", o.run(), o.attempts(),
						o.attempts() == 1 ? "" : "s", o.error());
		if (result.stopped() != null && !result.cancelled())
			stdout.println("  " + result.stopped() + "; rerun the same command to pick the runs not run");
		stdout.flush();
	}
}
