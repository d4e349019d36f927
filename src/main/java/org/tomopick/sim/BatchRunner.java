package org.tomopick.sim;

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

	static void run(String stage, int count, int batch, SimulationProgress progress, IntConsumer task) {
		for (int start = 0; start < count; start += batch) {
			if (progress.isCancelled())
				throw new SimulationCancelledException(stage);
			int end = Math.min(count, start + batch);
			IntStream.range(start, end).parallel().forEach(task);
			progress.report(stage, end / (double) count);
		}
	}

	static void checkCancelled(String stage, SimulationProgress progress) {
		if (progress.isCancelled())
			throw new SimulationCancelledException(stage);
	}
}
