package org.tomopick.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.tomopick.progress.Progress;

/**
 * Progress on the terminal: one line per stage, redrawn in place on a terminal as a bar with the percentage and the
 * time left at the stage's pace so far, every 25% otherwise (so that logs of batch runs stay short). Ctrl-C asks the running work to cancel and gives it a few seconds to clean up its
 * temporary files and print why it stopped ({@link #commandDone}) before the JVM exits; nothing half-written is left
 * behind, since every write is atomic.
 */
final class ConsoleProgress implements Progress, AutoCloseable {

	private static final long GRACE_SECONDS = 10;

	private final PrintWriter err;
	private final boolean terminal = System.console() != null;
	private final Thread hook;
	private volatile boolean cancelled;
	private String stage = "";
	/** Counted down once the command has returned and printed its last line (exit code, "cancelled"). */
	private static final CountDownLatch COMMAND_DONE = new CountDownLatch(1);
	private int lastStep = -1;

	ConsoleProgress(PrintWriter err) {
		this.err = err;
		this.hook = new Thread(() -> {
			cancelled = true;
			try {
				COMMAND_DONE.await(GRACE_SECONDS, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "tomopick-cancel");
		Runtime.getRuntime().addShutdownHook(hook);
	}

	@Override
	public void report(String newStage, double fraction) {
		double f = Math.max(0, Math.min(1, fraction));
		int percent = (int) Math.round(100 * f);
		int step = terminal ? percent : percent / 25;
		if (newStage.equals(stage) && step == lastStep)
			return;
		if (!newStage.equals(stage)) {
			if (terminal && !stage.isEmpty())
				err.println();
			stageStart = System.nanoTime();
		}
		stage = newStage;
		lastStep = step;
		if (terminal)
			err.printf(Locale.ROOT, "\r  %-28s %s %3d%%%s", newStage, bar(f), percent, timeLeft(f));
		else
			err.printf(Locale.ROOT, "  %-28s %3d%%%s%n", newStage, percent, timeLeft(f));
		err.flush();
	}

	private long stageStart = System.nanoTime();

	/** {@code [#####.....]}, 20 wide. */
	static String bar(double fraction) {
		int filled = (int) Math.round(20 * fraction);
		return "[" + "#".repeat(filled) + ".".repeat(20 - filled) + "]";
	}

	/** The stage's time left at its pace so far ({@link org.tomopick.progress.TimeLeft}). */
	private String timeLeft(double fraction) {
		return org.tomopick.progress.TimeLeft.of((System.nanoTime() - stageStart) * 1e-9, fraction);
	}

	@Override
	public boolean isCancelled() {
		return cancelled;
	}

	@Override
	public void close() {
		if (terminal && !stage.isEmpty()) {
			err.println();
			err.flush();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		} catch (IllegalStateException shuttingDown) {
			// the hook is running: it waits for the command to return (commandDone)
		}
	}

	/** The command has returned and printed all it had to say: a Ctrl-C in progress may now end the JVM. */
	static void commandDone() {
		COMMAND_DONE.countDown();
	}
}
