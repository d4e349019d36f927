package org.tomopick.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.tomopick.io.OrthogonalPlane;
import org.tomopick.io.copick.CopickPicksReader;
import org.tomopick.io.copick.CopickPicksWriter;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.ui.PlaneCircles;
import org.tomopick.ui.PlanePane;
import org.tomopick.ui.TomogramSession;
import org.tomopick.ui.TomogramWindow;
import org.tomopick.ui.ViewCursor;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.gui.ImageCanvas;

/**
 * The review window driven like a user would, with real AWT mouse and key events (java.awt.Robot): open a
 * synthetic tomogram, add, drag, relabel and delete particles, undo once, navigate, select, move and add in the XZ
 * and YZ views, export CoPick, check the files, and save screenshots (XY, YZ and XZ views with the controls). Needs a
 * display (CI runs it under xvfb-run with TOMOPICK_REQUIRE_GUI=1, which turns the skip without a display into a
 * failure). Screenshots go to target/gui-screenshots, or to $TOMOPICK_SCREENSHOT_DIR.
 */
class ReviewWindowGuiTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();

	@TempDir
	Path dir;

	private Robot robot;

	@Test
	void addMoveRelabelDeleteUndoExport() throws Exception {
		boolean required = "1".equals(System.getenv("TOMOPICK_REQUIRE_GUI"));
		if (GraphicsEnvironment.isHeadless()) {
			if (required)
				throw new AssertionError("TOMOPICK_REQUIRE_GUI=1 but there is no display (run under xvfb-run)");
			Assumptions.abort("no display: the GUI test needs one (xvfb-run; set TOMOPICK_REQUIRE_GUI=1 to require)");
		}
		robot = new Robot();
		robot.setAutoDelay(40);
		ImageJ imagej = IJ.getInstance() != null ? IJ.getInstance() : new ImageJ();
		imagej.exitWhenQuitting(false);
		File project = dir.resolve("project").toFile();
		try (Context context = new Context()) {
			Map<String, Object> sim = CommandTestSupport.tinySimulation(project, "sim_gui", 11);
			sim.put("size_x", 128);
			sim.put("size_y", 128);
			CommandTestSupport.run(context, GenerateSyntheticTomogramCommand.class, sim);
			Map<String, Object> open = new HashMap<>();
			open.put("path", project);
			open.put("run", "sim_gui");
			open.put("level", 0);
			open.put("load_picks", true);
			open.put("picks_user", "simulation");
			open.put("show", true);
			ImagePlus image = (ImagePlus) CommandTestSupport.run(context, OpenTomogramCommand.class, open)
					.getOutput("image");
			TomogramSession session = TomogramSession.require(image);
			waitUntil("the review window is shown", () -> image.getWindow() instanceof TomogramWindow
					&& image.getWindow().isShowing());
			TomogramWindow window = (TomogramWindow) image.getWindow();
			SwingUtilities.invokeAndWait(() -> {
				ij.plugin.Zoom.set(image, 4.0);
				image.setSlice(20);
			});
			robot.waitForIdle();
			Thread.sleep(300);
			int before = session.particles().size();

			// 1. key 2 (beta-amylase), click on empty space: a new particle there
			double[] spot = emptySpot(session, 20, 30, 30);
			click(image, spot[0], spot[1]);
			key(KeyEvent.VK_2);
			waitUntil("key 2 selects beta-amylase", () -> session.actions().activeClass().name()
					.equals("beta-amylase"));
			double[] spot2 = emptySpot(session, 20, 90, 90);
			click(image, spot2[0], spot2[1]);
			waitUntil("a click adds a particle", () -> session.particles().size() == before + 2);
			long added = session.selection().ids().iterator().next();
			Particle p = session.particles().get(added);
			assertEquals("beta-amylase", p.type().name());
			assertEquals(spot2[0] * 10, p.x(), 10, "x in A of the clicked pixel");
			assertEquals(19 * 10, p.z(), 1e-9, "z of the shown slice (20, z index 19)");
			assertTrue(image.getTitle().endsWith(TomogramWindow.UNSAVED_MARK), "unsaved edits show in the title");

			// 2. drag it 12 pixels to the right
			drag(image, spot2[0], spot2[1], spot2[0] + 12, spot2[1]);
			waitUntil("the drag moves the particle", () -> Math.abs(session.particles().get(added).x() - (p.x() + 120))
					< 15);

			// 3. key 5 relabels the selection to thyroglobulin
			key(KeyEvent.VK_5);
			waitUntil("key 5 relabels", () -> session.particles().get(added).type().name().equals("thyroglobulin"));
			assertTrue(window.sideViews().isShown(), "the XZ and YZ views are on by default on a 1400x1000 screen");
			waitUntil("the side views cut through the selected particle", () -> showsCursorPlanes(window)
					&& window.sideViews().pane(OrthogonalPlane.XZ).drawnSelected().contains(added)
					&& window.sideViews().pane(OrthogonalPlane.YZ).drawnSelected().contains(added));
			screenshot(window, "tomopick-review.png");

			// 4. Delete removes it, Ctrl+Z brings it back
			key(KeyEvent.VK_DELETE);
			waitUntil("Delete removes the selection", () -> !session.particles().contains(added));
			robot.keyPress(KeyEvent.VK_CONTROL);
			key(KeyEvent.VK_Z);
			robot.keyRelease(KeyEvent.VK_CONTROL);
			waitUntil("Ctrl+Z undoes the delete", () -> session.particles().contains(added));
			assertEquals(before + 2, session.particles().size());

			// 4b. the XZ and YZ views: navigate, select, move (and undo) and add/delete there
			sideViews(window, added);
			assertEquals(before + 2, session.particles().size());

			// 5. export CoPick and read it back
			File out = dir.resolve("exported").toFile();
			Map<String, Object> export = new HashMap<>();
			export.put("image", image);
			export.put("format", "CoPick");
			export.put("output", out);
			export.put("user", "reviewer");
			export.put("session", "1");
			CommandTestSupport.run(context, ExportPicksCommand.class, export);
			List<Particle> thyro = CopickPicksReader.read(new CopickProject(out.toPath()).picksPath("sim_gui",
					"reviewer", "1", "thyroglobulin"), CZII).particles();
			Particle moved = session.particles().get(added);
			assertTrue(thyro.stream().anyMatch(q -> q.x() == moved.x() && q.y() == moved.y() && q.z() == moved.z()),
					"the moved, relabelled particle is in the exported thyroglobulin picks");
			int total = 0;
			for (var c : CZII.classes())
				total += CopickPicksReader.read(new CopickProject(out.toPath()).picksPath("sim_gui", "reviewer", "1",
						c.name()), CZII).particles().size();
			assertEquals(before + 2, total);
			waitUntil("export clears the unsaved flag", () -> !image.getTitle().endsWith(TomogramWindow.UNSAVED_MARK));
			screenshot(window, "tomopick-review-exported.png");

			// Save on close (its Yes): the edits go to tomopick/reviewed; the picker's own tomopick/0 stays as it was
			CopickProject inProject = new CopickProject(project.toPath());
			CopickPicksWriter.writeRun(inProject, "sim_gui", "tomopick", "0", 10.0, List.of(new Particle(
					CZII.get("ribosome"), 500, 500, 500, 0.9, org.tomopick.model.Provenance.FUSED)), CZII);
			String pickerOwn = java.nio.file.Files.readString(inProject.picksPath("sim_gui", "tomopick", "0",
					"ribosome"));
			@SuppressWarnings("unchecked")
			List<java.nio.file.Path>[] saved = new List[1];
			SwingUtilities.invokeAndWait(() -> saved[0] = window.saveEditsToRun());
			assertEquals(CZII.classes().size(), saved[0].size());
			assertTrue(saved[0].stream().allMatch(f -> f.getFileName().toString().startsWith("tomopick_reviewed_")),
					saved[0].toString());
			assertEquals(pickerOwn, java.nio.file.Files.readString(inProject.picksPath("sim_gui", "tomopick", "0",
					"ribosome")), "the picker's own picks are untouched");
			int reviewed = 0;
			for (var c : CZII.classes())
				reviewed += CopickPicksReader.read(inProject.picksPath("sim_gui", "tomopick", "reviewed", c.name()),
						CZII).particles().size();
			assertEquals(session.particles().snapshot().size(), reviewed, "every particle of the session saved");
			SwingUtilities.invokeAndWait(window::close);
			assertFalse(window.isShowing());
		}
	}

	/**
	 * Drives the side views: a right-click in YZ and in XZ moves the cursor (the XY slice and the other plane follow);
	 * a click on a particle in XZ selects it in every view; dragging it in XZ moves it in z (the XY slice follows)
	 * and Ctrl+Z undoes that; a click on empty space in XZ adds a particle there and Delete deletes it; Ctrl+Shift+H
	 * switches the side views off and on.
	 */
	private void sideViews(TomogramWindow window, long avoid) throws Exception {
		TomogramSession session = window.session();
		ImagePlus image = session.image();
		PlanePane xz = window.sideViews().pane(OrthogonalPlane.XZ);
		PlanePane yz = window.sideViews().pane(OrthogonalPlane.YZ);
		PlaneCircles circles = new PlaneCircles(session.geometry(), session.level());
		ViewCursor cursor = session.cursor();
		// a truth particle, away from the edges in z, that the hit test finds at its own centre in XZ
		long target = -1;
		int[] t = null;
		for (var e : session.particles().snapshot().entrySet()) {
			Particle q = e.getValue();
			int x = (int) Math.round(circles.voxelOf(q, OrthogonalPlane.X));
			int y = (int) Math.round(circles.voxelOf(q, OrthogonalPlane.Y));
			int z = (int) Math.round(circles.voxelOf(q, OrthogonalPlane.Z));
			if (e.getKey() != avoid && x > 8 && x < 120 && y > 8 && y < 120 && z > 4 && z < 30
					&& circles.particleAt(session.particles().snapshot(), session.overlay().settings(),
							OrthogonalPlane.XZ, y, x, z).orElse(-1) == e.getKey()) {
				target = e.getKey();
				t = new int[] { x, y, z };
				break;
			}
		}
		assertTrue(target >= 0, "no particle to click in XZ");
		final long id = target;
		final int tx = t[0], ty = t[1], tz = t[2];

		// right-click in YZ (z to the right, y down): the XY slice goes to the clicked z, XZ to the clicked y
		int particles = session.particles().size();
		rightClick(onScreen(yz, tz, ty));
		waitUntil("a click in YZ moves the XY slice and the XZ plane", () -> image.getCurrentSlice() == tz + 1
				&& cursor.y() == ty && xz.shownIndex() == ty);
		// right-click in XZ at another x and z: the XY slice and the YZ plane follow
		int otherX = tx > 64 ? tx - 20 : tx + 20;
		rightClick(onScreen(xz, otherX, tz + 3));
		waitUntil("a click in XZ moves the XY slice and the YZ plane", () -> image.getCurrentSlice() == tz + 4
				&& cursor.x() == otherX && yz.shownIndex() == otherX);
		assertFalse(session.selection().contains(id), "navigation selects nothing");
		assertEquals(particles, session.particles().size(), "navigation adds nothing");

		// a click on the particle in XZ selects it everywhere: XY overlay, YZ view, table
		click(onScreen(xz, tx, tz));
		waitUntil("a click in XZ selects the particle", () -> session.selection().ids().equals(java.util.Set.of(id)));
		waitUntil("the particle is drawn selected in XZ, YZ and XY", () -> yz.shownIndex() == tx
				&& xz.drawnSelected().contains(id) && yz.drawnSelected().contains(id) && selectedInXy(session, id));
		assertEquals(tz + 1, image.getCurrentSlice(), "the XY slice is the clicked one");
		waitUntil("the table selects its row", () -> window.panel().table().getSelectedRowCount() == 1
				&& window.panel().model().idAt(window.panel().table().convertRowIndexToModel(
						window.panel().table().getSelectedRow())) == id);

		// drag it 4 slices deeper in XZ: z changes (one undo step), the XY slice follows; Ctrl+Z takes it back
		double z0 = session.particles().get(id).z();
		drag(onScreen(xz, tx, tz), onScreen(xz, tx, tz + 4));
		waitUntil("the drag in XZ moves the particle in z", () -> Math.abs(session.particles().get(id).z()
				- (z0 + 40)) < 10);
		waitUntil("the XY slice follows the dragged particle", () -> image.getCurrentSlice() == tz + 5);
		robot.keyPress(KeyEvent.VK_CONTROL);
		key(KeyEvent.VK_Z);
		robot.keyRelease(KeyEvent.VK_CONTROL);
		waitUntil("Ctrl+Z in the XZ view undoes the move", () -> session.particles().get(id).z() == z0);
		waitUntil("the XY slice goes back with it", () -> image.getCurrentSlice() == tz + 1);

		// a click on empty space in XZ adds a particle at the clicked x and z, on the XZ plane's y; Delete deletes it
		int count = session.particles().size();
		int[] empty = emptyInXz(session, circles, cursor.y());
		click(onScreen(xz, empty[0], empty[1]));
		waitUntil("a click in XZ adds a particle", () -> session.particles().size() == count + 1);
		long made = session.selection().ids().iterator().next();
		Particle p = session.particles().get(made);
		assertEquals(empty[0], circles.voxelOf(p, OrthogonalPlane.X), 1, "x of the click");
		assertEquals(empty[1], circles.voxelOf(p, OrthogonalPlane.Z), 1, "z of the click");
		assertEquals(cursor.y(), circles.voxelOf(p, OrthogonalPlane.Y), 1e-9, "y of the XZ plane");
		key(KeyEvent.VK_DELETE);
		waitUntil("Delete in the XZ view deletes it", () -> !session.particles().contains(made));

		// Ctrl+Shift+H switches the side views off, and on again from the XY view
		ctrlShiftH();
		waitUntil("Ctrl+Shift+H hides the side views", () -> !window.sideViews().window(OrthogonalPlane.XZ)
				.isShowing() && !window.sideViews().isShown());
		SwingUtilities.invokeAndWait(() -> window.getCanvas().requestFocus());
		robot.waitForIdle();
		ctrlShiftH();
		waitUntil("Ctrl+Shift+H shows them again", () -> window.sideViews().window(OrthogonalPlane.XZ).isShowing()
				&& window.sideViews().toggleBox().isSelected());
	}

	/** Whether both side views show the planes through the cursor. */
	private static boolean showsCursorPlanes(TomogramWindow window) {
		ViewCursor c = window.session().cursor();
		return window.sideViews().pane(OrthogonalPlane.XZ).shownIndex() == c.y()
				&& window.sideViews().pane(OrthogonalPlane.YZ).shownIndex() == c.x();
	}

	/** Whether the XY overlay draws the particle on the current slice in the selection colour. */
	private static boolean selectedInXy(TomogramSession session, long id) {
		ij.gui.Overlay overlay = session.image().getOverlay();
		java.awt.Color selection = new java.awt.Color(session.overlay().settings().selectionColorArgb(), true);
		if (overlay == null)
			return false;
		for (ij.gui.Roi roi : overlay.toArray())
			if (org.tomopick.ui.ParticleOverlayBuilder.idOf(roi) == id && roi.getPosition() == session.image()
					.getCurrentSlice() && selection.equals(roi.getStrokeColor()))
				return true;
		return false;
	}

	/** A position (x, z) on XZ plane y where no particle is drawn, nor 2 voxels around it. */
	private static int[] emptyInXz(TomogramSession session, PlaneCircles circles, int y) {
		var all = session.particles().snapshot();
		var settings = session.overlay().settings();
		for (int z = 8; z < 32; z++)
			for (int x = 10; x < 118; x++) {
				boolean free = true;
				for (int dx = -2; dx <= 2 && free; dx++)
					for (int dz = -2; dz <= 2 && free; dz++)
						free = circles.particleAt(all, settings, OrthogonalPlane.XZ, y, x + dx, z + dz).isEmpty();
				if (free)
					return new int[] { x, z };
			}
		throw new AssertionError("no empty spot on XZ plane " + y);
	}

	/** The screen point of a voxel (column, row) of a side view. */
	private static Point onScreen(PlanePane pane, double column, double row) {
		Point origin = pane.getLocationOnScreen();
		return new Point(origin.x + (int) Math.round(pane.viewport().screenX(column + 0.5)), origin.y
				+ (int) Math.round(pane.viewport().screenY(row + 0.5)));
	}

	private void click(Point at) {
		robot.mouseMove(at.x, at.y);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
		robot.waitForIdle();
	}

	private void rightClick(Point at) {
		robot.mouseMove(at.x, at.y);
		robot.mousePress(InputEvent.BUTTON3_DOWN_MASK);
		robot.mouseRelease(InputEvent.BUTTON3_DOWN_MASK);
		robot.waitForIdle();
	}

	private void drag(Point from, Point to) {
		robot.mouseMove(from.x, from.y);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		for (int i = 1; i <= 8; i++)
			robot.mouseMove(from.x + (to.x - from.x) * i / 8, from.y + (to.y - from.y) * i / 8);
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
		robot.waitForIdle();
	}

	private void ctrlShiftH() {
		robot.keyPress(KeyEvent.VK_CONTROL);
		robot.keyPress(KeyEvent.VK_SHIFT);
		key(KeyEvent.VK_H);
		robot.keyRelease(KeyEvent.VK_SHIFT);
		robot.keyRelease(KeyEvent.VK_CONTROL);
		robot.waitForIdle();
	}

	/** A pixel near (x, y) on the slice where no particle is drawn. */
	private static double[] emptySpot(TomogramSession session, int slice, double x, double y) {
		for (int r = 0; r < 60; r += 3)
			for (int dx = -r; dx <= r; dx += 3)
				for (int dy = -r; dy <= r; dy += 3) {
					double px = x + dx + 0.5, py = y + dy + 0.5;
					if (px > 4 && py > 4 && px < 124 && py < 124
							&& session.overlay().particleAt(px, py, slice).isEmpty()
							&& session.overlay().particleAt(px + 8, py, slice).isEmpty()
							&& session.overlay().particleAt(px + 16, py, slice).isEmpty())
						return new double[] { px, py };
				}
		throw new AssertionError("no empty spot near " + x + ", " + y);
	}

	private Point screenPoint(ImagePlus image, double px, double py) {
		ImageCanvas canvas = image.getCanvas();
		Point origin = canvas.getLocationOnScreen();
		return new Point(origin.x + canvas.screenXD(px), origin.y + canvas.screenYD(py));
	}

	private void click(ImagePlus image, double px, double py) {
		click(screenPoint(image, px, py));
	}

	private void drag(ImagePlus image, double x0, double y0, double x1, double y1) {
		drag(screenPoint(image, x0, y0), screenPoint(image, x1, y1));
	}

	private void key(int code) {
		robot.keyPress(code);
		robot.keyRelease(code);
		robot.waitForIdle();
	}

	private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + 10_000_000_000L;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end)
				throw new AssertionError("timed out waiting until " + what);
			Thread.sleep(50);
		}
	}

	private void screenshot(TomogramWindow window, String name) throws IOException {
		robot.waitForIdle();
		Rectangle area = window.getBounds().union(window.controls().getBounds());
		for (OrthogonalPlane plane : new OrthogonalPlane[] { OrthogonalPlane.XZ, OrthogonalPlane.YZ })
			if (window.sideViews().window(plane).isShowing())
				area = area.union(window.sideViews().window(plane).getBounds());
		BufferedImage shot = robot.createScreenCapture(area);
		String configured = System.getenv("TOMOPICK_SCREENSHOT_DIR");
		Path folder = Path.of(configured == null || configured.isBlank() ? "target/gui-screenshots" : configured);
		Files.createDirectories(folder);
		assertTrue(ImageIO.write(shot, "png", folder.resolve(name).toFile()), "PNG writer missing");
	}
}
