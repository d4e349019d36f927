package org.tomopick.io.zarr.codec;

/**
 * A chunk whose bytes cannot be decoded: truncated, a bad header, or a size that does not match. Its message says
 * what is wrong but not which file; the array reader adds that when it turns this into a
 * {@link org.tomopick.io.TomoPickIoException}.
 */
public class ChunkFormatException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ChunkFormatException(String message) {
		super(message);
	}

	public ChunkFormatException(String message, Throwable cause) {
		super(message, cause);
	}
}
