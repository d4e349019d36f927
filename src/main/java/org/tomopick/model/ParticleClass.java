package org.tomopick.model;

import java.util.Objects;

/**
 * A kind of particle that TomoPick picks: its CoPick name, integer label, display colour, radius in Angstrom, its
 * weight in the CZII score and the PDB entry it stands for (may be empty).
 */
public record ParticleClass(String name, int label, ParticleColor color, double radiusAngstrom, double scoreWeight,
		String pdbId) {

	public ParticleClass {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(color, "color");
		if (name.isBlank())
			throw new IllegalArgumentException("particle class name is empty");
		if (!(radiusAngstrom > 0) || Double.isInfinite(radiusAngstrom))
			throw new IllegalArgumentException("particle class " + name + ": radius must be > 0 A, was " + radiusAngstrom);
		if (!(scoreWeight >= 0) || Double.isInfinite(scoreWeight))
			throw new IllegalArgumentException("particle class " + name + ": score weight must be >= 0, was " + scoreWeight);
		pdbId = pdbId == null ? "" : pdbId;
	}

	@Override
	public String toString() {
		return name;
	}
}
