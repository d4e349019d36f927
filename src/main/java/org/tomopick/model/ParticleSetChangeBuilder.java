package org.tomopick.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the edits of one update group of a {@link ParticleSet} into the net change relative to the state before
 * the group began (see {@link ParticleSetChange} for the rules). Not thread-safe: the set calls it under its lock.
 */
final class ParticleSetChangeBuilder {

	private final Map<Long, Particle> added = new LinkedHashMap<>();
	private final Map<Long, Particle> removed = new LinkedHashMap<>();
	private final Map<Long, ParticleEdit> changed = new LinkedHashMap<>();

	/** A particle was put in under an id that is not in the set now (a new id, or a removed one restored). */
	void added(long id, Particle particle) {
		Particle before = removed.remove(id);
		if (before == null)
			added.put(id, particle);
		else if (!before.equals(particle))
			changed.put(id, new ParticleEdit(before, particle));
	}

	/** The particle {@code current} under that id was taken out. */
	void removed(long id, Particle current) {
		if (added.remove(id) != null)
			return;
		ParticleEdit edit = changed.remove(id);
		removed.put(id, edit == null ? current : edit.before());
	}

	/** The particle under that id was replaced. */
	void replaced(long id, Particle old, Particle replacement) {
		if (added.containsKey(id)) {
			added.put(id, replacement);
			return;
		}
		ParticleEdit edit = changed.get(id);
		Particle before = edit == null ? old : edit.before();
		if (before.equals(replacement))
			changed.remove(id);
		else
			changed.put(id, new ParticleEdit(before, replacement));
	}

	boolean isEmpty() {
		return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
	}

	ParticleSetChange build() {
		return new ParticleSetChange(added, removed, changed);
	}
}
