package org.tomopick.ui;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleSet;
import org.tomopick.model.VoxelGeometry;

import ij.ImagePlus;

/**
 * One tomogram under review: its image, geometry and shown level, the particles with their selection, undo history
 * and edit actions, the overlay that draws them, the view cursor where the XY, XZ and YZ views cross (it follows the
 * selected particle), and (when known) the CoPick run its picks belong to. The session is stored in the image's
 * properties, so that commands that take an image (import, export, picking) find its particles with
 * {@link #of(ImagePlus)}. Works headless; {@link TomogramWindow} adds the GUI.
 */
public final class TomogramSession {

	/** Key of the session in {@link ImagePlus#getProperty(String)}. */
	public static final String IMAGE_PROPERTY = "org.tomopick.session";

	private final ImagePlus image;
	private final VoxelGeometry geometry;
	private final int level;
	private final ParticleCatalog catalog;
	private final ParticleSet particles = new ParticleSet();
	private final ParticleSelection selection = ParticleSelection.following(particles);
	private final UndoHistory history = UndoHistory.of(particles);
	private final ParticleEditActions actions;
	private final ParticleOverlayView overlay;
	private final UnsavedEditsTracker unsaved;
	private final CopickRunRef copickRun;
	private final ViewCursor cursor;

	private TomogramSession(ImagePlus image, VoxelGeometry geometry, int level, ParticleCatalog catalog,
			CopickRunRef copickRun) {
		this.image = Objects.requireNonNull(image, "image");
		this.geometry = Objects.requireNonNull(geometry, "geometry");
		this.level = level;
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		this.copickRun = copickRun;
		this.actions = new ParticleEditActions(particles, catalog, selection, history);
		this.overlay = new ParticleOverlayView(image, particles, selection, geometry, level).attach();
		this.unsaved = UnsavedEditsTracker.of(particles);
		this.cursor = new ViewCursor(new int[] { image.getStackSize(), image.getHeight(), image.getWidth() });
		cursor.moveZ(image.getCurrentSlice() - 1);
		SelectionFollower.attach(particles, selection, cursor, new PlaneCircles(geometry, level));
	}

	/**
	 * Starts a session on an image and stores it in the image's properties.
	 *
	 * @param copickRun the CoPick run the tomogram belongs to, or null
	 */
	public static TomogramSession start(ImagePlus image, VoxelGeometry geometry, int level, ParticleCatalog catalog,
			CopickRunRef copickRun) {
		TomogramSession session = new TomogramSession(image, geometry, level, catalog, copickRun);
		image.setProperty(IMAGE_PROPERTY, session);
		return session;
	}

	/** The session of an image, if it has one. */
	public static Optional<TomogramSession> of(ImagePlus image) {
		if (image == null)
			return Optional.empty();
		Object s = image.getProperty(IMAGE_PROPERTY);
		return s instanceof TomogramSession session ? Optional.of(session) : Optional.empty();
	}

	/** Like {@link #of} but fails with a message saying what to do. */
	public static TomogramSession require(ImagePlus image) {
		if (image == null)
			throw new IllegalArgumentException("no image is open: open a tomogram with TomoPick > Open Tomogram");
		return of(image).orElseThrow(() -> new IllegalArgumentException("image '" + image.getTitle()
				+ "' was not opened by TomoPick > Open Tomogram, so it has no particles"));
	}

	/**
	 * Adds particles read from a file in one update, as the saved state: not counted as unsaved edits, and not
	 * undoable (the history is cleared).
	 *
	 * @param replace whether to remove the current particles first
	 */
	public void load(Collection<Particle> loaded, boolean replace) {
		particles.beginUpdate();
		try {
			if (replace)
				particles.clear();
			particles.addAll(loaded);
		} finally {
			particles.endUpdate();
		}
		history.clear();
		unsaved.markSaved();
	}

	public ImagePlus image() {
		return image;
	}

	public VoxelGeometry geometry() {
		return geometry;
	}

	public int level() {
		return level;
	}

	public ParticleCatalog catalog() {
		return catalog;
	}

	public ParticleSet particles() {
		return particles;
	}

	public ParticleSelection selection() {
		return selection;
	}

	public UndoHistory history() {
		return history;
	}

	public ParticleEditActions actions() {
		return actions;
	}

	/**
	 * What a click of the particle tool does, in any plane: on a particle, Shift toggles it in the selection, else it
	 * is selected (and may be dragged: its id is returned); on empty space, Shift clears the selection, else a
	 * particle is added at {@code angstrom} (x, y, z). Returns the id to drag, or -1.
	 */
	public long click(java.util.OptionalLong hit, boolean shiftDown, double[] angstrom) {
		if (hit.isPresent()) {
			long id = hit.getAsLong();
			if (shiftDown) {
				selection().toggle(id);
				return -1;
			}
			if (!selection().contains(id))
				selection().select(id);
			return id;
		}
		if (shiftDown)
			selection().clear();
		else
			actions().add(angstrom[0], angstrom[1], angstrom[2]);
		return -1;
	}

	public ParticleOverlayView overlay() {
		return overlay;
	}

	/** Where the XY, XZ and YZ views cross (voxels of the shown level); it follows the selected particle. */
	public ViewCursor cursor() {
		return cursor;
	}

	public UnsavedEditsTracker unsaved() {
		return unsaved;
	}

	/** The CoPick run of the tomogram, when it was opened from a CoPick project (or one was chosen later). */
	public Optional<CopickRunRef> copickRun() {
		return Optional.ofNullable(copickRun);
	}
}
