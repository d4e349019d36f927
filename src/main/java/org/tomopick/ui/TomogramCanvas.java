package org.tomopick.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;

import ij.ImagePlus;
import ij.gui.ImageCanvas;

/**
 * The XY view's ImageJ canvas: draws the view cursor as a dashed cross (where the XZ and YZ planes cut this slice)
 * while the side views are on, and tells one listener after every paint, which is when ImageJ has settled a new
 * slice, zoom, pan or contrast (ImageJ has no event for those).
 */
final class TomogramCanvas extends ImageCanvas {

	private static final long serialVersionUID = 1L;
	/** Colour of the cursor lines in every view: white, half transparent. */
	static final Color CURSOR_COLOR = new Color(255, 255, 255, 150);
	/** Screen pixels left free around the cursor, so that the lines do not hide what is under it. */
	static final int CURSOR_GAP = 10;

	private transient volatile ViewCursor cursor;
	private transient volatile Runnable afterPaint;

	TomogramCanvas(ImagePlus imp) {
		super(imp);
	}

	/** Shows this cursor, or none (null). */
	void showCursor(ViewCursor c) {
		cursor = c;
		repaint();
	}

	void afterPaint(Runnable r) {
		afterPaint = r;
	}

	@Override
	public void paint(Graphics g) {
		super.paint(g);
		ViewCursor c = cursor;
		if (c != null)
			drawCross((Graphics2D) g, screenXD(c.x() + 0.5), screenYD(c.y() + 0.5), getWidth(), getHeight());
		Runnable r = afterPaint;
		if (r != null)
			r.run();
	}

	/** A dashed cross through (x, y) over a w x h area, with a gap of {@link #CURSOR_GAP} around the point. */
	static void drawCross(Graphics2D g, int x, int y, int w, int h) {
		Graphics2D g2 = (Graphics2D) g.create();
		g2.setColor(CURSOR_COLOR);
		g2.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 4, 4 }, 0));
		g2.drawLine(0, y, x - CURSOR_GAP, y);
		g2.drawLine(x + CURSOR_GAP, y, w, y);
		g2.drawLine(x, 0, x, y - CURSOR_GAP);
		g2.drawLine(x, y + CURSOR_GAP, x, h);
		g2.dispose();
	}
}
