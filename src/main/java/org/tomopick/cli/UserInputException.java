package org.tomopick.cli;

/** A mistake in what the user asked for (a missing file, options that do not fit together): exit code 2. */
final class UserInputException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UserInputException(String message) {
		super(message);
	}
}
