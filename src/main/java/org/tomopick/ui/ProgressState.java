package org.tomopick.ui;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.tomopick.progress.TimeLeft;

/**
 * The state of one long job as a progress display shows it: the task, the stage now running, how much of it is
 * done and the time left at the stage's pace; and the one cancel request that every way of cancelling sets (the
 * progress window's Cancel button, Esc in that window, Esc in ImageJ). Thread-safe: the job reports from its own
 * thread, views read {@link #snapshot()} on theirs, and listeners are told on the thread that made the change.
 * Knows nothing of AWT or ImageJ.
 */
public final class ProgressState {

	/** What a display shows at one moment; {@code timeLeft} is "30 s left", or empty until there is a pace. */
	public record Snapshot(String task, String stage, double fraction, String timeLeft, boolean cancelRequested,
			boolean finished) {

		/** "Pick Particles: detection 42%, 30 s left", the status bar's line. */
		public String statusLine() {
			return String.format(Locale.ROOT, "%s: %s %d%%%s", task, stage, percent(),
					timeLeft.isEmpty() ? "" : ", " + timeLeft);
		}

		public int percent() {
			return (int) Math.round(100 * fraction);
		}
	}

	private final String task;
	private final LongSupplier nanoClock;
	private final List<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();
	private String stage = "";
	private long stageStart;
	private double fraction;
	private boolean cancelRequested;
	private boolean finished;

	public ProgressState(String task) {
		this(task, System::nanoTime);
	}

	/** @param nanoClock the clock that times the stages, in nanoseconds (tests give their own) */
	ProgressState(String task, LongSupplier nanoClock) {
		this.task = task;
		this.nanoClock = nanoClock;
		this.stageStart = nanoClock.getAsLong();
	}

	/** The job is in {@code stage}, {@code fraction} (0..1) of it done; a new stage starts its clock again. */
	public void report(String stage, double fraction) {
		synchronized (this) {
			if (!stage.equals(this.stage)) {
				this.stage = stage;
				stageStart = nanoClock.getAsLong();
			}
			this.fraction = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
		}
		changed();
	}

	/** Asks the job to stop at its next check; the job's {@code Progress} says so from then on. */
	public void requestCancel() {
		synchronized (this) {
			if (cancelRequested || finished)
				return;
			cancelRequested = true;
		}
		changed();
	}

	public synchronized boolean isCancelRequested() {
		return cancelRequested;
	}

	/** The job has ended, done, cancelled or failed: displays close. */
	public void finish() {
		synchronized (this) {
			if (finished)
				return;
			finished = true;
		}
		changed();
	}

	public synchronized Snapshot snapshot() {
		String left = TimeLeft.of((nanoClock.getAsLong() - stageStart) * 1e-9, fraction).replaceFirst("^, ", "");
		return new Snapshot(task, stage, fraction, left, cancelRequested, finished);
	}

	/** Tells {@code listener} of every change from now on, on the thread that made it. */
	public void addListener(Consumer<Snapshot> listener) {
		listeners.add(listener);
	}

	public void removeListener(Consumer<Snapshot> listener) {
		listeners.remove(listener);
	}

	private void changed() {
		if (listeners.isEmpty())
			return;
		Snapshot now = snapshot();
		for (Consumer<Snapshot> l : listeners)
			l.accept(now);
	}
}
