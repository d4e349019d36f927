package org.tomopick.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import org.tomopick.pipeline.PickingPipeline;

/**
 * The loaded models of this JVM (an executor, or the driver when Spark runs embedded), reused by every task that
 * runs here: a pool of {@link PickingPipeline}s of one job's models and settings (its fingerprint). A task borrows
 * one and gives it back when done; a pipeline is loaded only when none is free, so an executor that runs k tasks at
 * once loads the models k times at most, however many runs it picks. A pipeline is used by one task at a time.
 * <p>
 * This is the one piece of static state in TomoPick, and on purpose: Spark gives a job no other place that outlives
 * a task on an executor (the usual Spark pattern for a per-executor resource such as a model or a connection pool).
 * A job with another fingerprint closes the idle pipelines of the last one.
 */
final class ExecutorPipelines {

	private static final Object LOCK = new Object();
	private static final Deque<PickingPipeline> IDLE = new ArrayDeque<>();
	private static String fingerprint = "";
	private static int loads;

	private ExecutorPipelines() {
	}

	/** A borrowed pipeline; closing gives it back to the pool. */
	static final class Lease implements AutoCloseable {
		private final String fingerprint;
		private final PickingPipeline pipeline;
		private final double loadSeconds;

		private Lease(String fingerprint, PickingPipeline pipeline, double loadSeconds) {
			this.fingerprint = fingerprint;
			this.pipeline = pipeline;
			this.loadSeconds = loadSeconds;
		}

		PickingPipeline pipeline() {
			return pipeline;
		}

		/** Seconds this borrow spent loading the models (0 when a loaded pipeline was free). */
		double loadSeconds() {
			return loadSeconds;
		}

		@Override
		public void close() {
			synchronized (LOCK) {
				if (fingerprint.equals(ExecutorPipelines.fingerprint)) {
					IDLE.push(pipeline);
					return;
				}
			}
			pipeline.close();
		}
	}

	/** A free pipeline of these models and settings, loaded with {@code loader} when none is free. */
	static Lease borrow(String fingerprint, Supplier<PickingPipeline> loader) {
		synchronized (LOCK) {
			if (!fingerprint.equals(ExecutorPipelines.fingerprint)) {
				closeIdle();
				ExecutorPipelines.fingerprint = fingerprint;
			}
			PickingPipeline free = IDLE.poll();
			if (free != null)
				return new Lease(fingerprint, free, 0);
		}
		long t0 = System.nanoTime();
		PickingPipeline loaded = loader.get(); // seconds: outside the lock, other tasks go on
		synchronized (LOCK) {
			loads++;
		}
		return new Lease(fingerprint, loaded, (System.nanoTime() - t0) * 1e-9);
	}

	/** Closes every idle pipeline (a benchmark that times each job's own model loading calls this first). */
	static void clear() {
		synchronized (LOCK) {
			closeIdle();
			fingerprint = "";
		}
	}

	/** How many times this JVM has loaded models. */
	static int loads() {
		synchronized (LOCK) {
			return loads;
		}
	}

	private static void closeIdle() {
		while (!IDLE.isEmpty())
			IDLE.pop().close();
	}
}
