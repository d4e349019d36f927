package org.tomopick.sim;

/**
 * Something added into the potential volume over a bounded region: a rotated particle map or a gaussian blob.
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
		TemplateStamp(DensityTemplate template, double px, double py, double pz, double[] rotation, double[] scale,
				double voxelSize, float amplitude) {
			super(px, py, pz, template.supportRadius() * template.voxelSizeAngstrom() / voxelSize
					* Math.max(scale[0], Math.max(scale[1], scale[2])) + 1);
			this.template = template;
			this.amplitude = amplitude;
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
			for (int x = x0; x <= x1; x++) {
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
}
