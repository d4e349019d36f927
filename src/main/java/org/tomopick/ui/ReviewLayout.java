package org.tomopick.ui;

import java.awt.Insets;
import java.awt.Point;
import java.awt.Rectangle;

/**
 * Where the review's windows go around the XY window, as in 3dmod's XYZ window: the YZ view right of the XY window
 * with its rows level with the XY canvas's rows, the XZ view below it with its columns under the canvas's columns,
 * and the controls right of everything. A side view gets the depth (screen pixels along z) it asks for, up to
 * {@value #MAX_DEPTH_PIXELS}, but no more than the screen has room for, and never less than
 * {@value #MIN_DEPTH_PIXELS} (it then shows a window of the depth that follows the cursor). Pure arithmetic on
 * screen rectangles; headless.
 *
 * @param yz           bounds of the YZ window (frame included)
 * @param xz           bounds of the XZ window
 * @param controls     top-left corner of the controls window
 * @param sideViewsFit whether both side views fit on the screen with at least their minimum depth
 */
public record ReviewLayout(Rectangle yz, Rectangle xz, Point controls, boolean sideViewsFit) {

	/** Most screen pixels a side view takes along z by default (a window of the depth beyond). */
	public static final int MAX_DEPTH_PIXELS = 320;
	/** Fewest screen pixels a side view takes along z. */
	public static final int MIN_DEPTH_PIXELS = 64;
	static final int GAP = 2;
	static final int CONTROLS_GAP = 8;

	/**
	 * @param screen         the usable screen area
	 * @param xyWindow       bounds of the XY window
	 * @param canvas         bounds of its canvas, on the screen
	 * @param yzDepth        screen pixels the YZ view wants along z (its whole depth at the XY magnification)
	 * @param xzDepth        the same for the XZ view
	 * @param yzFrame        the YZ window's frame (title bar, borders)
	 * @param xzFrame        the XZ window's frame
	 * @param controlsWidth  width of the controls window
	 * @param sideViewsShown whether the side views are on (the controls then go right of the YZ view)
	 */
	public static ReviewLayout around(Rectangle screen, Rectangle xyWindow, Rectangle canvas, int yzDepth,
			int xzDepth, Insets yzFrame, Insets xzFrame, int controlsWidth, boolean sideViewsShown) {
		int right = xyWindow.x + xyWindow.width;
		int roomRight = screen.x + screen.width - CONTROLS_GAP - controlsWidth - (right + GAP) - yzFrame.left
				- yzFrame.right;
		int yzPixels = depth(yzDepth, roomRight);
		Rectangle yz = new Rectangle(right + GAP, canvas.y - yzFrame.top, yzPixels + yzFrame.left + yzFrame.right,
				canvas.height + yzFrame.top + yzFrame.bottom);
		int below = xyWindow.y + xyWindow.height + GAP;
		int roomBelow = screen.y + screen.height - below - xzFrame.top - xzFrame.bottom;
		int xzPixels = depth(xzDepth, roomBelow);
		Rectangle xz = new Rectangle(canvas.x - xzFrame.left, below, canvas.width + xzFrame.left + xzFrame.right,
				xzPixels + xzFrame.top + xzFrame.bottom);
		Point controls = new Point((sideViewsShown ? yz.x + yz.width : right) + CONTROLS_GAP, xyWindow.y);
		boolean fit = roomRight >= Math.min(yzDepth, MIN_DEPTH_PIXELS)
				&& roomBelow >= Math.min(xzDepth, MIN_DEPTH_PIXELS);
		return new ReviewLayout(yz, xz, controls, fit);
	}

	/** The depth a side view gets: what it wants, at most the maximum and the room, at least the minimum. */
	static int depth(int wanted, int room) {
		int most = Math.min(wanted, MAX_DEPTH_PIXELS);
		return Math.max(Math.min(most, MIN_DEPTH_PIXELS), Math.min(most, room));
	}

	/**
	 * Where the XY window goes so that it and everything right of it fit on the screen: moved left as far as needed
	 * (never off the screen's left edge), never moved up or down (ImageJ's bar stays free).
	 *
	 * @param extraRight the width needed right of the XY window
	 */
	public static Point xyWindowToFit(Rectangle screen, Rectangle xyWindow, int extraRight) {
		int x = Math.min(xyWindow.x, screen.x + screen.width - xyWindow.width - extraRight);
		return new Point(Math.max(screen.x, x), xyWindow.y);
	}

	/** The width needed right of the XY window: the YZ view (if shown) and the controls. */
	public static int widthRightOf(int yzDepth, Insets yzFrame, int controlsWidth, boolean sideViewsShown) {
		int side = sideViewsShown ? GAP + Math.min(yzDepth, MAX_DEPTH_PIXELS) + yzFrame.left + yzFrame.right : 0;
		return side + CONTROLS_GAP + controlsWidth;
	}
}
