package org.tomopick.unet;

import ai.djl.training.tracker.Tracker;

/**
 * Learning rate over optimiser steps: cosine decay from {@code base} to {@code base * finalFraction} over
 * {@code totalSteps} (constant when not enabled). {@code offset} steps are added to DJL's per-parameter update count,
 * so that a resumed run continues the schedule where it stopped.
 */
final class CosineSchedule implements Tracker {

	private final double base;
	private final double finalFraction;
	private final int totalSteps;
	private final int offset;
	private final boolean enabled;

	CosineSchedule(double base, double finalFraction, int totalSteps, int offset, boolean enabled) {
		this.base = base;
		this.finalFraction = finalFraction;
		this.totalSteps = Math.max(1, totalSteps);
		this.offset = offset;
		this.enabled = enabled;
	}

	/** Learning rate at a global step (0-based). */
	double at(int step) {
		if (!enabled)
			return base;
		double t = Math.min(1, Math.max(0, (double) step / totalSteps));
		double end = base * finalFraction;
		return end + (base - end) * 0.5 * (1 + Math.cos(Math.PI * t));
	}

	@Override
	public float getNewValue(int numUpdate) {
		return (float) at(offset + Math.max(0, numUpdate - 1));
	}
}
