package org.tomopick.ui;

import java.awt.GraphicsEnvironment;

import org.tomopick.progress.Progress;

import ij.IJ;

/**
 * The progress of a long Fiji command (Pick Particles, Train Model, Adapt Models, Generate Synthetic Tomogram): its
 * stage, percentage and time left in ImageJ's status bar and progress bar and, when there is a screen, in a
 * {@link ProgressWindow} with a Cancel button. Cancel, Esc in that window and Esc in ImageJ all set the one cancel
 * request of its {@link ProgressState}; the work stops at its next check. Call {@link #done()} when the work ends,
 * however it ends (in a {@code finally}): the window closes. Headless, nothing is shown and nothing fails.
 */
public final class FijiProgress implements Progress {

	private final ProgressState state;

	public FijiProgress(String task) {
		this(task, !GraphicsEnvironment.isHeadless());
	}

	/** @param window whether to open the progress window (there must be a screen) */
	FijiProgress(String task, boolean window) {
		state = new ProgressState(task);
		IJ.resetEscape();
		if (window)
			ProgressWindow.open(state);
	}

	@Override
	public void report(String stage, double fraction) {
		state.report(stage, fraction);
		IJ.showStatus(state.snapshot().statusLine() + " (Esc cancels)");
		IJ.showProgress(Math.max(0, Math.min(1, fraction)));
	}

	/** True once Cancel or Esc (in the window or in ImageJ) was pressed. */
	@Override
	public boolean isCancelled() {
		if (IJ.escapePressed())
			state.requestCancel();
		return state.isCancelRequested();
	}

	/** The state the window shows and Cancel sets. */
	public ProgressState state() {
		return state;
	}

	/** Closes the window and clears the progress bar; the status bar says whether the work was cancelled. */
	public void done() {
		state.finish();
		IJ.showProgress(1.0);
		IJ.showStatus(state.snapshot().task() + (state.isCancelRequested() ? ": cancelled" : ": done"));
	}
}
