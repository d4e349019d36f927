package org.tomopick.fuse;

import java.util.Comparator;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/**
 * One particle made from a cluster of candidates: the confidence-weighted centre (Angstrom), the combined score, the
 * support (sum of the members' confidences), and how many members each branch gave.
 *
 * @param score combined confidence: 1 - (1 - u)(1 - y) with u and y the best member confidence from the UNet and
 *              the YOLO branch (0 for a branch without members), so agreement of both branches raises it
 */
public record FusedParticle(ParticleClass type, double x, double y, double z, double score, double support,
		int unetMembers, int yoloMembers) {

	/** Best-supported first, then higher score first. */
	public static final Comparator<FusedParticle> BY_SUPPORT = Comparator.comparingDouble(FusedParticle::support)
			.reversed().thenComparing(Comparator.comparingDouble(FusedParticle::score).reversed());

	public int members() {
		return unetMembers + yoloMembers;
	}

	public double distanceTo(FusedParticle o) {
		double dx = x - o.x, dy = y - o.y, dz = z - o.z;
		return Math.sqrt(dx * dx + dy * dy + dz * dz);
	}

	/** As a picked particle (provenance FUSED, or the branch's own when only one branch contributed). */
	public Particle toParticle() {
		Provenance p = unetMembers > 0 && yoloMembers > 0 ? Provenance.FUSED
				: unetMembers > 0 ? Provenance.UNET : Provenance.YOLO;
		return new Particle(type, x, y, z, score, p);
	}
}
