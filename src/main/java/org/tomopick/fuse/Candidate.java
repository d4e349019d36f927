package org.tomopick.fuse;

import java.util.Objects;

import org.tomopick.model.ParticleClass;

/**
 * A proposed particle before fusion: its class, its centre in Angstrom (x, y, z), the branch's confidence in 0..1,
 * and the branch that proposed it.
 */
public record Candidate(ParticleClass type, double x, double y, double z, double confidence, Branch branch) {

	public Candidate {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(branch, "branch");
		if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z))
			throw new IllegalArgumentException("candidate of class " + type.name() + " has a non-finite position");
		if (!(confidence >= 0 && confidence <= 1))
			throw new IllegalArgumentException("candidate confidence must be in [0, 1], was " + confidence);
	}

	public double distanceTo(Candidate o) {
		double dx = x - o.x, dy = y - o.y, dz = z - o.z;
		return Math.sqrt(dx * dx + dy * dy + dz * dz);
	}
}
