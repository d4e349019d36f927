package org.tomopick.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.tomopick.model.Particle;

/**
 * Places particles at given positions, e.g. the picks of a real CZII run (a 630 x 630 x 184 grid of 10.012444 A
 * voxels, picks in A). Particles whose centre lies outside the simulated volume are left out.
 */
public final class GivenParticleLayout implements ParticleLayout {

	private final List<Particle> particles;

	public GivenParticleLayout(List<Particle> particles) {
		this.particles = List.copyOf(particles);
	}

	@Override
	public List<Particle> arrange(SimulationSettings settings, IceSlab slab, SplittableRandom random) {
		double vs = settings.voxelSizeAngstrom();
		double maxX = (settings.sizeX() - 1) * vs, maxY = (settings.sizeY() - 1) * vs,
				maxZ = (settings.sizeZ() - 1) * vs;
		List<Particle> inside = new ArrayList<>();
		for (Particle p : particles)
			if (p.x() >= 0 && p.y() >= 0 && p.z() >= 0 && p.x() <= maxX && p.y() <= maxY && p.z() <= maxZ)
				inside.add(p);
		return inside;
	}

	@Override
	public String toString() {
		return "GivenParticleLayout(" + particles.size() + " particles)";
	}
}
