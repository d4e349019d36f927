package org.tomopick.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.io.OrthogonalPlane;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleSet;
import org.tomopick.model.Provenance;
import org.tomopick.model.VoxelGeometry;

/** The cursor where the three views cross: clicks in each plane, clamping, and following the selected particle. */
class ViewCursorTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();
	private final ViewCursor cursor = new ViewCursor(new int[] { 40, 80, 96 });
	private final List<String> moves = new ArrayList<>();

	{
		cursor.addListener(c -> moves.add(c.x() + "," + c.y() + "," + c.z()));
	}

	@Test
	void startsAtTheCentreAndClampsToTheVolume() {
		assertEquals(48, cursor.x());
		assertEquals(40, cursor.y());
		assertEquals(20, cursor.z());
		cursor.moveTo(-5, 500, 39);
		assertEquals("0,79,39", moves.get(0));
		cursor.moveTo(0, 79, 39);
		assertEquals(1, moves.size(), "no event when nothing changes");
	}

	@Test
	void aClickInAPlaneMovesItsTwoAxesAndKeepsItsIndex() {
		cursor.moveInPlane(OrthogonalPlane.XZ, 10, 7); // x 10, z 7
		assertEquals(List.of("10,40,7"), moves);
		assertEquals(40, cursor.index(OrthogonalPlane.XZ));
		cursor.moveInPlane(OrthogonalPlane.YZ, 30, 60); // z 30, y 60
		assertEquals("10,60,30", moves.get(1));
		assertEquals(10, cursor.index(OrthogonalPlane.YZ));
		cursor.moveInPlane(OrthogonalPlane.XY, 3, 4);
		assertEquals("3,4,30", moves.get(2));
		assertEquals(30, cursor.index(OrthogonalPlane.XY));
	}

	@Test
	void theCursorFollowsTheSelectedParticleAndItsMovesAndUndo() {
		ParticleSet set = new ParticleSet();
		ParticleSelection selection = ParticleSelection.following(set);
		UndoHistory history = UndoHistory.of(set);
		ParticleEditActions actions = new ParticleEditActions(set, CZII, selection, history);
		SelectionFollower.attach(set, selection, cursor, new PlaneCircles(VoxelGeometry.isotropic(10, 1), 0));
		long apo = set.add(new Particle(CZII.get("apo-ferritin"), 500, 300, 200, 0.9, Provenance.FUSED)); // 50,30,20
		long far = set.add(new Particle(CZII.get("apo-ferritin"), 100, 700, 350, 0.9, Provenance.FUSED)); // 10,70,35
		cursor.moveZ(22);
		selection.select(apo);
		assertEquals(List.of(50, 30, 22), List.of(cursor.x(), cursor.y(), cursor.z()),
				"x and y go to the centre; slice 22 cuts the particle (20 A from its centre), so it stays");
		selection.select(far);
		assertEquals(List.of(10, 70, 35), List.of(cursor.x(), cursor.y(), cursor.z()),
				"slice 22 misses it (130 A away), so the cursor goes to its centre slice");
		actions.beginDrag();
		actions.move(far, 140, 700, 350); // dragged in XY: x only
		actions.move(far, 150, 720, 350);
		actions.endDrag();
		assertEquals(List.of(15, 72, 35), List.of(cursor.x(), cursor.y(), cursor.z()));
		cursor.moveZ(36);
		actions.move(far, 150, 720, 300); // dragged in XZ: z changes
		assertEquals(30, cursor.z());
		actions.undo();
		assertEquals(List.of(15, 72, 35), List.of(cursor.x(), cursor.y(), cursor.z()), "undo takes it back");
		actions.undo();
		assertEquals(List.of(10, 70, 35), List.of(cursor.x(), cursor.y(), cursor.z()));
		selection.clear();
		cursor.moveTo(0, 0, 0);
		set.replace(far, set.get(far).withPosition(800, 100, 350));
		assertEquals(List.of(0, 0, 0), List.of(cursor.x(), cursor.y(), cursor.z()), "unselected: not followed");
		selection.select(far);
		assertEquals(List.of(80, 10, 35), List.of(cursor.x(), cursor.y(), cursor.z()), "selected again: followed");
	}
}
