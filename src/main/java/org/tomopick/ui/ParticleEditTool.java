package org.tomopick.ui;

import java.awt.event.MouseEvent;
import java.util.OptionalLong;

import org.tomopick.model.Particle;
import org.tomopick.model.VoxelGeometry;

import ij.ImagePlus;
import ij.gui.ImageCanvas;
import ij.gui.Toolbar;
import ij.plugin.tool.PlugInTool;

/**
 * The ImageJ 1.x toolbar tool of the particle editor. On an image with a {@link TomogramSession}: a click on empty
 * space adds a particle of the active class at the clicked position on the shown slice; a click on a particle
 * selects it (Shift-click adds it to the selection or removes it); dragging a particle moves it (one undoable edit
 * per drag). Only translates mouse events into {@link ParticleEditActions}; keys are handled by
 * {@link ParticleKeyHandler}. One tool serves every TomoPick image.
 */
public final class ParticleEditTool extends PlugInTool {

	public static final String NAME = "TomoPick particle editor";

	private long dragged = -1;
	private boolean dragging;

	/** Puts the tool into ImageJ's toolbar and selects it (once; later calls only select it again). */
	public static void install() {
		Toolbar toolbar = Toolbar.getInstance();
		if (toolbar == null)
			return;
		if (toolbar.getPlugInTool() instanceof ParticleEditTool)
			return;
		Toolbar.addPlugInTool(new ParticleEditTool());
	}

	@Override
	public String getToolName() {
		return NAME + " (click: add, drag: move, Del: delete, 1-6: class, Ctrl+Z/Y: undo/redo)";
	}

	@Override
	public String getToolIcon() {
		return "C00fO11cc";
	}

	@Override
	public void mousePressed(ImagePlus imp, MouseEvent e) {
		TomogramSession session = TomogramSession.of(imp).orElse(null);
		if (session == null)
			return;
		double[] pixel = pixelOf(imp, e);
		int slice = imp.getCurrentSlice();
		OptionalLong hit = session.overlay().particleAt(pixel[0], pixel[1], slice);
		dragging = false;
		dragged = session.click(hit, e.isShiftDown(), angstromOf(session, pixel, slice));
		e.consume();
	}

	@Override
	public void mouseDragged(ImagePlus imp, MouseEvent e) {
		TomogramSession session = TomogramSession.of(imp).orElse(null);
		if (session == null || dragged < 0 || !session.particles().contains(dragged))
			return;
		if (!dragging) {
			session.actions().beginDrag();
			dragging = true;
		}
		Particle p = session.particles().get(dragged);
		double[] a = angstromOf(session, pixelOf(imp, e), imp.getCurrentSlice());
		session.actions().move(dragged, a[0], a[1], p.z());
		e.consume();
	}

	@Override
	public void mouseReleased(ImagePlus imp, MouseEvent e) {
		TomogramSession session = TomogramSession.of(imp).orElse(null);
		if (session != null && dragging)
			session.actions().endDrag();
		dragging = false;
		dragged = -1;
		e.consume();
	}

	private static double[] pixelOf(ImagePlus imp, MouseEvent e) {
		ImageCanvas canvas = imp.getCanvas();
		return new double[] { canvas.offScreenXD(e.getX()), canvas.offScreenYD(e.getY()) };
	}

	/** Angstrom position of an image position (pixel i spans [i, i+1), its voxel centre is at i + 0.5). */
	static double[] angstromOf(TomogramSession session, double[] pixel, int slice) {
		VoxelGeometry g = session.geometry();
		int level = session.level();
		return new double[] { g.angstromX(level, pixel[0] - 0.5), g.angstromY(level, pixel[1] - 0.5),
				g.angstromZ(level, slice - 1) };
	}
}
