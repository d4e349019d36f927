package org.tomopick.sim;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from one seed, one per purpose and index (one per particle, one per tilt),
 * so that results never depend on the order in which threads run.
 */
public final class SeedStreams {

	/** Purposes of the random streams; their ordinals are part of the derivation. */
	public enum Purpose {
		TOMOGRAM, LAYOUT, CONTEXT, INSTANCE, NOISE, CONDITIONS, ADDED_NOISE, CLUTTER
	}

	private SeedStreams() {
	}

	public static SplittableRandom stream(long seed, Purpose purpose, long index) {
		long h = mix(seed ^ 0x5DEECE66DL);
		h = mix(h + 0x9E3779B97F4A7C15L * (purpose.ordinal() + 1));
		h = mix(h + 0xD1B54A32D192ED03L * (index + 1));
		return new SplittableRandom(h);
	}

	/** The SplitMix64 finaliser. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
