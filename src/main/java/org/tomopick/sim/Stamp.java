package org.tomopick.sim;

/**
 * Something added into the potential volume over a bounded region: a rotated particle map (optionally missing a
 * cap), a gaussian blob, or a piece of look-alike clutter (a lipid bilayer shell, a dense ball, a plate).
 * Painting is split by z-slice so that slices can be filled in parallel, each slice adding its stamps in a fixed
 * order (results do not depend on threads).
 */
abstract class Stamp {

	/** Centre in voxel coordinates (x, y, z). */
	final double px, py, pz;
	/** Radius (voxels) outside which the stamp adds nothing. */
	final double reach;

	Stamp(double px, double py, double pz, double reach) {
		this.px = px;
		this.py = py;
		this.pz = pz;
		this.reach = reach;
	}

	boolean touchesSlice(int z) {
		return Math.abs(z - pz) <= reach;
	}

	/** Adds this stamp's values in slice z of a volume of ny x nx voxels per slice (slice storage at offset). */
	final void paintSlice(float[] volume, int z, int ny, int nx) {
		double dz = z - pz;
		double r2 = reach * reach - dz * dz;
		if (r2 < 0)
			return;
		double ry = Math.sqrt(r2);
		int y0 = Math.max(0, (int) Math.ceil(py - ry)), y1 = Math.min(ny - 1, (int) Math.floor(py + ry));
		for (int y = y0; y <= y1; y++) {
			double dy = y - py;
			double rx2 = r2 - dy * dy;
			if (rx2 < 0)
				continue;
			double rx = Math.sqrt(rx2);
			int x0 = Math.max(0, (int) Math.ceil(px - rx)), x1 = Math.min(nx - 1, (int) Math.floor(px + rx));
			if (x0 <= x1)
				paintRow(volume, ((long) z * ny + y) * nx, x0, x1, dy, dz);
		}
	}

	/** Adds values to voxels x0..x1 (inclusive) of the row starting at {@code rowStart}. */
	abstract void paintRow(float[] volume, long rowStart, int x0, int x1, double dy, double dz);

	/** A rotated, scaled density template. */
	static final class TemplateStamp extends Stamp {

		private final DensityTemplate template;
		/** World displacement (voxels) to template voxel offset, row-major 3x3. */
		private final double[] m;
		private final float amplitude;

		/**
		 * @param rotation  3x3 row-major rotation from template frame to world
		 * @param scale     per-axis size factors of this instance (template frame)
		 * @param voxelSize simulation voxel size, A
		 */
		/** Unit normal (template frame) and distance (template voxels) of the cap plane; no cap when infinite. */
		private final double[] capNormal;
		private final double capDistance;

		TemplateStamp(DensityTemplate template, double px, double py, double pz, double[] rotation, double[] scale,
				double voxelSize, float amplitude) {
			this(template, px, py, pz, rotation, scale, voxelSize, amplitude, new double[3],
					Double.POSITIVE_INFINITY);
		}

		/**
		 * @param capNormal   unit normal of the cap plane in the template frame
		 * @param capDistance distance of that plane from the template centre (template voxels); the density beyond
		 *                    it (along the normal) is left out; infinite for a whole particle
		 */
		TemplateStamp(DensityTemplate template, double px, double py, double pz, double[] rotation, double[] scale,
				double voxelSize, float amplitude, double[] capNormal, double capDistance) {
			super(px, py, pz, template.supportRadius() * template.voxelSizeAngstrom() / voxelSize
					* Math.max(scale[0], Math.max(scale[1], scale[2])) + 1);
			this.template = template;
			this.amplitude = amplitude;
			this.capNormal = capNormal.clone();
			this.capDistance = capDistance;
			double f = voxelSize / template.voxelSizeAngstrom();
			m = new double[9];
			for (int i = 0; i < 3; i++)
				for (int j = 0; j < 3; j++)
					m[3 * i + j] = f / scale[i] * rotation[3 * j + i];
		}

		@Override
		void paintRow(float[] volume, long rowStart, int x0, int x1, double dy, double dz) {
			double dx = x0 - px;
			double tx = template.centreX() + m[0] * dx + m[1] * dy + m[2] * dz;
			double ty = template.centreY() + m[3] * dx + m[4] * dy + m[5] * dz;
			double tz = template.centreZ() + m[6] * dx + m[7] * dy + m[8] * dz;
			int base = (int) rowStart;
			if (capDistance == Double.POSITIVE_INFINITY) {
				for (int x = x0; x <= x1; x++) {
					volume[base + x] += amplitude * template.sample(tx, ty, tz);
					tx += m[0];
					ty += m[3];
					tz += m[6];
				}
				return;
			}
			double cx = template.centreX(), cy = template.centreY(), cz = template.centreZ();
			for (int x = x0; x <= x1; x++) {
				if ((tx - cx) * capNormal[0] + (ty - cy) * capNormal[1] + (tz - cz) * capNormal[2] <= capDistance)
					volume[base + x] += amplitude * template.sample(tx, ty, tz);
				tx += m[0];
				ty += m[3];
				tz += m[6];
			}
		}
	}

