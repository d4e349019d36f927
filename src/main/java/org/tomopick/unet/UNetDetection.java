package org.tomopick.unet;

import java.util.List;

import org.tomopick.model.Particle;

/** The result of {@link UNetDetector#detect}: candidates (positions in A, confidence as score) and the class maps. */
public record UNetDetection(List<Particle> candidates, ProbabilityMaps maps) {

	public UNetDetection {
		candidates = List.copyOf(candidates);
	}
}
