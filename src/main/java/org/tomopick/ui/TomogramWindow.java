package org.tomopick.ui;

import java.awt.Point;
import java.nio.file.Path;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.tomopick.io.copick.CopickPicksWriter;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.StackWindow;
import ij.gui.YesNoCancelDialog;

/**
 * The review GUI of a {@link TomogramSession}: the tomogram in an ImageJ stack window with the particle overlay and
 * the edit tool, a {@link ParticleReviewPanel} beside it, a title that ends in {@value #UNSAVED_MARK} while there
 * are unsaved edits, a question on close when edits are unsaved, and a background autosave of the picks (CoPick,
 * atomic) into the tomogram's CoPick run, or into {@code <tomogram>.tomopick/} beside a plain file.
 */
public final class TomogramWindow extends StackWindow {

	private static final long serialVersionUID = 1L;
	/** Appended to the image title while there are unsaved edits. */
	public static final String UNSAVED_MARK = " *";

	private final transient TomogramSession session;
	private final transient PicksAutosaver autosaver;
	private final JFrame controls;
	private final String baseTitle;

	private TomogramWindow(TomogramSession session, PicksAutosaver.Settings autosave) {
		super(session.image());
		this.session = session;
		this.baseTitle = session.image().getTitle();
		ParticleKeyHandler keys = new ParticleKeyHandler(session.actions());
		keys.install(this, getCanvas());
		ParticleReviewPanel panel = new ParticleReviewPanel(session);
		controls = new JFrame("TomoPick review: " + baseTitle);
		controls.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
		controls.setContentPane(panel);
		controls.setSize(430, Math.max(520, getHeight()));
		placeControls();
		addComponentListener(new java.awt.event.ComponentAdapter() {
			@Override
			public void componentResized(java.awt.event.ComponentEvent e) {
				placeControls();
			}

			@Override
			public void componentMoved(java.awt.event.ComponentEvent e) {
				placeControls();
			}
		});
		controls.setVisible(true);
		session.unsaved().addListener(unsaved -> SwingUtilities.invokeLater(this::updateTitle));
		CopickRunRef target = session.copickRun().orElseGet(() -> besideFile(session));
		autosaver = new PicksAutosaver(session, target, autosave, e -> IJ.log("TomoPick autosave failed: "
				+ e.getMessage())).start();
		ParticleEditTool.install();
		toFront();
	}

	/** Shows the session in a new window with the default autosave (every 30 s, user tomopick, session autosave). */
	public static TomogramWindow show(TomogramSession session) {
		return show(session, PicksAutosaver.Settings.defaults());
	}

	public static TomogramWindow show(TomogramSession session, PicksAutosaver.Settings autosave) {
		if (IJ.getInstance() == null && !java.awt.GraphicsEnvironment.isHeadless())
			IJ.log("TomoPick: ImageJ's main window is not open; the toolbar tool is not available");
		return new TomogramWindow(session, autosave);
	}

	private static CopickRunRef besideFile(TomogramSession session) {
		String title = session.image().getTitle();
		String run = title.replaceAll("\\.(zarr|mrc|rec|map)$", "").replaceAll("[\\s/\\\\]", "-");
		Path dir = session.image().getOriginalFileInfo() != null && session.image().getOriginalFileInfo().directory
				!= null ? Path.of(session.image().getOriginalFileInfo().directory) : Path.of(IJ.getDirectory("temp"));
		return new CopickRunRef(dir.resolve(run + ".tomopick"), run.isBlank() ? "run" : run,
				session.geometry().voxelSpacing());
	}

	/** Keeps the controls just right of the image window (it grows when zooming). */
	private void placeControls() {
		Point at = getLocation();
		controls.setLocation(at.x + getWidth() + 8, at.y);
	}

	private void updateTitle() {
		session.image().setTitle(baseTitle + (session.unsaved().hasUnsavedEdits() ? UNSAVED_MARK : ""));
	}

	public TomogramSession session() {
		return session;
	}

	public ParticleReviewPanel panel() {
		return (ParticleReviewPanel) controls.getContentPane();
	}

	public JFrame controls() {
		return controls;
	}

	public PicksAutosaver autosaver() {
		return autosaver;
	}

	/**
	 * Asks before closing with unsaved edits: Yes writes the picks into the tomogram's CoPick run (user tomopick,
	 * session 0), No discards them, Cancel keeps the window open.
	 */
	@Override
	public boolean close() {
		if (session.unsaved().hasUnsavedEdits() && !IJ.isMacro()) {
			YesNoCancelDialog ask = new YesNoCancelDialog(this, "TomoPick", "Save the edited picks of "
					+ baseTitle + " before closing?");
			if (ask.cancelPressed())
				return false;
			if (ask.yesPressed())
				saveToRun();
		}
		autosaver.close();
		controls.dispose();
		return super.close();
	}

	private void saveToRun() {
		CopickRunRef target = autosaver.target();
		CopickPicksWriter.writeRun(target.project(), target.run(), "tomopick", "0", target.voxelSpacing(),
				session.particles().snapshot().values(), session.catalog());
		session.unsaved().markSaved();
	}

	/** The image of this window. */
	public ImagePlus image() {
		return session.image();
	}
}
