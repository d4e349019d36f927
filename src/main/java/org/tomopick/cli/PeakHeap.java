package org.tomopick.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak Java heap use between {@link #reset()} and {@link #bytes()}: the sum of the peak usage of every heap memory
 * pool, an upper bound of the true peak (the pools need not peak at the same moment). Native memory (PyTorch) is
 * not included.
 */
final class PeakHeap {

	private PeakHeap() {
	}

	static void reset() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
			if (pool.getType() == MemoryType.HEAP)
				pool.resetPeakUsage();
	}

	static long bytes() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
			if (pool.getType() == MemoryType.HEAP)
				sum += pool.getPeakUsage().getUsed();
		return sum;
	}
}
