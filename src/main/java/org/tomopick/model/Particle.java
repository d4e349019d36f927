package org.tomopick.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One picked particle: its class, its centre in Angstrom (x, y, z as CoPick stores them), a confidence score, and
 * where it came from. The CoPick orientation (4x4 row-major {@code transformation_}) and instance id are carried
 * along so that reading and writing a picks file loses nothing. Immutable; edits make new particles.
 */
public final class Particle {

	private static final double[] IDENTITY = { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 };

	private final ParticleClass type;
	private final double x;
	private final double y;
	private final double z;
	private final double score;
	private final Provenance provenance;
	private final double[] transformation;
	private final int instanceId;

	public Particle(ParticleClass type, double x, double y, double z, double score, Provenance provenance) {
		this(type, x, y, z, score, provenance, IDENTITY, 0);
	}

	public Particle(ParticleClass type, double x, double y, double z, double score, Provenance provenance,
			double[] transformation, int instanceId) {
		this.type = Objects.requireNonNull(type, "particle class");
		this.provenance = Objects.requireNonNull(provenance, "provenance");
		if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z))
			throw new IllegalArgumentException(
					"particle of class " + type.name() + " has a non-finite position (" + x + ", " + y + ", " + z + ")");
		if (Double.isNaN(score))
			throw new IllegalArgumentException("particle of class " + type.name() + " has a NaN score");
		if (transformation.length != 16)
			throw new IllegalArgumentException("transformation must have 16 values (4x4), had " + transformation.length);
		this.x = x;
		this.y = y;
		this.z = z;
		this.score = score;
		this.transformation = transformation.clone();
		this.instanceId = instanceId;
	}

	public ParticleClass type() {
		return type;
	}

	/** x in Angstrom. */
	public double x() {
		return x;
	}

	/** y in Angstrom. */
	public double y() {
		return y;
	}

	/** z in Angstrom. */
	public double z() {
		return z;
	}

	public double score() {
		return score;
	}

	public Provenance provenance() {
		return provenance;
	}

	/** The 4x4 CoPick transformation, row-major (a copy). */
	public double[] transformation() {
		return transformation.clone();
	}

	public int instanceId() {
		return instanceId;
	}

	public double distanceTo(Particle other) {
		double dx = x - other.x, dy = y - other.y, dz = z - other.z;
		return Math.sqrt(dx * dx + dy * dy + dz * dz);
	}

	public Particle withPosition(double nx, double ny, double nz) {
		return new Particle(type, nx, ny, nz, score, provenance, transformation, instanceId);
	}

	public Particle withType(ParticleClass newType) {
		return new Particle(newType, x, y, z, score, provenance, transformation, instanceId);
	}

	public Particle withScore(double newScore) {
		return new Particle(type, x, y, z, newScore, provenance, transformation, instanceId);
	}

	public Particle withProvenance(Provenance p) {
		return new Particle(type, x, y, z, score, p, transformation, instanceId);
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof Particle p))
			return false;
		return type.equals(p.type) && Double.compare(x, p.x) == 0 && Double.compare(y, p.y) == 0
				&& Double.compare(z, p.z) == 0 && Double.compare(score, p.score) == 0 && provenance == p.provenance
				&& Arrays.equals(transformation, p.transformation) && instanceId == p.instanceId;
	}

	@Override
	public int hashCode() {
		return Objects.hash(type, x, y, z, score, provenance, instanceId) * 31 + Arrays.hashCode(transformation);
	}

	@Override
	public String toString() {
		return String.format("%s(%.1f, %.1f, %.1f A, score %.3f, %s)", type.name(), x, y, z, score, provenance);
	}
}
