package org.tomopick.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.tomopick.io.OrthogonalPlane;

/**
 * The point where the three planes of the review cross, in voxels of the shown level: the XY view shows slice z, the
 * XZ view row y, the YZ view column x (3dmod's current point). Positions are clamped to the volume; listeners hear
 * of every move that changes it. Headless.
 */
public final class ViewCursor {

	/** Something that follows the cursor. */
	@FunctionalInterface
	public interface Listener {
		void cursorMoved(ViewCursor cursor);
	}

	private final int[] shape;
	private final int[] zyx = new int[3];
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	/** A cursor in a volume of this shape (z, y, x), at the volume's centre. */
	public ViewCursor(int[] shapeZyx) {
		for (int d = 0; d < 3; d++) {
			if (shapeZyx[d] < 1)
				throw new IllegalArgumentException("a cursor needs a volume of at least one voxel, was "
						+ java.util.Arrays.toString(shapeZyx));
			zyx[d] = shapeZyx[d] / 2;
		}
		this.shape = shapeZyx.clone();
	}

	public void addListener(Listener l) {
		listeners.add(l);
	}

	public void removeListener(Listener l) {
		listeners.remove(l);
	}

	public synchronized int x() {
		return zyx[OrthogonalPlane.X];
	}

	public synchronized int y() {
		return zyx[OrthogonalPlane.Y];
	}

	public synchronized int z() {
		return zyx[OrthogonalPlane.Z];
	}

	/** The index of the plane of this orientation that goes through the cursor (z for XY, y for XZ, x for YZ). */
	public synchronized int index(OrthogonalPlane plane) {
		return zyx[plane.normalAxis()];
	}

	/** The volume's shape (z, y, x), a copy. */
	public int[] shapeZyx() {
		return shape.clone();
	}

	public void moveTo(int x, int y, int z) {
		move(new int[] { z, y, x }, new boolean[] { true, true, true });
	}

	public void moveZ(int z) {
		move(new int[] { z, 0, 0 }, new boolean[] { true, false, false });
	}

	/** Moves along the two axes of a plane (a click in it); the plane's own index stays. */
	public void moveInPlane(OrthogonalPlane plane, int column, int row) {
		int[] to = new int[3];
		boolean[] which = new boolean[3];
		to[plane.columnAxis()] = column;
		to[plane.rowAxis()] = row;
		which[plane.columnAxis()] = true;
		which[plane.rowAxis()] = true;
		move(to, which);
	}

	/** Moves the given axes (z, y, x) to the given positions, clamped; tells the listeners if anything changed. */
	private void move(int[] to, boolean[] which) {
		boolean changed = false;
		synchronized (this) {
			for (int d = 0; d < 3; d++) {
				if (!which[d])
					continue;
				int v = Math.max(0, Math.min(shape[d] - 1, to[d]));
				changed |= v != zyx[d];
				zyx[d] = v;
			}
		}
		if (changed)
			for (Listener l : listeners)
				l.cursorMoved(this);
	}

	@Override
	public synchronized String toString() {
		return "ViewCursor[x=" + zyx[2] + ", y=" + zyx[1] + ", z=" + zyx[0] + "]";
	}
}
