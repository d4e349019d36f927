package org.tomopick.ui;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tomopick.model.ParticleSet;
import org.tomopick.model.ParticleSetChange;
import org.tomopick.model.ParticleSetListener;

/**
 * The particles selected in the editor, by id (as TrackMate's SelectionModel). Shared by the overlay, the table and
 * the edit tool; tells its listeners when it changes. Ids of particles that leave the set are dropped from the
 * selection. Meant for the UI thread.
 */
public final class ParticleSelection implements ParticleSetListener {

	/** Something that follows the selection. */
	@FunctionalInterface
	public interface Listener {
		void selectionChanged(ParticleSelection selection);
	}

	private final Set<Long> ids = new LinkedHashSet<>();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	/** A selection that follows the given set (removed particles are deselected). */
	public static ParticleSelection following(ParticleSet set) {
		ParticleSelection selection = new ParticleSelection();
		set.addListener(selection);
		return selection;
	}

	public void addListener(Listener l) {
		listeners.add(l);
	}

	public void removeListener(Listener l) {
		listeners.remove(l);
	}

	/** The selected ids, in the order they were selected (a copy). */
	public synchronized Set<Long> ids() {
		return Collections.unmodifiableSet(new LinkedHashSet<>(ids));
	}

	public synchronized boolean contains(long id) {
		return ids.contains(id);
	}

	public synchronized boolean isEmpty() {
		return ids.isEmpty();
	}

	/** Selects exactly these ids. */
	public void set(Collection<Long> newIds) {
		boolean changed;
		synchronized (this) {
			changed = !ids.equals(new LinkedHashSet<>(newIds));
			ids.clear();
			ids.addAll(newIds);
		}
		if (changed)
			fire();
	}

	public void select(long id) {
		set(List.of(id));
	}

	/** Adds the id if absent, removes it if present. */
	public void toggle(long id) {
		synchronized (this) {
			if (!ids.remove(id))
				ids.add(id);
		}
		fire();
	}

	public void clear() {
		set(List.of());
	}

	@Override
	public void particleSetChanged(ParticleSetChange change) {
		boolean changed;
		synchronized (this) {
			changed = ids.removeAll(change.removedIds());
		}
		if (changed)
			fire();
	}

	private void fire() {
		for (Listener l : listeners)
			l.selectionChanged(this);
	}
}
