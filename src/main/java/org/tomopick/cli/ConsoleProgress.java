package org.tomopick.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.tomopick.progress.Progress;

/**
 * Progress on the terminal: one line per stage, redrawn in place on a terminal, every 25% otherwise (so that logs of
 * batch runs stay short). Ctrl-C asks the running work to cancel and gives it a few seconds to clean up its
 * temporary files before the JVM exits; nothing half-written is left behind, since every write is atomic.
 */
final class ConsoleProgress implements Progress, AutoCloseable {

	private static final long GRACE_SECONDS = 10;

	private final PrintWriter err;
	private final boolean terminal = System.console() != null;
	private final CountDownLatch finished = new CountDownLatch(1);
	private final Thread hook;
	private volatile boolean cancelled;
	private String stage = "";
	private int lastStep = -1;

	ConsoleProgress(PrintWriter err) {
		this.err = err;
		this.hook = new Thread(() -> {
			cancelled = true;
			try {
				finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "tomopick-cancel");
		Runtime.getRuntime().addShutdownHook(hook);
	}

	@Override
	public void report(String newStage, double fraction) {
		int percent = (int) Math.round(100 * Math.max(0, Math.min(1, fraction)));
		int step = terminal ? percent : percent / 25;
		if (newStage.equals(stage) && step == lastStep)
			return;
		if (!newStage.equals(stage) && terminal && !stage.isEmpty())
			err.println();
		stage = newStage;
		lastStep = step;
		if (terminal)
			err.printf(Locale.ROOT, "\r  %-28s %3d%%", newStage, percent);
		else
			err.printf(Locale.ROOT, "  %-28s %3d%%%n", newStage, percent);
		err.flush();
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
		finished.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		} catch (IllegalStateException shuttingDown) {
			// the hook is running: it only waits for the latch counted down above
		}
	}
}
