package org.tomopick.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.tomopick.io.OrthogonalPlane;

/**
 * Side views line up with the XY view (its pan and zoom) and keep the physical aspect on voxels twice as deep as
 * wide; a depth that does not fit shows a window that follows the cursor's slice.
 */
class PlaneViewportTest {

	private static final double[] DEEP_VOXELS = { 20, 10, 10 }; // z, y, x in A

	@Test
	void xzColumnsLineUpWithTheXyColumnsAndZTakesTwiceAsManyPixels() {
		// the XY view shows columns 20..83 and rows 30..93 at 4 screen pixels per voxel
		PlaneViewport xz = PlaneViewport.beside(OrthogonalPlane.XZ, 20, 30, 4, DEEP_VOXELS, 40, 320, 0, 10);
		assertEquals(0, xz.screenX(20), 1e-12, "XY's left edge");
		assertEquals(256, xz.screenX(84), 1e-12, "XY's right edge, 64 voxels later");
		assertEquals(0, xz.row0(), 1e-12, "the whole depth fits: 40 slices x 8 pixels = 320");
		assertEquals(8, xz.rowScale(), 1e-12, "a 20 A voxel takes twice the pixels of a 10 A one");
		assertEquals(320, PlaneViewport.depthPixels(OrthogonalPlane.XZ, 4, DEEP_VOXELS, 40));
	}

	@Test
	void yzRowsLineUpWithTheXyRows() {
		PlaneViewport yz = PlaneViewport.beside(OrthogonalPlane.YZ, 20, 30, 4, DEEP_VOXELS, 40, 320, 0, 10);
		assertEquals(0, yz.screenY(30), 1e-12);
		assertEquals(256, yz.screenY(94), 1e-12);
		assertEquals(8, yz.columnScale(), 1e-12, "z runs to the right, 8 pixels per slice");
		assertEquals(0, yz.column0(), 1e-12);
	}

	@Test
	void screenAndPlanePositionsMapBothWays() {
		PlaneViewport v = new PlaneViewport(12.5, 3, 2.5, 7);
		for (double c : new double[] { 0, 12.5, 33.3 }) {
			assertEquals(c, v.column(v.screenX(c)), 1e-9);
			assertEquals(c, v.row(v.screenY(c)), 1e-9);
		}
		// a click at screen (25, 14) is 10 columns and 2 rows from the top-left corner of the view
		assertEquals(22.5, v.column(25), 1e-12);
		assertEquals(5, v.row(14), 1e-12);
		assertThrows(IllegalArgumentException.class, () -> new PlaneViewport(0, 0, 0, 1));
	}

	@Test
	void aDepthWindowKeepsItsPlaceWhileTheCursorStaysWellInside() {
		// 200 slices, 100 visible
		assertEquals(0, PlaneViewport.depthStart(200, 250, 37, 150), 1e-12, "all fits: from slice 0");
		assertEquals(50, PlaneViewport.depthStart(200, 100, 50, 100), 1e-12, "cursor inside: stays");
		assertEquals(90.5, PlaneViewport.depthStart(200, 100, 50, 140), 1e-12, "near the end: centred");
		assertEquals(100, PlaneViewport.depthStart(200, 100, 50, 195), 1e-12, "never past the last slice");
		assertEquals(0, PlaneViewport.depthStart(200, 100, 50, 3), 1e-12, "never before the first");
		PlaneViewport xz = PlaneViewport.beside(OrthogonalPlane.XZ, 0, 0, 1, new double[] { 10, 10, 10 }, 200, 100,
				0, 150);
		assertEquals(100, xz.row0(), 1e-12);
		assertEquals(100, xz.depthStart(OrthogonalPlane.XZ), 1e-12);
	}
}
