package org.tomopick.spark;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) on the driver: the job stops, what finished stays. The JVM's shutdown starts Spark's own hook,
 * which stops the SparkContext and kills the running tasks (every write is atomic, so nothing half-written is left);
 * this hook marks the job cancelled and gives the driver a few seconds to write the summary of the runs that
 * finished ({@link #commandDone}) before the JVM exits.
 */
final class DriverCancellation implements AutoCloseable {

	private static final long GRACE_SECONDS = 30;
	private static final CountDownLatch COMMAND_DONE = new CountDownLatch(1);

	private final Thread hook;
	private final CountDownLatch requestedLatch = new CountDownLatch(1);
	private volatile boolean requested;

	DriverCancellation() {
		hook = new Thread(() -> {
			requested = true;
			requestedLatch.countDown();
			try {
				COMMAND_DONE.await(GRACE_SECONDS, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "tomopick-spark-cancel");
		Runtime.getRuntime().addShutdownHook(hook);
	}

	boolean requested() {
		return requested;
	}

	/**
	 * Whether a shutdown asks the job to stop, waiting a moment for it: Spark's own hook may stop the SparkContext
	 * (and so end the job) a little before this one has run.
	 */
	boolean awaitRequested() {
		try {
			return requestedLatch.await(2, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return requested;
		}
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		} catch (IllegalStateException shuttingDown) {
			// the hook is running: it waits for commandDone
		}
	}

	/** The command has written all it had to write: a shutdown in progress may now end the JVM. */
	static void commandDone() {
		COMMAND_DONE.countDown();
	}
}