	/** An isotropic gaussian blob: amplitude exp(-r^2 / (2 sigma^2)), cut at 3 sigma. */
	static final class BlobStamp extends Stamp {

		private final double inverseTwoSigma2;
		private final float amplitude;

		BlobStamp(double px, double py, double pz, double sigma, float amplitude) {
			super(px, py, pz, 3 * sigma);
			this.inverseTwoSigma2 = 1 / (2 * sigma * sigma);
			this.amplitude = amplitude;
		}

		@Override
		void paintRow(float[] volume, long rowStart, int x0, int x1, double dy, double dz) {
			double r2yz = dy * dy + dz * dz;
			int base = (int) rowStart;
			for (int x = x0; x <= x1; x++) {
				double dx = x - px;
				volume[base + x] += (float) (amplitude * Math.exp(-(dx * dx + r2yz) * inverseTwoSigma2));
			}
		}
	}

	/**
	 * A lipid bilayer vesicle: two gaussian-profile leaflets (head-group layers) at radius {@code radius} plus and
	 * minus half the leaflet spacing, hollow inside.
	 */
	static final class ShellStamp extends Stamp {

		private final double inner, outer, inverseTwoSigma2;
		private final float amplitude;

		/** All lengths in voxels. */
		ShellStamp(double px, double py, double pz, double radius, double leafletSpacing, double leafletSigma,
				float amplitude) {
			super(px, py, pz, radius + leafletSpacing / 2 + 3 * leafletSigma);
			this.inner = radius - leafletSpacing / 2;
			this.outer = radius + leafletSpacing / 2;
			this.inverseTwoSigma2 = 1 / (2 * leafletSigma * leafletSigma);
			this.amplitude = amplitude;
		}

		@Override
		void paintRow(float[] volume, long rowStart, int x0, int x1, double dy, double dz) {
			double r2yz = dy * dy + dz * dz;
			int base = (int) rowStart;
			for (int x = x0; x <= x1; x++) {
				double dx = x - px;
				double r = Math.sqrt(dx * dx + r2yz);
				double a = (r - inner) * (r - inner) * inverseTwoSigma2, b = (r - outer) * (r - outer) * inverseTwoSigma2;
				if (a < 12 || b < 12)
					volume[base + x] += (float) (amplitude * (Math.exp(-a) + Math.exp(-b)));
			}
		}
	}

	/** A solid ball of uniform density (a gold bead, an ice crystal) with an edge one voxel wide. */
	static final class BallStamp extends Stamp {

		private final double radius;
		private final float amplitude;

		/** Radius in voxels. */
		BallStamp(double px, double py, double pz, double radius, float amplitude) {
			super(px, py, pz, radius + 1);
			this.radius = radius;
			this.amplitude = amplitude;
		}

		@Override
		void paintRow(float[] volume, long rowStart, int x0, int x1, double dy, double dz) {
			double r2yz = dy * dy + dz * dz;
			int base = (int) rowStart;
			for (int x = x0; x <= x1; x++) {
				double dx = x - px;
				double inside = radius - Math.sqrt(dx * dx + r2yz) + 0.5;
				if (inside > 0)
					volume[base + x] += amplitude * (float) Math.min(1, inside);
			}
		}
	}

	/**
	 * A flat plate of uniform density (a carbon support film) that ends at a straight edge: the voxels within half its
	 * thickness of a mid-plane, on one side of a vertical edge plane, with soft (one voxel) surfaces. Covers the whole
	 * volume's bounding sphere, so every slice is visited.
	 */
	static final class PlateStamp extends Stamp {

		private final double[] point, normal, edgeNormal;
		private final double halfThickness;
		private final float amplitude;

		/**
		 * @param point      a point on the mid-plane and on the edge (voxels, x y z)
		 * @param normal     unit normal of the mid-plane
		 * @param edgeNormal unit vector (in the plane) pointing from the edge into the plate
		 * @param volumeCentre centre of the volume (voxels) and {@code volumeRadius} its half-diagonal
		 */
		PlateStamp(double[] point, double[] normal, double[] edgeNormal, double thickness, float amplitude,
				double[] volumeCentre, double volumeRadius) {
			super(volumeCentre[0], volumeCentre[1], volumeCentre[2], volumeRadius + 2);
			this.point = point.clone();
			this.normal = normal.clone();
			this.edgeNormal = edgeNormal.clone();
			this.halfThickness = thickness / 2;
			this.amplitude = amplitude;
		}

		@Override
		void paintRow(float[] volume, long rowStart, int x0, int x1, double dy, double dz) {
			double y = py + dy - point[1], z = pz + dz - point[2];
			int base = (int) rowStart;
			for (int x = x0; x <= x1; x++) {
				double rx = x - point[0];
				double across = halfThickness - Math.abs(rx * normal[0] + y * normal[1] + z * normal[2]) + 0.5;
				double beyond = rx * edgeNormal[0] + y * edgeNormal[1] + z * edgeNormal[2] + 0.5;
				if (across > 0 && beyond > 0)
					volume[base + x] += amplitude * (float) (Math.min(1, across) * Math.min(1, beyond));
			}
		}
	}
}
