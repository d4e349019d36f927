package org.tomopick.cli;

import java.util.concurrent.CancellationException;

import org.tomopick.io.TomoPickIoException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions from a sub-command into exit codes: bad input (unreadable or malformed files, invalid options)
 * becomes one line on stderr and exit code 2; cancellation exit code 130; anything else is a bug and keeps its stack
 * trace (exit code 1).
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

	static final int BAD_INPUT = 2;
	static final int CANCELLED = 130;

	@Override
	public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
		String command = cmd.getCommandSpec().qualifiedName();
		if (isUserError(e)) {
			cmd.getErr().println(command + ": error: " + e.getMessage());
			return BAD_INPUT;
		}
		if (e instanceof CancellationException) {
			cmd.getErr().println(command + ": cancelled" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
			return CANCELLED;
		}
		cmd.getErr().println(command + ": internal error (please report it with the trace below)");
		e.printStackTrace(cmd.getErr());
		return 1;
	}

	static boolean isUserError(Throwable e) {
		return e instanceof TomoPickIoException || e instanceof IllegalArgumentException
				|| e instanceof UserInputException || e instanceof java.nio.file.NoSuchFileException;
	}
}
