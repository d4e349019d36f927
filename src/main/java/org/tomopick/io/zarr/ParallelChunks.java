package org.tomopick.io.zarr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs {@code n} chunk tasks on a few threads (the caller plus helpers from a shared daemon pool). Each thread makes
 * one worker from the factory, so that workers can keep their own buffers; tasks are handed out one at a time. The
 * first failure stops the hand-out and is rethrown to the caller.
 */
final class ParallelChunks {

	private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "tomopick-zarr");
		t.setDaemon(true);
		return t;
	});

	private ParallelChunks() {
	}

	static void run(int n, int threads, Supplier<IntConsumer> workerFactory) {
		int t = Math.max(1, Math.min(threads, n));
		AtomicInteger next = new AtomicInteger();
		Runnable worker = () -> {
			IntConsumer w = workerFactory.get();
			int i;
			while ((i = next.getAndIncrement()) < n) {
				try {
					w.accept(i);
				} catch (RuntimeException | Error e) {
					next.set(n);
					throw e;
				}
			}
		};
		List<Future<?>> helpers = new ArrayList<>();
		for (int k = 1; k < t; k++)
			helpers.add(POOL.submit(worker));
		Throwable failure = null;
		try {
			worker.run();
		} catch (RuntimeException | Error e) {
			failure = e;
		}
		for (Future<?> f : helpers) {
			try {
				f.get();
			} catch (ExecutionException e) {
				if (failure == null)
					failure = e.getCause();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				if (failure == null)
					failure = e;
			}
		}
		if (failure instanceof RuntimeException r)
			throw r;
		if (failure instanceof Error err)
			throw err;
		if (failure != null)
			throw new IllegalStateException("chunk task failed", failure);
	}
}
