package org.tomopick.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.ParticleSet;
import org.tomopick.model.Provenance;

/**
 * The edits a reviewer makes, apart from the mouse and keys that trigger them (as TrackMate's ModelEditActions):
 * add a particle of the active class, move, delete and relabel particles, undo and redo. Every edit goes through the
 * {@link ParticleSet} in one update group, so that the views redraw once and the {@link UndoHistory} records one
 * reversible edit; the overlay is never touched. Positions are in Angstrom. Headless.
 */
public final class ParticleEditActions {

	private final ParticleSet set;
	private final ParticleCatalog catalog;
	private final ParticleSelection selection;
	private final UndoHistory history;
	private ParticleClass activeClass;

	public ParticleEditActions(ParticleSet set, ParticleCatalog catalog, ParticleSelection selection,
			UndoHistory history) {
		this.set = Objects.requireNonNull(set, "set");
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		this.selection = Objects.requireNonNull(selection, "selection");
		this.history = Objects.requireNonNull(history, "history");
		this.activeClass = catalog.classes().get(0);
	}

	public ParticleClass activeClass() {
		return activeClass;
	}

	public void setActiveClass(ParticleClass c) {
		activeClass = catalog.get(c.name());
	}

	/** Adds a hand-placed particle (score 1, {@link Provenance#MANUAL}) of the active class; selects it. */
	public long add(double x, double y, double z) {
		long id = set.add(new Particle(activeClass, x, y, z, 1.0, Provenance.MANUAL));
		selection.select(id);
		return id;
	}

	/** Moves a particle to a new position; it becomes {@link Provenance#MANUAL}. */
	public void move(long id, double x, double y, double z) {
		Particle p = set.get(id);
		set.replace(id, p.withPosition(x, y, z).withProvenance(Provenance.MANUAL));
	}

	/** Starts a move made of many steps (a drag): all steps become one undoable edit. */
	public void beginDrag() {
		history.beginCompound();
	}

	public void endDrag() {
		history.endCompound();
	}

	/** Deletes the given particles in one edit; returns how many were deleted. */
	public int delete(Collection<Long> ids) {
		List<Long> present = new ArrayList<>();
		for (Long id : ids)
			if (set.contains(id))
				present.add(id);
		set.removeAll(present);
		return present.size();
	}

	/** Deletes the selected particles. */
	public int deleteSelection() {
		return delete(selection.ids());
	}

	/** Gives the selected particles a new class in one edit; returns how many changed. */
	public int relabelSelection(ParticleClass newClass) {
		ParticleClass c = catalog.get(newClass.name());
		int changed = 0;
		set.beginUpdate();
		try {
			for (Long id : selection.ids()) {
				Particle p = set.find(id).orElse(null);
				if (p != null && !p.type().name().equals(c.name())) {
					set.replace(id, p.withType(c));
					changed++;
				}
			}
		} finally {
			set.endUpdate();
		}
		return changed;
	}

	/**
	 * The reviewer's number key (1-based, in catalog order): makes that class the active one and relabels the
	 * selection to it. Returns false for a key beyond the catalog.
	 */
	public boolean chooseClass(int number) {
		if (number < 1 || number > catalog.size())
			return false;
		setActiveClass(catalog.classes().get(number - 1));
		relabelSelection(activeClass);
		return true;
	}

	public boolean undo() {
		return history.undo();
	}

	public boolean redo() {
		return history.redo();
	}

	public ParticleSet set() {
		return set;
	}

	public ParticleCatalog catalog() {
		return catalog;
	}

	public ParticleSelection selection() {
		return selection;
	}

	public UndoHistory history() {
		return history;
	}
}
