package org.tomopick.ui;

import java.util.Objects;
import java.util.OptionalLong;

import org.tomopick.io.OrthogonalPlane;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleSet;
import org.tomopick.model.ParticleSetChange;
import org.tomopick.model.ParticleSetListener;
import org.tomopick.model.VoxelGeometry;

import ij.ImagePlus;

/**
 * Shows a {@link ParticleSet} on an ImageJ 1.x image as coloured circles (see {@link ParticleOverlayBuilder}), in
 * the manner of TrackMate's HyperStackDisplayer: it only listens. Every change of the set, of the selection or of
 * the display settings redraws the overlay from a snapshot of the set; nothing edits the overlay itself. The XZ and
 * YZ views ({@link SideViews}) listen to the same set and selection beside it, with the same circles
 * ({@link PlaneCircles}) and these display settings.
 */
public final class ParticleOverlayView implements ParticleSetListener, ParticleSelection.Listener {

	private final ImagePlus image;
	private final ParticleSet particles;
	private final ParticleSelection selection;
	private final VoxelGeometry geometry;
	private final int level;
	private final ParticleOverlayBuilder builder;
	private volatile ParticleDisplaySettings settings = ParticleDisplaySettings.defaults();
	private boolean attached;

	/**
	 * @param level the pyramid level the image shows
	 */
	public ParticleOverlayView(ImagePlus image, ParticleSet particles, ParticleSelection selection,
			VoxelGeometry geometry, int level) {
		this.image = Objects.requireNonNull(image, "image");
		this.particles = Objects.requireNonNull(particles, "particles");
		this.selection = Objects.requireNonNull(selection, "selection");
		this.geometry = Objects.requireNonNull(geometry, "geometry");
		this.level = level;
		this.builder = new ParticleOverlayBuilder(geometry, level, image.getStackSize());
	}

	/** Starts listening and draws the particles. */
	public ParticleOverlayView attach() {
		if (!attached) {
			particles.addListener(this);
			selection.addListener(this);
			attached = true;
		}
		render();
		return this;
	}

	/** Stops listening and removes the circles. */
	public void detach() {
		particles.removeListener(this);
		selection.removeListener(this);
		attached = false;
		image.setOverlay(null);
	}

	public ParticleDisplaySettings settings() {
		return settings;
	}

	/** New display settings (class visibility, score threshold); redraws at once. */
	public void setSettings(ParticleDisplaySettings newSettings) {
		settings = newSettings.validate();
		render();
	}

	@Override
	public void particleSetChanged(ParticleSetChange change) {
		render();
	}

	@Override
	public void selectionChanged(ParticleSelection s) {
		render();
	}

	/** Rebuilds the overlay from the current state. */
	public void render() {
		image.setOverlay(builder.build(particles.snapshot(), settings, selection.ids()));
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

	/**
	 * The visible particle whose circle on a slice contains an image position (pixel coordinates of the shown level,
	 * slice 1-based); the one with the nearest centre if circles overlap.
	 */
	public OptionalLong particleAt(double pixelX, double pixelY, int slice) {
		return new PlaneCircles(geometry, level).particleAt(particles.snapshot(), settings, OrthogonalPlane.XY,
				slice - 1, pixelX - 0.5, pixelY - 0.5);
	}

	/** The slice (1-based) on which a particle's centre lies, clamped to the stack. */
	public int sliceOf(Particle p) {
		int z = (int) Math.round(geometry.voxelZ(level, p.z()));
		return Math.max(1, Math.min(image.getStackSize(), z + 1));
	}
}
