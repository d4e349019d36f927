package org.tomopick.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tomopick} command line: one picocli sub-command per job. Exit codes: 0 success, 2 bad input or usage
 * (a one-line message naming the file and the problem, no stack trace), 1 an internal error (with its stack trace,
 * to be reported as a bug), 130 cancelled.
 */
@Command(name = "tomopick", mixinStandardHelpOptions = true, versionProvider = TomoPickCli.Version.class,
		description = "Finds and labels protein particles in cryo-electron tomograms.",
		subcommands = { InfoCommand.class, ConvertCommand.class, EvaluateCommand.class, SimulateCommand.class,
				TrainCommand.class, TrainClassifierCommand.class, TuneCommand.class, AdaptCommand.class,
				PickCommand.class, ExportCommand.class, ImportCommand.class, DemoCommand.class, BenchCommand.class,
				CommandLine.HelpCommand.class })
public final class TomoPickCli implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	public static void main(String[] args) {
		int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
		ConsoleProgress.commandDone();
		System.exit(code);
	}

	/** Runs the CLI with the given streams and returns the exit code (tests call this). */
	public static int execute(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine cli = new CommandLine(new TomoPickCli());
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler(new UserErrorHandler());
		return cli.execute(args);
	}

	static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			String v = TomoPickCli.class.getPackage().getImplementationVersion();
			return new String[] { "TomoPick " + (v == null ? "(development build)" : v) };
		}
	}
}
