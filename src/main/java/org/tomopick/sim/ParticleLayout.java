package org.tomopick.sim;

import java.util.List;
import java.util.SplittableRandom;

import org.tomopick.model.Particle;

/**
 * Decides where the target particles go in a simulated tomogram: their classes and centres in A. Orientations are
 * drawn by the simulator. Implementations must be deterministic given the random stream.
 */
public interface ParticleLayout {

	/**
	 * @param settings the tomogram being simulated (shape, voxel size)
	 * @param slab     the ice slab of this tomogram
	 * @param random   the layout's own random stream
	 * @return the particles to place, in a fixed order
	 */
	List<Particle> arrange(SimulationSettings settings, IceSlab slab, SplittableRandom random);
}
