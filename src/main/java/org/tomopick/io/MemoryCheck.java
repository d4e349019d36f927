package org.tomopick.io;

import java.util.Locale;

/**
 * Compares what an allocation needs with what the JVM can still give, before allocating: a volume too large for
 * the heap is refused with a message that says how much is needed and what to do, instead of an OutOfMemoryError.
 */
public final class MemoryCheck {

	private MemoryCheck() {
	}

	/** Throws IllegalArgumentException when {@code bytes} more cannot fit in the heap (after one collection). */
	public static void requireHeap(long bytes, String what) {
		if (bytes <= available())
			return;
		System.gc(); // what is "used" may be garbage
		long available = available();
		if (bytes > available)
			throw new IllegalArgumentException(String.format(Locale.ROOT, "%s needs %.2f GB of memory; this JVM can "
					+ "give %.2f GB more (maximum heap %.2f GB): read a coarser pyramid level or a crop, or give Java "
					+ "more memory (TOMOPICK_JAVA_OPTS=-Xmx..., Fiji: Edit > Options > Memory)", what, bytes / 1e9,
					available / 1e9, Runtime.getRuntime().maxMemory() / 1e9));
	}

	private static long available() {
		Runtime rt = Runtime.getRuntime();
		return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
	}
}
