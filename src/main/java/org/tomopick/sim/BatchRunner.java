package org.tomopick.sim;

import org.tomopick.progress.CancelledException;
import org.tomopick.progress.Progress;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs independent tasks 0..count-1 in parallel, in batches, checking for cancellation and reporting progress
 * between batches from the calling thread. Tasks must write disjoint outputs so that results do not depend on
 * scheduling.
 */
final class BatchRunner {

	private BatchRunner() {
	}

	static void run(String stage, int count, int batch, Progress progress, IntConsumer task) {
		for (int start = 0; start < count; start += batch) {
			if (progress.isCancelled())
				throw new CancelledException(stage);
			int end = Math.min(count, start + batch);
			IntStream.range(start, end).parallel().forEach(task);
			progress.report(stage, end / (double) count);
		}
	}

	static void checkCancelled(String stage, Progress progress) {
		if (progress.isCancelled())
			throw new CancelledException(stage);
	}
}
