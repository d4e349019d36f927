package org.tomopick.ui;

import java.awt.Component;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;

import ij.IJ;
import ij.ImageJ;

/**
 * The keys of the particle editor on a TomoPick image window: 1-6 choose the class (and relabel the selection),
 * Delete or Backspace delete the selection, Ctrl+Z undoes, Ctrl+Y or Ctrl+Shift+Z redoes, Escape clears the
 * selection, and Ctrl+Shift+H (ImageJ's key for Orthogonal Views) switches the XZ and YZ side views on or off. It
 * takes ImageJ's key listener off the canvas and window and hands it every other key, so ImageJ's
 * shortcuts keep working (as TrackMate's editing view does).
 */
public final class ParticleKeyHandler implements KeyListener {

	private final ParticleEditActions actions;
	private final Runnable toggleSideViews;

	public ParticleKeyHandler(ParticleEditActions actions) {
		this(actions, null);
	}

	/** @param toggleSideViews what Ctrl+Shift+H does (null: the key goes to ImageJ) */
	public ParticleKeyHandler(ParticleEditActions actions, Runnable toggleSideViews) {
		this.actions = actions;
		this.toggleSideViews = toggleSideViews;
	}

	/** Installs the handler on the components in place of ImageJ's key listener. */
	public void install(Component... components) {
		ImageJ ij = IJ.getInstance();
		for (Component c : components) {
			if (ij != null)
				c.removeKeyListener(ij);
			c.addKeyListener(this);
		}
	}

	/** Handles a key press; returns whether it was an editor key. */
	public boolean handle(int keyCode, char keyChar, boolean control, boolean shift) {
		if (keyChar >= '1' && keyChar <= '9')
			return actions.chooseClass(keyChar - '0');
		if (keyCode >= KeyEvent.VK_NUMPAD1 && keyCode <= KeyEvent.VK_NUMPAD9)
			return actions.chooseClass(keyCode - KeyEvent.VK_NUMPAD0);
		switch (keyCode) {
		case KeyEvent.VK_DELETE, KeyEvent.VK_BACK_SPACE:
			actions.deleteSelection();
			return true;
		case KeyEvent.VK_Z:
			if (!control)
				return false;
			if (shift)
				actions.redo();
			else
				actions.undo();
			return true;
		case KeyEvent.VK_Y:
			if (!control)
				return false;
			actions.redo();
			return true;
		case KeyEvent.VK_H:
			if (!control || !shift || toggleSideViews == null)
				return false;
			toggleSideViews.run();
			return true;
		case KeyEvent.VK_ESCAPE:
			actions.selection().clear();
			return true;
		default:
			return false;
		}
	}

	@Override
	public void keyPressed(KeyEvent e) {
		boolean control = e.isControlDown() || e.isMetaDown();
		if (handle(e.getKeyCode(), e.getKeyChar(), control, e.isShiftDown()))
			e.consume();
		else if (IJ.getInstance() != null)
			IJ.getInstance().keyPressed(e);
	}

	@Override
	public void keyReleased(KeyEvent e) {
		if (IJ.getInstance() != null)
			IJ.getInstance().keyReleased(e);
	}

	@Override
	public void keyTyped(KeyEvent e) {
		if (IJ.getInstance() != null)
			IJ.getInstance().keyTyped(e);
	}
}
