package org.tomopick.fuse;

import java.util.List;

/**
 * Two particles cannot overlap, so fused particles of different classes whose centres are closer than
 * {@code fraction x (r_a + r_b)} are one object seen as two classes. Going from the best-supported particle down,
 * a particle is kept unless one of another class already kept conflicts with it: the better-supported class wins.
 * Particles of the same class are left alone (DBSCAN has already merged their duplicates).
 */
final class ClassConflicts {

	private ClassConflicts() {
	}

	static List<FusedParticle> resolve(List<FusedParticle> particles, double fraction) {
		return GreedySuppression.keep(particles, FusedParticle.BY_SUPPORT, (k, p) -> !k.type().equals(p.type())
				&& k.distanceTo(p) < fraction * (k.type().radiusAngstrom() + p.type().radiusAngstrom()));
	}
}
