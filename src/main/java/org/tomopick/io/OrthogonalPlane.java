package org.tomopick.io;

/**
 * The three axis-aligned planes of a volume, as 3dmod's XYZ window and ImageJ's Orthogonal Views lay them out: XY
 * (x to the right, y down), XZ (x to the right, z down; it goes below the XY view, columns lined up with XY's), and
 * YZ (z to the right, y down; it goes right of the XY view, rows lined up with XY's). A plane has columns and rows
 * and an index along its normal (z for XY, y for XZ, x for YZ). Axes are given as indices into (z, y, x) arrays,
 * the order of volume shapes and voxel sizes.
 */
public enum OrthogonalPlane {

	XY(2, 1, 0), XZ(2, 0, 1), YZ(0, 1, 2);

	/** Axis indices in (z, y, x) order. */
	public static final int Z = 0, Y = 1, X = 2;

	private final int columnAxis;
	private final int rowAxis;
	private final int normalAxis;

	OrthogonalPlane(int columnAxis, int rowAxis, int normalAxis) {
		this.columnAxis = columnAxis;
		this.rowAxis = rowAxis;
		this.normalAxis = normalAxis;
	}

	/** The (z, y, x) axis that runs along the plane's columns (to the right). */
	public int columnAxis() {
		return columnAxis;
	}

	/** The (z, y, x) axis that runs down the plane's rows. */
	public int rowAxis() {
		return rowAxis;
	}

	/** The (z, y, x) axis across the plane, along which planes are numbered. */
	public int normalAxis() {
		return normalAxis;
	}

	/** Width of the plane in voxels, for a volume of this shape (z, y, x). */
	public int columns(int[] shapeZyx) {
		return shapeZyx[columnAxis];
	}

	/** Height of the plane in voxels. */
	public int rows(int[] shapeZyx) {
		return shapeZyx[rowAxis];
	}

	/** How many planes of this orientation the volume has. */
	public int planes(int[] shapeZyx) {
		return shapeZyx[normalAxis];
	}

	/** The volume position (z, y, x) of a position (column, row) on plane {@code index}; works for fractions too. */
	public double[] toVolume(double column, double row, double index) {
		double[] zyx = new double[3];
		zyx[columnAxis] = column;
		zyx[rowAxis] = row;
		zyx[normalAxis] = index;
		return zyx;
	}

	/** The plane position (column, row, index) of a volume position (z, y, x). */
	public double[] toPlane(double[] zyx) {
		return new double[] { zyx[columnAxis], zyx[rowAxis], zyx[normalAxis] };
	}

	/** Fails with a message naming the plane unless {@code index} is one of the volume's planes. */
	public void checkIndex(int index, int[] shapeZyx) {
		if (index < 0 || index >= planes(shapeZyx))
			throw new IllegalArgumentException(name() + " plane " + index + " is outside 0.." + (planes(shapeZyx) - 1)
					+ " of a " + shapeZyx[Z] + " x " + shapeZyx[Y] + " x " + shapeZyx[X] + " (z, y, x) volume");
	}
}
