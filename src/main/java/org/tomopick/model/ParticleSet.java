package org.tomopick.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The particles of one tomogram as the editor changes them: a mutable, observable collection in which every
 * particle has a stable {@code long} id (1, 2, 3, ... in the order they were added, never reused, never changed by
 * other removals). Modelled on TrackMate's Model: edits that belong together are grouped
 *
 * <pre>
 * set.beginUpdate();
 * try {
 * 	...
 * } finally {
 * 	set.endUpdate();
 * }
 * </pre>
 *
 * and listeners get ONE {@link ParticleSetChange} per outermost group, holding the net change of the group. Groups
 * nest; an edit made outside any group is its own group; a group that changed nothing fires nothing.
 * <p>
 * Threads: every method is synchronized (on a private lock), so a background thread (autosave) can take
 * {@link #snapshot()}s while the UI edits. A snapshot is consistent per edit but may fall between two edits of one
 * group: groups bundle events, they are not transactions. Groups are counted for the set, not per thread, so edits
 * should come from one thread (the UI); other threads should only read. Events are delivered after the set's lock
 * has been released, in the order the groups ended, by the thread that ended a group (or that was already
 * delivering).
 * <p>
 * Listener exceptions: the set is changed before any listener is called, so a failing listener cannot leave it
 * half-edited. Every listener still gets every event; afterwards the first RuntimeException thrown by a listener
 * is rethrown (the others attached as suppressed) to the caller of the edit or of the outermost
 * {@link #endUpdate()}. The edit itself stays done.
 */
public final class ParticleSet {

	private final Map<Long, Particle> particles = new LinkedHashMap<>();
	private final Object lock = new Object();
	private final ParticleSetEventQueue events = new ParticleSetEventQueue();
	private long nextId = 1;
	private int updateLevel;
	private ParticleSetChangeBuilder pending = new ParticleSetChangeBuilder();

	public void addListener(ParticleSetListener listener) {
		events.addListener(Objects.requireNonNull(listener, "listener"));
	}

	/** @return whether the listener was registered */
	public boolean removeListener(ParticleSetListener listener) {
		return events.removeListener(listener);
	}

	/** Opens an update group (they nest). Must be paired with {@link #endUpdate()} in a finally block. */
	public void beginUpdate() {
		synchronized (lock) {
			updateLevel++;
		}
	}

	/** Closes an update group; closing the outermost one tells the listeners what the group changed, if anything. */
	public void endUpdate() {
		synchronized (lock) {
			if (updateLevel == 0)
				throw new IllegalStateException("endUpdate() without a matching beginUpdate()");
			updateLevel--;
			if (updateLevel > 0 || pending.isEmpty())
				return;
			events.enqueue(pending.build());
			pending = new ParticleSetChangeBuilder();
		}
		events.deliver();
	}

	/** Adds a particle; returns its new id. */
	public long add(Particle particle) {
		Objects.requireNonNull(particle, "particle");
		return inUpdate(() -> {
			long id = nextId++;
			particles.put(id, particle);
			pending.added(id, particle);
			return id;
		});
	}

	/** Adds particles in one update; returns their new ids in the same order. */
	public List<Long> addAll(Collection<? extends Particle> toAdd) {
		return inUpdate(() -> {
			List<Long> ids = new ArrayList<>(toAdd.size());
			for (Particle p : toAdd)
				ids.add(add(p));
			return ids;
		});
	}

	/**
	 * Puts a particle back under an id it had before (to undo a removal). The id must have been handed out by this
	 * set and must not be in use.
	 */
	public void restore(long id, Particle particle) {
		Objects.requireNonNull(particle, "particle");
		inUpdate(() -> {
			if (id < 1 || id >= nextId)
				throw new IllegalArgumentException("particle id " + id + " was never handed out by this particle set");
			if (particles.containsKey(id))
				throw new IllegalArgumentException("particle id " + id + " is in use in the particle set");
			particles.put(id, particle);
			pending.added(id, particle);
			return null;
		});
	}

	/** Removes the particle with that id; returns it. */
	public Particle remove(long id) {
		return inUpdate(() -> {
			Particle old = particles.remove(id);
			if (old == null)
				throw unknown(id);
			pending.removed(id, old);
			return old;
		});
	}

	/** Removes several particles in one update; all ids must be present (checked before anything is removed). */
	public void removeAll(Collection<Long> ids) {
		inUpdate(() -> {
			for (Long id : ids)
				if (!particles.containsKey(id))
					throw unknown(id);
			for (Long id : ids)
				if (particles.containsKey(id))
					remove(id);
			return null;
		});
	}

	/** Replaces the particle with that id (moved, relabelled, rescored); returns the old one. */
	public Particle replace(long id, Particle particle) {
		Objects.requireNonNull(particle, "particle");
		return inUpdate(() -> {
			Particle old = particles.get(id);
			if (old == null)
				throw unknown(id);
			particles.put(id, particle);
			pending.replaced(id, old, particle);
			return old;
		});
	}

	/** Removes every particle, in one update. Ids are not reused afterwards. */
	public void clear() {
		inUpdate(() -> {
			for (Long id : new ArrayList<>(particles.keySet()))
				remove(id);
			return null;
		});
	}

	/** Runs an edit under the lock, inside its own update group. */
	private <T> T inUpdate(Supplier<T> edit) {
		beginUpdate();
		try {
			synchronized (lock) {
				return edit.get();
			}
		} finally {
			endUpdate();
		}
	}

	/** The particle with that id; an IllegalArgumentException if there is none. */
	public Particle get(long id) {
		synchronized (lock) {
			Particle p = particles.get(id);
			if (p == null)
				throw unknown(id);
			return p;
		}
	}

	public Optional<Particle> find(long id) {
		synchronized (lock) {
			return Optional.ofNullable(particles.get(id));
		}
	}

	public boolean contains(long id) {
		synchronized (lock) {
			return particles.containsKey(id);
		}
	}

	public int size() {
		synchronized (lock) {
			return particles.size();
		}
	}

	public boolean isEmpty() {
		synchronized (lock) {
			return particles.isEmpty();
		}
	}

	/** The ids now in the set, in the order they were added (a copy). */
	public Set<Long> ids() {
		synchronized (lock) {
			return Collections.unmodifiableSet(new LinkedHashSet<>(particles.keySet()));
		}
	}

	/** An immutable copy of the whole set, id to particle, in the order the ids were added. */
	public Map<Long, Particle> snapshot() {
		synchronized (lock) {
			return Collections.unmodifiableMap(new LinkedHashMap<>(particles));
		}
	}

	/** An immutable copy of the particles of one class (matched by class name), id to particle. */
	public Map<Long, Particle> snapshotOf(ParticleClass type) {
		synchronized (lock) {
			Map<Long, Particle> copy = new LinkedHashMap<>();
			particles.forEach((id, p) -> {
				if (p.type().name().equals(type.name()))
					copy.put(id, p);
			});
			return Collections.unmodifiableMap(copy);
		}
	}

	/** The particles of one class (matched by class name), in id order (a copy). */
	public List<Particle> particlesOf(ParticleClass type) {
		return List.copyOf(snapshotOf(type).values());
	}

	private static IllegalArgumentException unknown(long id) {
		return new IllegalArgumentException("no particle with id " + id + " in the particle set");
	}

	@Override
	public String toString() {
		synchronized (lock) {
			return "ParticleSet[" + particles.size() + " particles]";
		}
	}
}
