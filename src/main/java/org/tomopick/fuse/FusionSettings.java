package org.tomopick.fuse;

import java.util.Map;
import java.util.Objects;

import org.tomopick.model.ParticleClass;

/**
 * How {@link DbscanFusion} merges the candidates of both branches. All distances are fractions of the class radius
 * r, so one setting serves particles from 60 A to 150 A.
 *
 * @param defaultThreshold    candidates below this confidence are dropped first (the paper's 0.5)
 * @param classThresholds     per-class overrides of that threshold, by class name
 * @param minEpsFraction      the DBSCAN neighbourhood eps is never below this x r (default 0.25)
 * @param maxEpsFraction      ... and never above this x r (default 0.6: distinct particles are about 2 r apart, so
 *                            candidates of two neighbours never chain)
 * @param spreadFactor        eps = spreadFactor x (the median distance from a candidate to its nearest neighbour of
 *                            the same class within r), clamped to the bounds above; with no such pairs eps is the
 *                            middle of the bounds (default 2.5)
 * @param minClusterSupport   a cluster is kept when the sum of its members' confidences reaches this (default 0.9):
 *                            two agreeing candidates, or one that is very sure; smaller groups are outliers
 * @param conflictFraction    two fused particles of different classes closer than this x (r_a + r_b) are one object
 *                            (physically they cannot overlap): the better-supported one is kept (default 0.5)
 */
public record FusionSettings(double defaultThreshold, Map<String, Double> classThresholds, double minEpsFraction,
		double maxEpsFraction, double spreadFactor, double minClusterSupport, double conflictFraction) {

	public FusionSettings {
		classThresholds = Map.copyOf(Objects.requireNonNull(classThresholds, "classThresholds"));
	}

	public static FusionSettings defaults() {
		return new FusionSettings(0.5, Map.of(), 0.25, 0.6, 2.5, 0.9, 0.5);
	}

	public FusionSettings validate() {
		check(defaultThreshold >= 0 && defaultThreshold <= 1, "defaultThreshold must be in [0, 1]", defaultThreshold);
		classThresholds.forEach((name, t) -> check(t != null && t >= 0 && t <= 1,
				"threshold of class " + name + " must be in [0, 1]", t == null ? Double.NaN : t));
		check(minEpsFraction > 0 && minEpsFraction <= maxEpsFraction, "minEpsFraction must be in (0, maxEpsFraction]",
				minEpsFraction);
		check(maxEpsFraction <= 1, "maxEpsFraction must be <= 1 (eps beyond one radius merges neighbours)",
				maxEpsFraction);
		check(spreadFactor > 0 && Double.isFinite(spreadFactor), "spreadFactor must be > 0", spreadFactor);
		check(minClusterSupport >= 0 && Double.isFinite(minClusterSupport), "minClusterSupport must be >= 0",
				minClusterSupport);
		check(conflictFraction >= 0 && conflictFraction <= 1, "conflictFraction must be in [0, 1]", conflictFraction);
		return this;
	}

	/** The confidence threshold of a class. */
	public double threshold(ParticleClass c) {
		return classThresholds.getOrDefault(c.name(), defaultThreshold);
	}

	public FusionSettings withThresholds(double defaultValue, Map<String, Double> perClass) {
		return new FusionSettings(defaultValue, perClass, minEpsFraction, maxEpsFraction, spreadFactor,
				minClusterSupport, conflictFraction);
	}

	public FusionSettings withMinClusterSupport(double support) {
		return new FusionSettings(defaultThreshold, classThresholds, minEpsFraction, maxEpsFraction, spreadFactor,
				support, conflictFraction);
	}

	private static void check(boolean ok, String message, double value) {
		if (!ok)
			throw new IllegalArgumentException("fusion settings: " + message + ", was " + value);
	}
}
