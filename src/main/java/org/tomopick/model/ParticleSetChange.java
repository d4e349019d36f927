package org.tomopick.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one update of a {@link ParticleSet} did, relative to the state before the update began: the particles added
 * (id to new particle), removed (id to the particle as it was before the update) and changed (id to the particle
 * before and after). An id is in at most one of the three. A particle added and removed within the same update is
 * in none; one added and then changed is reported as added (with its last state); one changed and then removed as
 * removed (with its state before the update); one changed back to what it was is in none. Immutable, so an undo
 * history can keep it: undoing means removing {@link #added()}, restoring {@link #removed()} under their ids and
 * replacing each {@link #changed()} id with its {@code before}.
 */
public final class ParticleSetChange {

	private final Map<Long, Particle> added;
	private final Map<Long, Particle> removed;
	private final Map<Long, ParticleEdit> changed;

	public ParticleSetChange(Map<Long, Particle> added, Map<Long, Particle> removed,
			Map<Long, ParticleEdit> changed) {
		this.added = Collections.unmodifiableMap(new LinkedHashMap<>(added));
		this.removed = Collections.unmodifiableMap(new LinkedHashMap<>(removed));
		this.changed = Collections.unmodifiableMap(new LinkedHashMap<>(changed));
		for (Long id : this.added.keySet())
			if (this.removed.containsKey(id) || this.changed.containsKey(id))
				throw new IllegalArgumentException("particle id " + id + " is listed both as added and removed/changed");
		for (Long id : this.removed.keySet())
			if (this.changed.containsKey(id))
				throw new IllegalArgumentException("particle id " + id + " is listed both as removed and changed");
	}

	/** Added particles, id to the particle as it is after the update, in the order they were added. */
	public Map<Long, Particle> added() {
		return added;
	}

	/** Removed particles, id to the particle as it was before the update. */
	public Map<Long, Particle> removed() {
		return removed;
	}

	/** Replaced particles, id to the particle before and after the update. */
	public Map<Long, ParticleEdit> changed() {
		return changed;
	}

	public Set<Long> addedIds() {
		return added.keySet();
	}

	public Set<Long> removedIds() {
		return removed.keySet();
	}

	public Set<Long> changedIds() {
		return changed.keySet();
	}

	public boolean isEmpty() {
		return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
	}

	@Override
	public String toString() {
		return "ParticleSetChange[added " + added.keySet() + ", removed " + removed.keySet() + ", changed "
				+ changed.keySet() + "]";
	}
}
