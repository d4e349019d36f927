package org.tomopick.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.tomopick.model.ParticleSet;
import org.tomopick.model.ParticleSetChange;
import org.tomopick.model.ParticleSetListener;

/**
 * Counts the edits of a particle set since it was last saved, so that the window title can flag unsaved edits, a
 * close can ask, and the autosave knows when there is something new to write. Thread-safe: edits come from the UI
 * thread, the autosave reads from its own.
 */
public final class UnsavedEditsTracker implements ParticleSetListener {

	/** Something that shows whether there are unsaved edits (the window title). */
	@FunctionalInterface
	public interface Listener {
		void unsavedStateChanged(boolean hasUnsavedEdits);
	}

	private final AtomicLong revision = new AtomicLong();
	private final AtomicLong savedRevision = new AtomicLong();
	private final AtomicLong autosavedRevision = new AtomicLong();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	public static UnsavedEditsTracker of(ParticleSet set) {
		UnsavedEditsTracker tracker = new UnsavedEditsTracker();
		set.addListener(tracker);
		return tracker;
	}

	public void addListener(Listener l) {
		listeners.add(l);
	}

	@Override
	public void particleSetChanged(ParticleSetChange change) {
		boolean was = hasUnsavedEdits();
		revision.incrementAndGet();
		if (!was)
			fire(true);
	}

	public boolean hasUnsavedEdits() {
		return revision.get() != savedRevision.get();
	}

	/** The current revision (a counter of edits). */
	public long revision() {
		return revision.get();
	}

	/** The state up to now is saved (by the user: export or save). */
	public void markSaved() {
		boolean was = hasUnsavedEdits();
		savedRevision.set(revision.get());
		autosavedRevision.set(revision.get());
		if (was)
			fire(false);
	}

	/** Whether there are edits that the autosave has not written yet. */
	public boolean needsAutosave() {
		return revision.get() != autosavedRevision.get();
	}

	/** The autosave wrote the state of this revision (the title keeps its flag: autosave is not a save). */
	public void markAutosaved(long writtenRevision) {
		autosavedRevision.set(writtenRevision);
	}

	private void fire(boolean unsaved) {
		for (Listener l : listeners)
			l.unsavedStateChanged(unsaved);
	}
}
