package org.tomopick.progress;

import java.util.concurrent.CancellationException;

/** Thrown by long work when its {@link Progress} asks to cancel; names the stage it stopped in. */
public final class CancelledException extends CancellationException {

	private static final long serialVersionUID = 1L;

	private final String stage;

	public CancelledException(String stage) {
		super("cancelled during " + stage);
		this.stage = stage;
	}

	public String stage() {
		return stage;
	}
}
