package org.tomopick.ui;

import java.awt.Frame;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.KeyListener;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import javax.swing.JCheckBox;
import javax.swing.JDialog;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.tomopick.io.OrthogonalPlane;
import org.tomopick.model.ParticleSetChange;
import org.tomopick.model.ParticleSetListener;

import ij.IJ;
import ij.ImagePlus;

/**
 * The XZ and YZ views beside the XY view of a {@link TomogramWindow} (3dmod's XYZ window): one small window each,
 * showing the planes through the session's {@link ViewCursor}, read lazily through a
 * {@link org.tomopick.io.PlaneReader} on a background thread. It keeps the three views together: the XY slice is
 * the cursor's z (either way round), the side views follow the XY view's zoom, pan and contrast, and every view
 * redraws when the particles, the selection or the display settings change. Switched on and off with
 * {@link #setShown} (the checkbox of {@link #toggleBox()}, Ctrl+Shift+H); nothing is read while they are off.
 */
public final class SideViews implements AutoCloseable, ViewCursor.Listener, ParticleSetListener,
		ParticleSelection.Listener {

	private final TomogramSession session;
	private final ImagePlus image;
	private final ViewCursor cursor;
	private final TomogramCanvas canvas;
	private final PlaneLoader loader;
	private final Map<OrthogonalPlane, PlanePane> panes = new EnumMap<>(OrthogonalPlane.class);
	private final Map<OrthogonalPlane, JDialog> windows = new EnumMap<>(OrthogonalPlane.class);
	private final JCheckBox toggle = new JCheckBox("XZ and YZ views (Ctrl+Shift+H)");
	private Runnable onLayoutChange = () -> {
	};
	private boolean shown;
	private String lastError;
	/** Where the XY view last drew the cursor cross. */
	private int crossX = -1, crossY = -1;
	/** What the side views last took from the XY view. */
	private XyState xyState;

	SideViews(TomogramSession session, Frame owner, TomogramCanvas canvas) {
		this.session = Objects.requireNonNull(session, "session");
		this.image = session.image();
		this.cursor = session.cursor();
		this.canvas = canvas;
		this.loader = new PlaneLoader(TomogramImages.planeReaderOf(image), this::planeRead, this::readFailed);
		for (OrthogonalPlane plane : new OrthogonalPlane[] { OrthogonalPlane.XZ, OrthogonalPlane.YZ }) {
			PlanePane pane = new PlanePane(session, cursor, plane);
			PlanePaneMouse.install(session, cursor, pane);
			pane.addComponentListener(new ComponentAdapter() {
				@Override
				public void componentResized(ComponentEvent e) {
					updateViewports();
				}
			});
			JDialog window = new JDialog(owner, plane + " \u00B7 " + image.getTitle(), false);
			window.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
			window.setAutoRequestFocus(false);
			window.setContentPane(pane);
			window.addWindowListener(new WindowAdapter() {
				@Override
				public void windowClosing(WindowEvent e) {
					setShown(false);
				}
			});
			panes.put(plane, pane);
			windows.put(plane, window);
		}
		toggle.setToolTipText("Shows the XZ and YZ planes through the cursor or the selected particle");
		toggle.addActionListener(e -> setShown(toggle.isSelected()));
		cursor.moveZ(image.getCurrentSlice() - 1);
		cursor.addListener(this);
		session.particles().addListener(this);
		session.selection().addListener(this);
		canvas.afterPaint(this::xyPainted);
	}

	/** Also hands the editor's keys of the side views to this handler. */
	void installKeys(KeyListener keys) {
		for (PlanePane pane : panes.values())
			pane.addKeyListener(keys);
	}

	/** What to run when the side views change size or are switched (the window lays its satellites out again). */
	void onLayoutChange(Runnable r) {
		onLayoutChange = r;
	}

	public boolean isShown() {
		return shown;
	}

	/** Switches the side views (and the cursor cross in the XY view) on or off. */
	public void setShown(boolean on) {
		shown = on;
		toggle.setSelected(on);
		canvas.showCursor(on ? cursor : null);
		if (!on) {
			for (JDialog w : windows.values())
				w.setVisible(false);
			onLayoutChange.run();
			return;
		}
		for (JDialog w : windows.values())
			w.pack(); // a window knows its frame (title bar, borders) only once it has a peer
		onLayoutChange.run();
		for (JDialog w : windows.values())
			w.setVisible(true);
		// the frame may change once the window manager has decorated the windows
		SwingUtilities.invokeLater(onLayoutChange);
		updateViewports();
		requestPlanes();
	}

	public void toggle() {
		setShown(!shown);
	}

	/** The checkbox that switches the side views, for the controls. */
	public JCheckBox toggleBox() {
		return toggle;
	}

	/** The pane of a side plane (XZ or YZ). */
	public PlanePane pane(OrthogonalPlane plane) {
		return panes.get(plane);
	}

	/** The window of a side plane (XZ or YZ). */
	public JDialog window(OrthogonalPlane plane) {
		return windows.get(plane);
	}

	/** Screen pixels the whole depth of a side plane takes at the XY view's magnification. */
	int wantedDepth(OrthogonalPlane plane) {
		return PlaneViewport.depthPixels(plane, canvas.getMagnification(), voxelSize(), image.getStackSize());
	}

	Insets frameInsets(OrthogonalPlane plane) {
		return windows.get(plane).getInsets();
	}

	/** Puts the side windows where the layout says. */
	void place(ReviewLayout layout) {
		windows.get(OrthogonalPlane.YZ).setBounds(layout.yz());
		windows.get(OrthogonalPlane.XZ).setBounds(layout.xz());
	}

	@Override
	public void cursorMoved(ViewCursor c) {
		onEventThread(() -> {
			int slice = c.z() + 1;
			if (image.getCurrentSlice() != slice && slice <= image.getStackSize())
				image.setSlice(slice);
			if (!shown)
				return;
			updateViewports();
			requestPlanes();
			repaintPanes();
			if (c.x() != crossX || c.y() != crossY) { // the XY view repaints itself on a new slice
				crossX = c.x();
				crossY = c.y();
				canvas.repaint();
			}
		});
	}

	@Override
	public void particleSetChanged(ParticleSetChange change) {
		if (shown)
			onEventThread(this::repaintPanes);
	}

	@Override
	public void selectionChanged(ParticleSelection selection) {
		if (shown)
			onEventThread(this::repaintPanes);
	}

	/** What the side views take from the XY view. */
	private record XyState(Rectangle source, double magnification, double displayMin, double displayMax,
			ParticleDisplaySettings settings) {
	}

	/** After every paint of the XY canvas: takes over its slice, zoom, pan, contrast and display settings. */
	private void xyPainted() {
		onEventThread(() -> {
			cursor.moveZ(image.getCurrentSlice() - 1);
			XyState state = new XyState(new Rectangle(canvas.getSrcRect()), canvas.getMagnification(),
					image.getDisplayRangeMin(), image.getDisplayRangeMax(), session.overlay().settings());
			if (state.equals(xyState))
				return;
			boolean zoomed = xyState == null || xyState.magnification() != state.magnification();
			xyState = state;
			if (!shown)
				return;
			if (zoomed)
				onLayoutChange.run();
			updateViewports();
			repaintPanes();
		});
	}

	/** Lines the side views up with the XY view (its pan and zoom) and the cursor's slice. */
	private void updateViewports() {
		Rectangle src = canvas.getSrcRect();
		double magnification = canvas.getMagnification();
		for (PlanePane pane : panes.values()) {
			OrthogonalPlane plane = pane.plane();
			int depthPixels = plane == OrthogonalPlane.XZ ? pane.getHeight() : pane.getWidth();
			if (depthPixels <= 0)
				depthPixels = wantedDepth(plane);
			pane.setViewport(PlaneViewport.beside(plane, src.x, src.y, magnification, voxelSize(),
					image.getStackSize(), depthPixels, pane.viewport().depthStart(plane), cursor.z()));
		}
	}

	private void requestPlanes() {
		for (PlanePane pane : panes.values()) {
			int index = cursor.index(pane.plane());
			if (pane.shownIndex() != index && loader.requested(pane.plane()) != index)
				loader.request(pane.plane(), index);
		}
	}

	private void planeRead(OrthogonalPlane plane, int index, float[] values) {
		if (index == cursor.index(plane))
			panes.get(plane).showPlane(index, values);
	}

	private void readFailed(RuntimeException e) {
		String message = e.getMessage();
		SwingUtilities.invokeLater(() -> {
			if (!Objects.equals(message, lastError))
				IJ.log("TomoPick: cannot read a side-view plane of " + image.getTitle() + ": " + message);
			lastError = message;
		});
	}

	private void repaintPanes() {
		for (PlanePane pane : panes.values())
			pane.repaint();
	}

	private double[] voxelSize() {
		return session.geometry().voxelSize(session.level());
	}

	private static void onEventThread(Runnable r) {
		if (SwingUtilities.isEventDispatchThread())
			r.run();
		else
			SwingUtilities.invokeLater(r);
	}

	/** Stops listening and reading, and closes the side windows. */
	@Override
	public void close() {
		cursor.removeListener(this);
		session.particles().removeListener(this);
		session.selection().removeListener(this);
		canvas.afterPaint(null);
		canvas.showCursor(null);
		loader.close();
		for (JDialog w : windows.values())
			w.dispose();
	}
}
