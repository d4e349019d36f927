package org.tomopick.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The axes of the three planes, as 3dmod lays them out, and the mapping between plane and volume positions. */
class OrthogonalPlaneTest {

	private static final int[] SHAPE = { 40, 60, 80 }; // z, y, x

	@Test
	void planesHaveTheAxesOf3dmodsXyzWindow() {
		assertEquals(80, OrthogonalPlane.XY.columns(SHAPE));
		assertEquals(60, OrthogonalPlane.XY.rows(SHAPE));
		assertEquals(40, OrthogonalPlane.XY.planes(SHAPE));
		// XZ below XY: x to the right (same columns as XY), z down, one plane per y
		assertEquals(80, OrthogonalPlane.XZ.columns(SHAPE));
		assertEquals(40, OrthogonalPlane.XZ.rows(SHAPE));
		assertEquals(60, OrthogonalPlane.XZ.planes(SHAPE));
		// YZ right of XY: z to the right, y down (same rows as XY), one plane per x
		assertEquals(40, OrthogonalPlane.YZ.columns(SHAPE));
		assertEquals(60, OrthogonalPlane.YZ.rows(SHAPE));
		assertEquals(80, OrthogonalPlane.YZ.planes(SHAPE));
	}

	@Test
	void planeAndVolumePositionsMapBothWays() {
		double[] zyx = { 7.5, 21.25, 63 };
		assertArrayEquals(new double[] { 63, 21.25, 7.5 }, OrthogonalPlane.XY.toPlane(zyx));
		assertArrayEquals(new double[] { 63, 7.5, 21.25 }, OrthogonalPlane.XZ.toPlane(zyx));
		assertArrayEquals(new double[] { 7.5, 21.25, 63 }, OrthogonalPlane.YZ.toPlane(zyx));
		for (OrthogonalPlane plane : OrthogonalPlane.values()) {
			double[] p = plane.toPlane(zyx);
			assertArrayEquals(zyx, plane.toVolume(p[0], p[1], p[2]), plane.toString());
		}
	}
}
