package org.tomopick.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tomopick.fuse.FusedParticle;

/**
 * Where the classifier looks: the fused particles of every class, with those that are one object seen as several
 * classes merged. Going from the best-supported down, a particle is kept unless a kept one lies within half the
 * smaller of the two radii (for one class: half its radius, the CZII matching distance). The kept particle keeps
 * its own centre; its class is only a hint, the classifier decides.
 */
public final class Proposals {

	static final Comparator<FusedParticle> BY_SUPPORT = Comparator.comparingDouble(FusedParticle::support).reversed()
			.thenComparing(Comparator.comparingDouble(FusedParticle::score).reversed());

	private Proposals() {
	}

	public static List<FusedParticle> of(List<FusedParticle> clusters) {
		List<FusedParticle> sorted = new ArrayList<>(clusters);
		sorted.sort(BY_SUPPORT);
		List<FusedParticle> kept = new ArrayList<>();
		for (FusedParticle p : sorted) {
			boolean duplicate = false;
			for (FusedParticle k : kept)
				if (k.distanceTo(p) < 0.5 * Math.min(k.type().radiusAngstrom(), p.type().radiusAngstrom())) {
					duplicate = true;
					break;
				}
			if (!duplicate)
				kept.add(p);
		}
		return kept;
	}
}
