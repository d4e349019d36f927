package org.tomopick.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleEdit;
import org.tomopick.model.ParticleSet;
import org.tomopick.model.ParticleSetChange;
import org.tomopick.model.ParticleSetListener;

/**
 * Undo and redo of every edit of a {@link ParticleSet}: it listens to the set and records each change it reports
 * (one change per update group) as a reversible edit. Changes that arrive between {@link #beginCompound()} and
 * {@link #endCompound()} (a mouse drag) become one edit. Undoing applies the inverse of the edit's changes in
 * reverse order, inside one update group of the set (so views get one event); redoing applies them again. A new
 * edit after an undo drops the redo list. Meant for the UI thread, like the edits themselves.
 */
public final class UndoHistory implements ParticleSetListener {

	/** Something that wants to know when undo or redo become (un)available. */
	@FunctionalInterface
	public interface Listener {
		void historyChanged(UndoHistory history);
	}

	public static final int DEFAULT_LIMIT = 500;

	private final ParticleSet set;
	private final int limit;
	private final Deque<List<ParticleSetChange>> undo = new ArrayDeque<>();
	private final Deque<List<ParticleSetChange>> redo = new ArrayDeque<>();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private List<ParticleSetChange> compound;
	private int compoundDepth;
	private boolean applying;

	private UndoHistory(ParticleSet set, int limit) {
		this.set = set;
		this.limit = limit;
	}

	/** A history that records the edits of the set from now on. */
	public static UndoHistory of(ParticleSet set) {
		return of(set, DEFAULT_LIMIT);
	}

	public static UndoHistory of(ParticleSet set, int limit) {
		if (limit < 1)
			throw new IllegalArgumentException("undo limit must be >= 1, was " + limit);
		UndoHistory history = new UndoHistory(set, limit);
		set.addListener(history);
		return history;
	}

	public void addListener(Listener l) {
		listeners.add(l);
	}

	@Override
	public synchronized void particleSetChanged(ParticleSetChange change) {
		if (applying)
			return;
		if (compound != null) {
			compound.add(change);
			return;
		}
		push(List.of(change));
	}

	private void push(List<ParticleSetChange> edit) {
		undo.push(edit);
		while (undo.size() > limit)
			undo.removeLast();
		redo.clear();
		fire();
	}

	/** Starts an edit made of several changes (they nest; the outermost end closes it). */
	public synchronized void beginCompound() {
		if (compoundDepth++ == 0)
			compound = new ArrayList<>();
	}

	public synchronized void endCompound() {
		if (compoundDepth == 0)
			throw new IllegalStateException("endCompound() without beginCompound()");
		if (--compoundDepth > 0)
			return;
		List<ParticleSetChange> done = compound;
		compound = null;
		if (!done.isEmpty())
			push(List.copyOf(done));
	}

	public synchronized boolean canUndo() {
		return !undo.isEmpty();
	}

	public synchronized boolean canRedo() {
		return !redo.isEmpty();
	}

	public synchronized int undoSize() {
		return undo.size();
	}

	/** Reverts the last edit; returns false when there is nothing to undo. */
	public boolean undo() {
		List<ParticleSetChange> edit;
		synchronized (this) {
			if (undo.isEmpty())
				return false;
			edit = undo.pop();
		}
		apply(edit, true);
		synchronized (this) {
			redo.push(edit);
		}
		fire();
		return true;
	}

	/** Makes the last undone edit again; returns false when there is nothing to redo. */
	public boolean redo() {
		List<ParticleSetChange> edit;
		synchronized (this) {
			if (redo.isEmpty())
				return false;
			edit = redo.pop();
		}
		apply(edit, false);
		synchronized (this) {
			undo.push(edit);
		}
		fire();
		return true;
	}

	/** Forgets every edit (after loading picks, for instance). */
	public void clear() {
		synchronized (this) {
			undo.clear();
			redo.clear();
		}
		fire();
	}

	private void apply(List<ParticleSetChange> edit, boolean inverse) {
		synchronized (this) {
			applying = true;
		}
		set.beginUpdate();
		try {
			if (inverse)
				for (int i = edit.size() - 1; i >= 0; i--)
					revert(edit.get(i));
			else
				for (ParticleSetChange c : edit)
					replay(c);
		} finally {
			try {
				set.endUpdate();
			} finally {
				synchronized (this) {
					applying = false;
				}
			}
		}
	}

	private void revert(ParticleSetChange c) {
		for (Long id : c.addedIds())
			set.remove(id);
		for (Map.Entry<Long, Particle> e : c.removed().entrySet())
			set.restore(e.getKey(), e.getValue());
		for (Map.Entry<Long, ParticleEdit> e : c.changed().entrySet())
			set.replace(e.getKey(), e.getValue().before());
	}

	private void replay(ParticleSetChange c) {
		for (Map.Entry<Long, Particle> e : c.added().entrySet())
			set.restore(e.getKey(), e.getValue());
		for (Long id : c.removedIds())
			set.remove(id);
		for (Map.Entry<Long, ParticleEdit> e : c.changed().entrySet())
			set.replace(e.getKey(), e.getValue().after());
	}

	private void fire() {
		for (Listener l : listeners)
			l.historyChanged(this);
	}
}
