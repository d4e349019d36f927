package org.tomopick.ui;

import java.util.Locale;

import org.tomopick.progress.Progress;

import ij.IJ;

/**
 * Shows the progress of long work in ImageJ's status bar (stage, percentage, time left at the stage's pace) and
 * progress bar; pressing Esc in ImageJ cancels it. In a
 * headless run the calls do nothing visible.
 */
public final class StatusBarProgress implements Progress {

	private final String task;
	private String stage = "";
	private long stageStart = System.nanoTime();

	public StatusBarProgress(String task) {
		this.task = task;
		IJ.resetEscape();
	}

	@Override
	public void report(String stage, double fraction) {
		if (!stage.equals(this.stage)) {
			this.stage = stage;
			stageStart = System.nanoTime();
		}
		double f = Math.max(0, Math.min(1, fraction));
		IJ.showStatus(String.format(Locale.ROOT, "%s: %s %d%%%s (Esc cancels)", task, stage, Math.round(100 * f),
				org.tomopick.progress.TimeLeft.of((System.nanoTime() - stageStart) * 1e-9, f)));
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
