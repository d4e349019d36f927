package org.tomopick.ui;

import java.util.Locale;

import org.tomopick.progress.Progress;

import ij.IJ;

/**
 * Shows the progress of long work in ImageJ's status bar and progress bar; pressing Esc in ImageJ cancels it. In a
 * headless run the calls do nothing visible.
 */
public final class StatusBarProgress implements Progress {

	private final String task;

	public StatusBarProgress(String task) {
		this.task = task;
		IJ.resetEscape();
	}

	@Override
	public void report(String stage, double fraction) {
		IJ.showStatus(String.format(Locale.ROOT, "%s: %s %d%% (Esc cancels)", task, stage,
				Math.round(100 * Math.max(0, Math.min(1, fraction)))));
		IJ.showProgress(fraction);
	}

	@Override
	public boolean isCancelled() {
		return IJ.escapePressed();
	}

	/** Clears the status and progress bars. */
	public void done() {
		IJ.showProgress(1.0);
		IJ.showStatus(task + ": done");
	}
}
