package org.tomopick.ui;

import java.awt.Point;
import java.awt.Rectangle;
import java.nio.file.Path;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.tomopick.io.OrthogonalPlane;
import org.tomopick.io.copick.CopickPicksWriter;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.StackWindow;
import ij.gui.YesNoCancelDialog;

/**
 * The review GUI of a {@link TomogramSession}: the tomogram in an ImageJ stack window with the particle overlay and
 * the edit tool, the XZ and YZ views ({@link SideViews}) below and right of it, a {@link ParticleReviewPanel} beside
 * them, a title that ends in {@value #UNSAVED_MARK} while there are unsaved edits, a question on close when edits
 * are unsaved, and a background autosave of the picks (CoPick, atomic) into the tomogram's CoPick run, or into
 * {@code <tomogram>.tomopick/} beside a plain file.
 */
public final class TomogramWindow extends StackWindow {

	private static final long serialVersionUID = 1L;
	/** Appended to the image title while there are unsaved edits. */
	public static final String UNSAVED_MARK = " *";

	private final transient TomogramSession session;
	private final transient PicksAutosaver autosaver;
	/** Where Save on close writes: the run the tomogram came from, or a CoPick folder beside its file. */
	private final transient CopickRunRef saveTarget;
	private final JFrame controls;
	private final transient SideViews sideViews;
	private final String baseTitle;

