package org.tomopick.ui;

import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.util.OptionalLong;

import javax.swing.SwingUtilities;

import org.tomopick.io.OrthogonalPlane;
import org.tomopick.model.Particle;

import ij.gui.Toolbar;

/**
 * The mouse on a side view, translated into cursor moves and {@link ParticleEditActions} (the same actions, undo
 * history and selection as the XY view's {@link ParticleEditTool}). Every press moves the cursor to the clicked
 * point, so the XY view goes to the clicked slice and the other side view to the clicked column or row. Then, while
 * the TomoPick tool is ImageJ's current tool: a click on a particle selects it (Shift: toggles), dragging it moves it
 * within the plane (one undo step), a click on empty space adds a particle of the active class there (Shift: clears
 * the selection). A right-click or Alt+click, or any click while another ImageJ tool is current, only moves the
 * cursor, and dragging so moves it along; so does a click beside the plane (in the pane's margin). The wheel moves
 * the plane itself (XZ along y, YZ along x).
 */
final class PlanePaneMouse extends MouseAdapter {

	private final TomogramSession session;
	private final ViewCursor cursor;
	private final PlanePane pane;
	private final PlaneCircles circles;
	private long dragged = -1;
	private boolean dragging;
	private boolean navigating;

	private PlanePaneMouse(TomogramSession session, ViewCursor cursor, PlanePane pane) {
		this.session = session;
		this.cursor = cursor;
		this.pane = pane;
		this.circles = new PlaneCircles(session.geometry(), session.level());
	}

	static void install(TomogramSession session, ViewCursor cursor, PlanePane pane) {
		PlanePaneMouse mouse = new PlanePaneMouse(session, cursor, pane);
		pane.addMouseListener(mouse);
		pane.addMouseMotionListener(mouse);
		pane.addMouseWheelListener(mouse);
	}

	@Override
	public void mousePressed(MouseEvent e) {
		pane.requestFocusInWindow();
		OrthogonalPlane plane = pane.plane();
		double[] at = pane.planeAt(e.getX(), e.getY());
		int index = cursor.index(plane);
		OptionalLong hit = circles.particleAt(session.particles().snapshot(), session.overlay().settings(), plane,
				index, at[0] - 0.5, at[1] - 0.5);
		cursor.moveInPlane(plane, (int) Math.floor(at[0]), (int) Math.floor(at[1]));
		dragged = -1;
		dragging = false;
		navigating = SwingUtilities.isRightMouseButton(e) || e.isAltDown() || !editToolIsCurrent()
				|| !pane.onPlane(at);
		if (navigating)
			return;
		dragged = session.click(hit, e.isShiftDown(), angstromOf(at, index));
	}

	@Override
	public void mouseDragged(MouseEvent e) {
		double[] at = pane.planeAt(e.getX(), e.getY());
		if (navigating) {
			cursor.moveInPlane(pane.plane(), (int) Math.floor(at[0]), (int) Math.floor(at[1]));
			return;
		}
		if (dragged < 0 || !session.particles().contains(dragged))
			return;
		if (!dragging) {
			session.actions().beginDrag();
			dragging = true;
		}
		Particle p = session.particles().get(dragged);
		OrthogonalPlane plane = pane.plane();
		double[] a = angstromOf(at, 0);
		// the particle keeps its position across the plane; only the two in-plane coordinates follow the mouse
		double x = plane.normalAxis() == OrthogonalPlane.X ? p.x() : a[0];
		double y = plane.normalAxis() == OrthogonalPlane.Y ? p.y() : a[1];
		double z = plane.normalAxis() == OrthogonalPlane.Z ? p.z() : a[2];
		session.actions().move(dragged, x, y, z);
	}

	@Override
	public void mouseReleased(MouseEvent e) {
		if (dragging)
			session.actions().endDrag();
		dragging = false;
		dragged = -1;
		navigating = false;
	}

	@Override
	public void mouseWheelMoved(MouseWheelEvent e) {
		OrthogonalPlane plane = pane.plane();
		int[] zyx = { cursor.z(), cursor.y(), cursor.x() };
		zyx[plane.normalAxis()] += e.getWheelRotation();
		cursor.moveTo(zyx[2], zyx[1], zyx[0]);
	}

	/** Angstrom (x, y, z) of a plane position (column, row; pixel edges) on plane {@code index}. */
	private double[] angstromOf(double[] at, int index) {
		double[] zyx = pane.plane().toVolume(at[0] - 0.5, at[1] - 0.5, index);
		return new double[] { circles.angstrom(OrthogonalPlane.X, zyx[2]), circles.angstrom(OrthogonalPlane.Y,
				zyx[1]), circles.angstrom(OrthogonalPlane.Z, zyx[0]) };
	}

	/** Whether a click edits: the TomoPick tool is ImageJ's current tool (or there is no ImageJ toolbar at all). */
	private static boolean editToolIsCurrent() {
		return Toolbar.getInstance() == null || Toolbar.getPlugInTool() instanceof ParticleEditTool;
	}
}
