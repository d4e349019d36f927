package org.tomopick.batch;

import java.nio.file.NoSuchFileException;

import org.tomopick.io.TomoPickIoException;

/**
 * How a batch job tells bad input from other failures, and the one line it shows of either. Bad input (a corrupt or
 * missing tomogram, a voxel size the models cannot work with, a run without a tomogram) fails the same way however
 * often it is tried, so it is reported at once; anything else (out of memory, a lost file system, a bug) may be
 * passing, so the job lets Spark try the run again. The same split as the command line's exit codes 2 and 1.
 */
public final class BatchFailures {

	static final int MAX_MESSAGE = 500;

	private BatchFailures() {
	}

	public static boolean isBadInput(Throwable e) {
		return e instanceof TomoPickIoException || e instanceof IllegalArgumentException
				|| e instanceof NoSuchFileException;
	}

	/**
	 * One line: the message of bad input as it is (it names the file and the problem); for other failures the
	 * exception's type first ({@code OutOfMemoryError: Java heap space}). Never longer than 500 characters.
	 */
	public static String oneLine(Throwable e) {
		String message = e.getMessage() == null ? "" : e.getMessage();
		String line = isBadInput(e) && !message.isEmpty() ? message
				: e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
		line = line.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
		return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 3) + "...";
	}
}
