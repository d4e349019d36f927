package org.tomopick.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Insets;
import java.awt.Point;
import java.awt.Rectangle;

import org.junit.jupiter.api.Test;
import org.tomopick.io.OrthogonalPlane;

/**
 * The XY window, the XZ and YZ views and the controls of a CZII tomogram (630 x 630 x 184 voxels of 10 A, shown at
 * 100 %) on a 1600 x 1000 screen below ImageJ's bar: all on the screen, the side views lined up with the canvas.
 */
class ReviewLayoutTest {

	private static final Rectangle SCREEN = new Rectangle(0, 0, 1600, 1000);
	private static final Rectangle XY_WINDOW = new Rectangle(10, 100, 650, 690);
	private static final Rectangle CANVAS = new Rectangle(20, 125, 630, 630);
	private static final Insets FRAME = new Insets(28, 4, 4, 4);
	private static final int CONTROLS_WIDTH = 640;
	private static final int DEPTH = PlaneViewport.depthPixels(OrthogonalPlane.XZ, 1, new double[] { 10, 10, 10 },
			184);

	@Test
	void aCziiTomogramFitsA1600x1000ScreenWithItsSideViewsLinedUp() {
		ReviewLayout layout = ReviewLayout.around(SCREEN, XY_WINDOW, CANVAS, DEPTH, DEPTH, FRAME, FRAME,
				CONTROLS_WIDTH, true);
		assertTrue(layout.sideViewsFit());
		for (Rectangle r : new Rectangle[] { XY_WINDOW, layout.yz(), layout.xz(), new Rectangle(layout.controls(),
				new java.awt.Dimension(CONTROLS_WIDTH, 900)) })
			assertTrue(SCREEN.contains(r), r + " is on the screen");
		// YZ: right of the XY window, rows level with the canvas rows, the whole depth (184 slices at 100 %)
		assertEquals(XY_WINDOW.x + XY_WINDOW.width + ReviewLayout.GAP, layout.yz().x);
		assertEquals(CANVAS.y, layout.yz().y + FRAME.top);
		assertEquals(CANVAS.height, layout.yz().height - FRAME.top - FRAME.bottom);
		assertEquals(184, layout.yz().width - FRAME.left - FRAME.right);
		// XZ: below, columns under the canvas columns; only 176 pixels are left below, so it shows a depth window
		assertEquals(CANVAS.x, layout.xz().x + FRAME.left);
		assertEquals(CANVAS.width, layout.xz().width - FRAME.left - FRAME.right);
		assertEquals(1000 - (XY_WINDOW.y + XY_WINDOW.height + ReviewLayout.GAP) - 32,
				layout.xz().height - FRAME.top - FRAME.bottom);
		assertEquals(layout.yz().x + layout.yz().width + ReviewLayout.CONTROLS_GAP, layout.controls().x);
	}

	@Test
	void withoutSideViewsTheControlsGoRightOfTheXyWindow() {
		ReviewLayout layout = ReviewLayout.around(SCREEN, XY_WINDOW, CANVAS, DEPTH, DEPTH, FRAME, FRAME,
				CONTROLS_WIDTH, false);
		assertEquals(new Point(XY_WINDOW.x + XY_WINDOW.width + ReviewLayout.CONTROLS_GAP, XY_WINDOW.y),
				layout.controls());
	}

	@Test
	void aScreenWithoutRoomLeavesTheSideViewsOff() {
		Rectangle small = new Rectangle(0, 0, 1280, 800);
		ReviewLayout layout = ReviewLayout.around(small, XY_WINDOW, CANVAS, DEPTH, DEPTH, FRAME, FRAME,
				CONTROLS_WIDTH, true);
		assertFalse(layout.sideViewsFit());
		assertEquals(ReviewLayout.MIN_DEPTH_PIXELS, layout.xz().height - FRAME.top - FRAME.bottom,
				"shown anyway, with the minimum depth");
	}

	@Test
	void sideViewsTakeWhatTheyWantWithinTheirBounds() {
		assertEquals(320, ReviewLayout.depth(500, 1000), "at most the maximum");
		assertEquals(200, ReviewLayout.depth(500, 200), "at most the room");
		assertEquals(64, ReviewLayout.depth(500, 10), "at least the minimum");
		assertEquals(40, ReviewLayout.depth(40, 10), "a thin volume needs no more than itself");
	}

	@Test
	void theXyWindowMovesLeftToMakeRoomButNeverOffTheScreenOrUp() {
		int right = ReviewLayout.widthRightOf(DEPTH, FRAME, CONTROLS_WIDTH, true);
		assertEquals(ReviewLayout.GAP + 184 + 8 + ReviewLayout.CONTROLS_GAP + CONTROLS_WIDTH, right);
		Rectangle farRight = new Rectangle(800, 100, 650, 690);
		assertEquals(new Point(1600 - 650 - right, 100), ReviewLayout.xyWindowToFit(SCREEN, farRight, right));
		assertEquals(new Point(10, 100), ReviewLayout.xyWindowToFit(SCREEN, XY_WINDOW, right), "fits: stays");
		assertEquals(new Point(0, 100), ReviewLayout.xyWindowToFit(new Rectangle(0, 0, 1000, 800), farRight, right));
	}
}
