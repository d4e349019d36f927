package org.tomopick.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.swing.JComponent;

import org.tomopick.io.OrthogonalPlane;

/**
 * One side view (XZ or YZ) of the review: the plane through the view cursor, in the XY view's contrast, with the
 * particles' circles in their class colours (the selected ones in the selection colour and thicker, a dot on the
 * plane nearest the centre, as in the XY view), the cursor as a dashed cross and a label naming the plane. It only
 * paints what {@link SideViews} gives it (the plane's values, the viewport) and what the session holds; the mouse is
 * {@link PlanePaneMouse}'s. Swing, event thread only.
 */
public final class PlanePane extends JComponent {

	private static final long serialVersionUID = 1L;
	private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

	private final transient TomogramSession session;
	private final transient ViewCursor cursor;
	private final transient PlaneCircles circles;
	private final OrthogonalPlane plane;
	private transient PlaneViewport viewport = new PlaneViewport(0, 0, 1, 1);
	private int shownIndex = -1;
	private transient float[] values;
	private transient BufferedImage rendered;
	private double renderedMin = Double.NaN, renderedMax = Double.NaN;
	private transient List<PlaneCircles.Circle> drawn = List.of();
	private transient Set<Long> drawnSelected = Set.of();

	PlanePane(TomogramSession session, ViewCursor cursor, OrthogonalPlane plane) {
		this.session = session;
		this.cursor = cursor;
		this.plane = plane;
		this.circles = new PlaneCircles(session.geometry(), session.level());
		setFocusable(true);
		setOpaque(true);
		setToolTipText(plane + " view: click moves the cursor (and edits as in the XY view); right-click or "
				+ "Alt+click only moves the cursor; the wheel moves the plane");
	}

	public OrthogonalPlane plane() {
		return plane;
	}

	/** Shows the values of plane {@code index} (row by row, as the {@link org.tomopick.io.PlaneReader} gives them). */
	void showPlane(int index, float[] planeValues) {
		shownIndex = index;
		values = planeValues;
		rendered = null;
		repaint();
	}

	/** The index of the plane whose voxels are shown, or -1 before the first has been read. */
	public int shownIndex() {
		return shownIndex;
	}

	void setViewport(PlaneViewport v) {
		viewport = v;
		repaint();
	}

	public PlaneViewport viewport() {
		return viewport;
	}

	/** The circles drawn by the last paint. */
	public List<PlaneCircles.Circle> drawnCircles() {
		return drawn;
	}

	/** The ids of the particles drawn as selected by the last paint. */
	public Set<Long> drawnSelected() {
		return drawnSelected;
	}

	/** Whether a plane position (column, row) lies on the plane (not in the pane's margin beyond it). */
	public boolean onPlane(double[] at) {
		int[] shape = cursor.shapeZyx();
		return at[0] >= 0 && at[1] >= 0 && at[0] < plane.columns(shape) && at[1] < plane.rows(shape);
	}

	/** The plane position (column, row; voxel c spans [c, c + 1)) under a point of the pane. */
	public double[] planeAt(double screenX, double screenY) {
		return new double[] { viewport.column(screenX), viewport.row(screenY) };
	}

	@Override
	protected void paintComponent(Graphics g) {
		Graphics2D g2 = (Graphics2D) g.create();
		g2.setColor(Color.BLACK);
		g2.fillRect(0, 0, getWidth(), getHeight());
		int[] shape = cursor.shapeZyx();
		if (values != null) {
			AffineTransform at = new AffineTransform();
			at.scale(viewport.columnScale(), viewport.rowScale());
			at.translate(-viewport.column0(), -viewport.row0());
			g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, viewport.columnScale() < 1
					? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
			g2.drawImage(image(plane.columns(shape), plane.rows(shape)), at, null);
		}
		g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		drawCircles(g2);
		double[] at = plane.toPlane(new double[] { cursor.z(), cursor.y(), cursor.x() });
		TomogramCanvas.drawCross(g2, (int) Math.round(viewport.screenX(at[0] + 0.5)),
				(int) Math.round(viewport.screenY(at[1] + 0.5)), getWidth(), getHeight());
		drawLabel(g2, shape);
		g2.dispose();
	}

	private void drawCircles(Graphics2D g2) {
		ParticleDisplaySettings settings = session.overlay().settings();
		Set<Long> selected = session.selection().ids();
		int index = shownIndex >= 0 ? shownIndex : cursor.index(plane);
		List<PlaneCircles.Circle> list = new ArrayList<>(circles.inPlane(session.particles().snapshot(),
				settings, plane, index));
		list.sort(Comparator.comparing(c -> selected.contains(c.id()))); // the selection on top
		// the XY view's line widths are in image pixels: the same here, at the XY magnification
		double magnification = plane == OrthogonalPlane.XZ ? viewport.columnScale() : viewport.rowScale();
		Color selection = new Color(settings.selectionColorArgb(), true);
		Set<Long> drawnNow = new HashSet<>();
		for (PlaneCircles.Circle c : list) {
			boolean isSelected = selected.contains(c.id());
			if (isSelected)
				drawnNow.add(c.id());
			Color color = isSelected ? selection : ParticleOverlayBuilder.colorOf(c.particle());
			double width = (isSelected ? settings.selectedLineWidth() : settings.lineWidth()) * magnification;
			double x = viewport.screenX(c.column() + 0.5), y = viewport.screenY(c.row() + 0.5);
			double rx = c.columnRadius() * viewport.columnScale(), ry = c.rowRadius() * viewport.rowScale();
			g2.setColor(color);
			g2.setStroke(new BasicStroke((float) Math.max(1, width)));
			g2.draw(new Ellipse2D.Double(x - rx, y - ry, 2 * rx, 2 * ry));
			if (c.throughCentre()) {
				double dot = ParticleOverlayBuilder.CENTRE_DOT_RADIUS * magnification;
				g2.fill(new Ellipse2D.Double(x - dot, y - dot, 2 * dot, 2 * dot));
			}
		}
		drawn = List.copyOf(list);
		drawnSelected = Set.copyOf(drawnNow);
	}

	private void drawLabel(Graphics2D g2, int[] shape) {
		String axis = plane == OrthogonalPlane.XZ ? "y" : "x";
		int index = cursor.index(plane);
		String text = plane + " at " + axis + "=" + index + " (0.." + (plane.planes(shape) - 1) + ")";
		g2.setFont(LABEL_FONT);
		g2.setColor(Color.BLACK);
		g2.drawString(text, 5, 14);
		g2.setColor(Color.WHITE);
		g2.drawString(text, 4, 13);
	}

	/** The plane as 8-bit grey in the XY image's display range (rendered again when the range changes). */
	private BufferedImage image(int columns, int rows) {
		double min = session.image().getDisplayRangeMin(), max = session.image().getDisplayRangeMax();
		if (rendered != null && min == renderedMin && max == renderedMax)
			return rendered;
		BufferedImage img = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
		byte[] grey = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
		double scale = max > min ? 256 / (max - min) : 0;
		for (int i = 0; i < grey.length; i++) {
			int v = (int) ((values[i] - min) * scale);
			grey[i] = (byte) Math.max(0, Math.min(255, v));
		}
		rendered = img;
		renderedMin = min;
		renderedMax = max;
		return img;
	}
}
