package org.tomopick.classify;

import java.util.List;

import org.tomopick.fuse.FusedParticle;
import org.tomopick.fuse.GreedySuppression;

/**
 * Where the classifier looks: the fused particles of every class, with those that are one object seen as several
 * classes merged. Going from the best-supported down, a particle is kept unless a kept one lies within half the
 * smaller of the two radii (for one class: half its radius, the CZII matching distance). The kept particle keeps
 * its own centre; its class is only a hint, the classifier decides.
 */
public final class Proposals {

	private Proposals() {
	}

	public static List<FusedParticle> of(List<FusedParticle> clusters) {
		return GreedySuppression.keep(clusters, FusedParticle.BY_SUPPORT,
				(k, p) -> k.distanceTo(p) < 0.5 * Math.min(k.type().radiusAngstrom(), p.type().radiusAngstrom()));
	}
}
