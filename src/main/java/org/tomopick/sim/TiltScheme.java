package org.tomopick.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tilt angles of a series (ascending) and the dose each tilt had received before it was taken, for a
 * dose-symmetric acquisition (Hagen scheme: 0, then alternating groups of two on each side) with equal dose per
 * tilt.
 */
public final class TiltScheme {

	private final double[] anglesDegrees;
	private final double[] priorDose;
	private final double dosePerTilt;

	public TiltScheme(TiltSeriesSettings settings) {
		settings.validate();
		int half = (int) Math.floor(settings.maxTiltDegrees() / settings.tiltStepDegrees() + 1e-9);
		int n = 2 * half + 1;
		anglesDegrees = new double[n];
		for (int i = 0; i < n; i++)
			anglesDegrees[i] = (i - half) * settings.tiltStepDegrees();
		dosePerTilt = settings.totalDose() / n;
		priorDose = new double[n];
		List<Integer> order = acquisitionOrder(half);
		for (int k = 0; k < order.size(); k++)
			priorDose[order.get(k) + half] = k * dosePerTilt;
	}

	/** Tilt indices relative to 0 (-half..half) in the order they are acquired. */
	static List<Integer> acquisitionOrder(int half) {
		List<Integer> order = new ArrayList<>();
		order.add(0);
		int next = 1;
		boolean positive = true;
		while (next <= half) {
			int end = Math.min(half, next + 1);
			int sign = positive ? 1 : -1;
			for (int i = next; i <= end; i++)
				order.add(sign * i);
			for (int i = next; i <= end; i++)
				order.add(-sign * i);
			next = end + 1;
			positive = !positive;
		}
		return order;
	}

	public int size() {
		return anglesDegrees.length;
	}

	public double angleDegrees(int tilt) {
		return anglesDegrees[tilt];
	}

	public double angleRadians(int tilt) {
		return Math.toRadians(anglesDegrees[tilt]);
	}

	/** Dose received before this tilt, e-/A^2. */
	public double priorDose(int tilt) {
		return priorDose[tilt];
	}

	/** Dose of each tilt, e-/A^2. */
	public double dosePerTilt() {
		return dosePerTilt;
	}

	@Override
	public String toString() {
		return "TiltScheme" + Arrays.toString(anglesDegrees);
	}
}