	private TomogramWindow(TomogramSession session, PicksAutosaver.Settings autosave) {
		super(session.image(), new TomogramCanvas(session.image()));
		this.session = session;
		this.baseTitle = session.image().getTitle();
		sideViews = new SideViews(session, this, (TomogramCanvas) getCanvas());
		ParticleKeyHandler keys = new ParticleKeyHandler(session.actions(), sideViews::toggle);
		keys.install(this, getCanvas());
		sideViews.installKeys(keys);
		ParticleReviewPanel panel = new ParticleReviewPanel(session);
		panel.addViewOption(sideViews.toggleBox());
		controls = new JFrame("TomoPick review: " + baseTitle);
		controls.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
		controls.setContentPane(panel);
		// wide enough for its content, and never taller than the screen (it must fit a 1600x1000 screen)
		Rectangle screen = screenArea();
		controls.setSize(Math.max(430, Math.min(640, panel.getPreferredSize().width)),
				Math.min(screen.height, Math.max(520, getHeight())));
		sideViews.onLayoutChange(this::placeWindows);
		openSideViewsIfTheyFit(screen);
		addComponentListener(new java.awt.event.ComponentAdapter() {
			@Override
			public void componentResized(java.awt.event.ComponentEvent e) {
				keepRoomRight(screenArea());
				placeWindows();
			}

			@Override
			public void componentMoved(java.awt.event.ComponentEvent e) {
				placeWindows();
			}
		});
		controls.setVisible(true);
		session.unsaved().addListener(unsaved -> SwingUtilities.invokeLater(this::updateTitle));
		saveTarget = session.copickRun().orElseGet(() -> besideFile(session));
		// autosaves never go into the project the tomogram came from (often somebody's ground truth)
		CopickRunRef autosaveTarget = session.copickRun().map(TomogramWindow::inAutosaveFolder).orElse(saveTarget);
		autosaver = new PicksAutosaver(session, autosaveTarget, autosave, e -> IJ.log("TomoPick autosave failed: "
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

	/** The session that Save on close writes: the reviewed picks, beside (never over) the picker's own session 0. */
	public static final String REVIEWED_SESSION = "reviewed";

	/**
	 * Where the autosaves of a CoPick run go: {@code ~/.tomopick/autosave/<project folder>-<hash of its path>/}
	 * (a CoPick project of its own; system property {@code tomopick.autosave.dir} moves the base folder).
	 */
	static CopickRunRef inAutosaveFolder(CopickRunRef run) {
		Path base = Path.of(System.getProperty("tomopick.autosave.dir",
				Path.of(System.getProperty("user.home"), ".tomopick", "autosave").toString()));
		Path root = run.root().toAbsolutePath().normalize();
		String name = root.getFileName() == null ? "project" : root.getFileName().toString();
		String hash = org.tomopick.io.Sha256.of(root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
				.substring(0, 8);
		return new CopickRunRef(base.resolve(name + "-" + hash), run.run(), run.voxelSpacing());
	}

	private static CopickRunRef besideFile(TomogramSession session) {
		String title = session.image().getTitle();
		String run = title.replaceAll("\\.(zarr|mrc|rec|map)$", "").replaceAll("[\\s/\\\\]", "-");
		Path dir = session.image().getOriginalFileInfo() != null && session.image().getOriginalFileInfo().directory
				!= null ? Path.of(session.image().getOriginalFileInfo().directory) : Path.of(IJ.getDirectory("temp"));
		return new CopickRunRef(dir.resolve(run + ".tomopick"), run.isBlank() ? "run" : run,
				session.geometry().voxelSpacing());
	}

	/**
	 * Opens the XZ and YZ views when the screen has room for them beside the XY window and the controls (moving the
	 * XY window left if that makes room), else leaves them off.
	 */
	private void openSideViewsIfTheyFit(Rectangle screen) {
		if (!isShowing()) {
			sideViews.setShown(false);
			return;
		}
		keepRoomRight(screen, true);
		ReviewLayout layout = layout(screen, true);
		sideViews.setShown(layout != null && layout.sideViewsFit());
	}

	/** Moves the XY window left when what goes right of it (the YZ view, the controls) would leave the screen. */
	private void keepRoomRight(Rectangle screen) {
		keepRoomRight(screen, sideViews.isShown());
	}

	private void keepRoomRight(Rectangle screen, boolean withSideViews) {
		int right = ReviewLayout.widthRightOf(sideViews.wantedDepth(OrthogonalPlane.YZ),
				sideViews.frameInsets(OrthogonalPlane.YZ), controls.getWidth(), withSideViews);
		Point to = ReviewLayout.xyWindowToFit(screen, getBounds(), right);
		if (!to.equals(getLocation()))
			setLocation(to);
	}

	/**
	 * Keeps the side views and the controls in place around the XY window: YZ right of it, XZ below it, the controls
	 * right of both (when the XY window grows with zooming it first moves left if the screen needs it).
	 */
	private void placeWindows() {
		ReviewLayout layout = layout(screenArea(), sideViews.isShown());
		if (layout == null)
			return;
		if (sideViews.isShown())
			sideViews.place(layout);
		controls.setLocation(layout.controls());
	}

	private ReviewLayout layout(Rectangle screen, boolean withSideViews) {
		if (!isShowing() || !getCanvas().isShowing())
			return null;
		Rectangle canvas = new Rectangle(getCanvas().getLocationOnScreen(), getCanvas().getSize());
		return ReviewLayout.around(screen, getBounds(), canvas, sideViews.wantedDepth(OrthogonalPlane.YZ),
				sideViews.wantedDepth(OrthogonalPlane.XZ), sideViews.frameInsets(OrthogonalPlane.YZ),
				sideViews.frameInsets(OrthogonalPlane.XZ), controls.getWidth(), withSideViews);
	}

	/** The usable screen area (without task bars); 1600 x 1000 when there is no screen. */
	private static Rectangle screenArea() {
		if (java.awt.GraphicsEnvironment.isHeadless())
			return new Rectangle(0, 0, 1600, 1000);
		return java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
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

	/** The XZ and YZ views beside this window. */
	public SideViews sideViews() {
		return sideViews;
	}

	public PicksAutosaver autosaver() {
		return autosaver;
	}

	/**
	 * Asks before closing with unsaved edits: Yes writes the picks into the tomogram's CoPick run (user tomopick,
	 * session {@value #REVIEWED_SESSION}, beside the picker's own session 0, never over it), No discards them, Cancel
	 * keeps the window open.
	 */
	@Override
	public boolean close() {
		if (session.unsaved().hasUnsavedEdits() && !IJ.isMacro()) {
			YesNoCancelDialog ask = new YesNoCancelDialog(this, "TomoPick", "Save the edited picks of "
					+ baseTitle + " (as user tomopick, session " + REVIEWED_SESSION + ") before closing?");
			if (ask.cancelPressed())
				return false;
			if (ask.yesPressed())
				saveEditsToRun();
		}
		autosaver.close();
		sideViews.close();
		controls.dispose();
		return super.close();
	}

	/**
	 * What Yes on close does: the session's particles, as user tomopick, session {@value #REVIEWED_SESSION}, into the
	 * tomogram's CoPick run (or a project beside a plain file).
	 *
	 * @return the files written
	 */
	public java.util.List<java.nio.file.Path> saveEditsToRun() {
		java.util.List<java.nio.file.Path> files = CopickPicksWriter.writeRun(saveTarget.project(), saveTarget.run(), "tomopick", REVIEWED_SESSION,
				saveTarget.voxelSpacing(), session.particles().snapshot().values(), session.catalog());
		session.unsaved().markSaved();
		return files;
	}

	/** The image of this window. */
	public ImagePlus image() {
		return session.image();
	}
}
