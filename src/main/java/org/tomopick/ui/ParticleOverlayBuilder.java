package org.tomopick.ui;

import java.awt.Color;
import java.util.Map;

import org.tomopick.io.OrthogonalPlane;
import org.tomopick.model.Particle;
import org.tomopick.model.VoxelGeometry;

import ij.gui.OvalRoi;
import ij.gui.Overlay;

/**
 * Draws particles as ImageJ 1.x overlay circles: a particle of radius r (its class radius) centred at depth zc
 * crosses every slice z with |z - zc| &lt; r (in Angstrom), where it is a circle of radius sqrt(r^2 - (z - zc)^2),
 * the cut of its sphere by the slice (as {@link PlaneCircles} computes it for every plane). Each circle is an
 * {@link OvalRoi} bound to its slice (stack position), in the class colour, or thicker in the selection colour when
 * the particle is selected; on the slice nearest to the centre a filled dot marks the centre. Pure: builds a new
 * overlay from a snapshot, never looks at a window.
 */
public final class ParticleOverlayBuilder {

	/** The name given to every circle of a particle: this prefix and the particle id. */
	public static final String ROI_NAME_PREFIX = "particle-";
	/** Radius in screen pixels of the dot that marks a particle's centre on its centre slice. */
	public static final double CENTRE_DOT_RADIUS = 1.5;

	private final VoxelGeometry geometry;
	private final int level;
	private final int slices;
	private final PlaneCircles circles;

	/**
	 * @param geometry where voxels are in Angstrom
	 * @param level    the pyramid level shown (overlay coordinates are pixels of that level)
	 * @param slices   number of z slices of the image
	 */
	public ParticleOverlayBuilder(VoxelGeometry geometry, int level, int slices) {
		this.geometry = geometry;
		this.level = level;
		this.slices = slices;
		this.circles = new PlaneCircles(geometry, level);
	}

	/** All circles of the visible particles on every slice they cross. */
	public Overlay build(Map<Long, Particle> particles, ParticleDisplaySettings settings,
			java.util.Set<Long> selected) {
		Overlay overlay = new Overlay();
		particles.forEach((id, p) -> {
			if (settings.shows(p))
				addCircles(overlay, id, p, settings, selected.contains(id));
		});
		return overlay;
	}

	private void addCircles(Overlay overlay, long id, Particle p, ParticleDisplaySettings settings, boolean selected) {
		double r = p.type().radiusAngstrom();
		int zFirst = (int) Math.ceil(geometry.voxelZ(level, p.z() - r));
		int zLast = (int) Math.floor(geometry.voxelZ(level, p.z() + r));
		Color color = selected ? new Color(settings.selectionColorArgb(), true) : colorOf(p);
		double width = selected ? settings.selectedLineWidth() : settings.lineWidth();
		for (int z = Math.max(0, zFirst); z <= Math.min(slices - 1, zLast); z++) {
			PlaneCircles.Circle c = circles.cut(id, p, OrthogonalPlane.XY, z).orElse(null);
			if (c == null)
				continue;
			double cx = c.column(), cy = c.row(), rx = c.columnRadius(), ry = c.rowRadius();
			// OvalRoi bounds are pixel edges; pixel i covers [i, i+1), so the centre of voxel c is at c + 0.5
			OvalRoi circle = new OvalRoi(cx + 0.5 - rx, cy + 0.5 - ry, 2 * rx, 2 * ry);
			circle.setStrokeColor(color);
			circle.setStrokeWidth(width);
			circle.setName(ROI_NAME_PREFIX + id);
			circle.setPosition(z + 1);
			overlay.add(circle);
			if (c.throughCentre())
				overlay.add(centreDot(id, cx, cy, color, z));
		}
	}

	/** A filled dot of 3 pixels marking the centre on the particle's own slice. */
	private static OvalRoi centreDot(long id, double cx, double cy, Color color, int z) {
		OvalRoi dot = new OvalRoi(cx + 0.5 - CENTRE_DOT_RADIUS, cy + 0.5 - CENTRE_DOT_RADIUS, 2 * CENTRE_DOT_RADIUS,
				2 * CENTRE_DOT_RADIUS);
		dot.setFillColor(color);
		dot.setName(ROI_NAME_PREFIX + id);
		dot.setPosition(z + 1);
		return dot;
	}

	/** The class colour, fully opaque (CoPick colours carry alpha 128 for 3D rendering; lines need it opaque). */
	public static Color colorOf(Particle p) {
		var c = p.type().color();
		return new Color(c.red(), c.green(), c.blue());
	}

	/** The particle id named by a circle, or -1 for a ROI that is not a particle circle. */
	public static long idOf(ij.gui.Roi roi) {
		String name = roi.getName();
		if (name == null || !name.startsWith(ROI_NAME_PREFIX))
			return -1;
		return Long.parseLong(name.substring(ROI_NAME_PREFIX.length()));
	}
}
