package org.tomopick.io;

import java.nio.file.Path;

/**
 * The one exception of the IO layer: bad or unsupported input, or a failed read or write. The message always names
 * the file (or array) and what is wrong with it, so that the CLI and the Fiji commands can show it as it is.
 */
public class TomoPickIoException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public TomoPickIoException(String message) {
		super(message);
	}

	public TomoPickIoException(String message, Throwable cause) {
		super(message, cause);
	}

	public TomoPickIoException(Path file, String problem) {
		super(file + ": " + problem);
	}

	public TomoPickIoException(Path file, String problem, Throwable cause) {
		super(file + ": " + problem, cause);
	}
}
