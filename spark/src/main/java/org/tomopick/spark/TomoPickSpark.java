package org.tomopick.spark;

import java.io.PrintWriter;
import java.util.concurrent.CancellationException;

import org.tomopick.batch.BatchFailures;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code tomopick spark}: TomoPick's batch jobs on Apache Spark, from the job jar {@code tomopick-spark.jar}, run
 * the same way by {@code ./tomopick spark ...} (Spark embedded, local) and by
 * {@code spark-submit --class org.tomopick.spark.TomoPickSpark tomopick-spark.jar ...} (a cluster). Exit codes: 0
 * every run done, 3 the job ran but some runs failed or did not run (the summary lists them), 2 bad input or usage
 * (one line naming the file and the problem), 1 an internal error (with its stack trace), 130 cancelled.
 */
@Command(name = "tomopick spark", mixinStandardHelpOptions = true, versionProvider = TomoPickSpark.Version.class,
		description = "Picks many tomograms as one Apache Spark job (local Spark by default, or spark-submit).",
		subcommands = { SparkPickCommand.class, SparkBenchCommand.class, CommandLine.HelpCommand.class })
public final class TomoPickSpark implements Runnable {

	static final int SOME_RUNS_FAILED = 3;
	static final int BAD_INPUT = 2;
	static final int CANCELLED = 130;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			String v = TomoPickSpark.class.getPackage().getImplementationVersion();
			return new String[] { "TomoPick on Spark " + (v == null ? "(development build)" : v) + ", Spark "
					+ org.apache.spark.SparkContext.class.getPackage().getImplementationVersion() + " on the class path" };
		}
	}

	public static void main(String[] args) {
		int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
		DriverCancellation.commandDone();
		System.exit(code);
	}

	/** Runs a command with the given streams and returns its exit code (tests call this). */
	public static int execute(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine cli = new CommandLine(new TomoPickSpark());
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
			String command = cmd.getCommandSpec().qualifiedName();
			if (BatchFailures.isBadInput(e)) {
				cmd.getErr().println(command + ": error: " + BatchFailures.oneLine(e));
				return BAD_INPUT;
			}
			if (e instanceof CancellationException) {
				cmd.getErr().println(command + ": cancelled");
				return CANCELLED;
			}
			cmd.getErr().println(command + ": internal error (please report it with the trace below)");
			e.printStackTrace(cmd.getErr());
			return 1;
		});
		return cli.execute(args);
	}
}
