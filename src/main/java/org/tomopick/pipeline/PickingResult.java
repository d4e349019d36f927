package org.tomopick.pipeline;

import java.util.List;
import java.util.Map;

import org.tomopick.model.Particle;

/**
 * The particles picked in one tomogram (positions in Angstrom), how many candidates each branch proposed, and the
 * seconds spent per stage (in the order they ran).
 */
public record PickingResult(List<Particle> particles, int unetCandidates, int yoloCandidates,
		Map<String, Double> stageSeconds) {

	public PickingResult {
		particles = List.copyOf(particles);
		stageSeconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageSeconds));
	}

	public double totalSeconds() {
		return stageSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
	}
}
