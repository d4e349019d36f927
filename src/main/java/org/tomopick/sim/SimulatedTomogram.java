package org.tomopick.sim;

import java.util.List;
import java.util.Map;

import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;

/**
 * The result of one simulation: the reconstructed tomogram (float32, shape z, y, x, protein dark, standard
 * deviation = the output scale), the truth particles actually placed (centres in A, rotations in their CoPick
 * transformation, provenance SIMULATED), and what was drawn for this tomogram (defocus, ice slab, context counts)
 * with the seconds spent per stage.
 */
public record SimulatedTomogram(DenseVolume tomogram, double voxelSizeAngstrom, List<Particle> truth,
		double defocusAngstrom, IceSlab slab, int distractorCount, int crowderCount, Map<String, Double> stageSeconds) {

	public SimulatedTomogram {
		truth = List.copyOf(truth);
		stageSeconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageSeconds));
	}
}
