package org.tomopick.model;

import java.util.Objects;

/** A particle that was replaced (moved, relabelled, rescored): the particle before and after, never equal. */
public record ParticleEdit(Particle before, Particle after) {

	public ParticleEdit {
		Objects.requireNonNull(before, "before");
		Objects.requireNonNull(after, "after");
	}
}
