package org.tomopick.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.tomopick.io.OrthogonalPlane;
import org.tomopick.model.Particle;
import org.tomopick.model.VoxelGeometry;

/**
 * Where particles show on a plane of the review: a particle is a sphere of its class radius r, so a plane at
 * distance d from its centre (d &lt; r, in Angstrom) cuts it in a circle of radius sqrt(r^2 - d^2). One place for this
 * geometry, for the XY overlay ({@link ParticleOverlayBuilder}) and for the XZ and YZ views alike: positions are in
 * voxels of the shown level (voxel centres at whole numbers, as {@link VoxelGeometry} counts), radii in voxels along
 * the plane's columns and rows (they differ when voxels are not cubes). Headless.
 */
public final class PlaneCircles {

	/**
	 * The cut of one particle by one plane.
	 *
	 * @param column        centre, along the plane's columns (voxels)
	 * @param row           centre, along the plane's rows (voxels)
	 * @param columnRadius  radius along the columns (voxels)
	 * @param rowRadius     radius along the rows (voxels)
	 * @param throughCentre whether this plane is the one nearest to the particle's centre
	 */
	public record Circle(long id, Particle particle, double column, double row, double columnRadius,
			double rowRadius, boolean throughCentre) {
	}

	private final VoxelGeometry geometry;
	private final int level;

	public PlaneCircles(VoxelGeometry geometry, int level) {
		this.geometry = geometry;
		this.level = level;
	}

	/** The radius of the cut of a sphere of radius r by a plane at distance d from its centre; NaN if none. */
	public static double radiusInPlane(double r, double d) {
		double r2 = r * r - d * d;
		return r2 > 0 ? Math.sqrt(r2) : Double.NaN;
	}

	/** The circle of a particle on plane {@code index}, or empty when the plane misses its sphere. */
	public Optional<Circle> cut(long id, Particle p, OrthogonalPlane plane, int index) {
		double[] voxel = geometry.voxelSize(level);
		int n = plane.normalAxis(), a = plane.columnAxis(), b = plane.rowAxis();
		double r = radiusInPlane(p.type().radiusAngstrom(), angstrom(n, index) - angstromOf(p, n));
		if (Double.isNaN(r))
			return Optional.empty();
		double centre = voxelOf(p, n);
		return Optional.of(new Circle(id, p, voxelOf(p, a), voxelOf(p, b), r / voxel[a], r / voxel[b],
				Math.round(centre) == index));
	}

	/** The circles, on plane {@code index}, of the particles the settings show. */
	public List<Circle> inPlane(Map<Long, Particle> particles, ParticleDisplaySettings settings,
			OrthogonalPlane plane, int index) {
		List<Circle> circles = new ArrayList<>();
		particles.forEach((id, p) -> {
			if (settings.shows(p))
				cut(id, p, plane, index).ifPresent(circles::add);
		});
		return circles;
	}

	/**
	 * The shown particle whose circle on plane {@code index} contains a position (column, row in voxels), the one
	 * with the nearest centre if circles overlap. Tiny cuts are hit within one voxel of their centre.
	 */
	public OptionalLong particleAt(Map<Long, Particle> particles, ParticleDisplaySettings settings,
			OrthogonalPlane plane, int index, double column, double row) {
		double[] voxel = geometry.voxelSize(level);
		int n = plane.normalAxis(), a = plane.columnAxis(), b = plane.rowAxis();
		double atA = angstrom(a, column), atB = angstrom(b, row), planeAt = angstrom(n, index);
		double tolerance = Math.max(voxel[a], voxel[b]);
		long best = -1;
		double bestDistance = Double.POSITIVE_INFINITY;
		for (Map.Entry<Long, Particle> e : particles.entrySet()) {
			Particle p = e.getValue();
			if (!settings.shows(p))
				continue;
			double r = radiusInPlane(p.type().radiusAngstrom(), planeAt - angstromOf(p, n));
			if (Double.isNaN(r))
				continue;
			double d = Math.hypot(atA - angstromOf(p, a), atB - angstromOf(p, b));
			if (d <= Math.max(r, tolerance) && d < bestDistance) {
				bestDistance = d;
				best = e.getKey();
			}
		}
		return best < 0 ? OptionalLong.empty() : OptionalLong.of(best);
	}

	/** A particle's position along a (z, y, x) axis, in voxels of the level. */
	public double voxelOf(Particle p, int axis) {
		return switch (axis) {
		case OrthogonalPlane.Z -> geometry.voxelZ(level, p.z());
		case OrthogonalPlane.Y -> geometry.voxelY(level, p.y());
		default -> geometry.voxelX(level, p.x());
		};
	}

	/** The Angstrom position of a voxel coordinate along a (z, y, x) axis. */
	public double angstrom(int axis, double voxel) {
		return switch (axis) {
		case OrthogonalPlane.Z -> geometry.angstromZ(level, voxel);
		case OrthogonalPlane.Y -> geometry.angstromY(level, voxel);
		default -> geometry.angstromX(level, voxel);
		};
	}

	private static double angstromOf(Particle p, int axis) {
		return switch (axis) {
		case OrthogonalPlane.Z -> p.z();
		case OrthogonalPlane.Y -> p.y();
		default -> p.x();
		};
	}
}
