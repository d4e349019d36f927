package org.tomopick.ui;

import org.tomopick.io.OrthogonalPlane;

/**
 * Maps between a pane's screen pixels and positions on the plane it shows (columns and rows in voxels, voxel c
 * spanning [c, c + 1) as ImageJ counts image pixels). A side plane is shown beside the XY view at the XY view's
 * magnification and pan, so that XZ's columns line up with the XY columns above it and YZ's rows with the XY rows
 * beside it; along z one voxel takes (z voxel size / in-plane voxel size) times as many screen pixels, so that
 * distances look the same in every direction whatever the voxel shape. When the whole depth does not fit the pane,
 * the pane shows a window of depth that keeps the cursor's slice in view. Immutable, headless.
 *
 * @param column0     the plane column at the pane's left edge
 * @param row0        the plane row at the pane's top edge
 * @param columnScale screen pixels per column
 * @param rowScale    screen pixels per row
 */
public record PlaneViewport(double column0, double row0, double columnScale, double rowScale) {

	public PlaneViewport {
		if (!(columnScale > 0) || !(rowScale > 0) || Double.isInfinite(columnScale) || Double.isInfinite(rowScale))
			throw new IllegalArgumentException("viewport scales must be positive, were " + columnScale + ", "
					+ rowScale);
	}

	public double screenX(double column) {
		return (column - column0) * columnScale;
	}

	public double screenY(double row) {
		return (row - row0) * rowScale;
	}

	public double column(double screenX) {
		return column0 + screenX / columnScale;
	}

	public double row(double screenY) {
		return row0 + screenY / rowScale;
	}

	/** Screen pixels per z voxel of a side plane shown at this XY magnification (in-plane voxels are square). */
	public static double depthScale(OrthogonalPlane plane, double magnification, double[] voxelZyx) {
		if (plane == OrthogonalPlane.XY)
			throw new IllegalArgumentException("the XY plane has no depth axis on screen");
		int inPlane = plane == OrthogonalPlane.XZ ? OrthogonalPlane.X : OrthogonalPlane.Y;
		return magnification * voxelZyx[OrthogonalPlane.Z] / voxelZyx[inPlane];
	}

	/** Screen pixels that the whole depth (z) of a side plane takes. */
	public static int depthPixels(OrthogonalPlane plane, double magnification, double[] voxelZyx, int depth) {
		return (int) Math.ceil(depth * depthScale(plane, magnification, voxelZyx) - 1e-9);
	}

	/**
	 * The viewport of a side plane (XZ or YZ) beside an XY view.
	 *
	 * @param srcX          the image column at the XY view's left edge
	 * @param srcY          the image row at the XY view's top edge
	 * @param magnification the XY view's screen pixels per voxel
	 * @param voxelZyx      voxel sizes (z, y, x) of the shown level
	 * @param depth         number of z slices
	 * @param depthPixels   screen pixels the pane has along z
	 * @param previousStart the first z shown so far (kept while the cursor stays well inside the window)
	 * @param cursorZ       the slice the XY view shows
	 */
	public static PlaneViewport beside(OrthogonalPlane plane, double srcX, double srcY, double magnification,
			double[] voxelZyx, int depth, int depthPixels, double previousStart, int cursorZ) {
		double zScale = depthScale(plane, magnification, voxelZyx);
		double start = depthStart(depth, depthPixels / zScale, previousStart, cursorZ);
		return plane == OrthogonalPlane.XZ ? new PlaneViewport(srcX, start, magnification, zScale)
				: new PlaneViewport(start, srcY, zScale, magnification);
	}

	/**
	 * The first z shown by a window of {@code visible} slices: 0 when everything fits; otherwise the previous start
	 * while the cursor's slice is at least a sixth of the window from its ends, else the window centred on the cursor;
	 * always within the volume.
	 */
	static double depthStart(int depth, double visible, double previousStart, int cursorZ) {
		if (visible >= depth)
			return 0;
		double centre = cursorZ + 0.5, margin = visible / 6;
		double start = centre >= previousStart + margin && centre <= previousStart + visible - margin ? previousStart
				: centre - visible / 2;
		return Math.max(0, Math.min(depth - visible, start));
	}

	/** The first depth (z) position shown, for a side plane. */
	public double depthStart(OrthogonalPlane plane) {
		return plane == OrthogonalPlane.XZ ? row0 : column0;
	}
}
