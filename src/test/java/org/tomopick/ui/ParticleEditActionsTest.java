package org.tomopick.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleSet;
import org.tomopick.model.ParticleSetChange;
import org.tomopick.model.Provenance;

/** Edit actions and undo/redo, headless: every edit is one event and one undo step, and undo restores exactly. */
class ParticleEditActionsTest {

	private final ParticleCatalog catalog = ParticleCatalog.czii();
	private final ParticleSet set = new ParticleSet();
	private final ParticleSelection selection = ParticleSelection.following(set);
	private final UndoHistory history = UndoHistory.of(set);
	private final ParticleEditActions actions = new ParticleEditActions(set, catalog, selection, history);
	private final java.util.List<ParticleSetChange> events = new java.util.ArrayList<>();

	{
		set.addListener(events::add);
	}

	@Test
	void addMoveRelabelDeleteEachUndoAndRedo() {
		Map<Long, Particle> empty = set.snapshot();
		actions.chooseClass(4); // ribosome, nothing selected yet
		long id = actions.add(100, 200, 300);
		assertEquals("ribosome", set.get(id).type().name());
		assertEquals(Provenance.MANUAL, set.get(id).provenance());
		assertEquals(List.of(id), List.copyOf(selection.ids()), "a new particle is selected");
		Map<Long, Particle> added = set.snapshot();

		actions.beginDrag();
		for (int step = 1; step <= 5; step++)
			actions.move(id, 100 + 10 * step, 200, 300);
		actions.endDrag();
		assertEquals(150, set.get(id).x());
		Map<Long, Particle> moved = set.snapshot();

		assertTrue(actions.chooseClass(1));
		assertEquals("apo-ferritin", set.get(id).type().name(), "key 1 relabels the selection");
		assertEquals("apo-ferritin", actions.activeClass().name());
		Map<Long, Particle> relabelled = set.snapshot();
		assertFalse(actions.chooseClass(7), "the catalog has six classes");

		assertEquals(1, actions.deleteSelection());
		assertTrue(set.isEmpty());
		assertEquals(4, history.undoSize(), "add, drag (5 steps), relabel, delete: four undo steps");
		assertEquals(1 + 5 + 1 + 1, events.size(), "the drag fires one event per step so the view follows it");

		assertTrue(actions.undo());
		assertEquals(relabelled, set.snapshot());
		assertTrue(actions.undo());
		assertEquals(moved, set.snapshot());
		assertTrue(actions.undo());
		assertEquals(added, set.snapshot(), "the whole drag is undone at once");
		assertTrue(actions.undo());
		assertEquals(empty, set.snapshot());
		assertFalse(actions.undo());

		assertTrue(actions.redo());
		assertTrue(actions.redo());
		assertEquals(moved, set.snapshot());
		assertEquals(id, set.ids().iterator().next(), "redo brings the particle back under its id");
		actions.add(1, 2, 3);
		assertFalse(history.canRedo(), "a new edit drops the redo list");
	}

	@Test
	void undoOfOneEditIsOneEventAndIsNotRecordedAsAnEdit() {
		long a = set.add(new Particle(catalog.get("thyroglobulin"), 1, 1, 1, 0.5, Provenance.FUSED));
		long b = set.add(new Particle(catalog.get("thyroglobulin"), 9, 9, 9, 0.6, Provenance.FUSED));
		selection.set(List.of(a, b));
		assertEquals(2, actions.deleteSelection());
		events.clear();
		actions.undo();
		assertEquals(1, events.size());
		assertEquals(java.util.Set.of(a, b), events.get(0).addedIds());
		assertEquals(2, history.undoSize(), "the two adds stay; the delete moved to the redo list");
		assertTrue(history.canRedo());
	}
}
