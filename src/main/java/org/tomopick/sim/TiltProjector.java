package org.tomopick.sim;

import org.tomopick.progress.Progress;

/**
 * Forward projection of a volume (z, y, x) at tilt angles about the y axis: line integrals along the beam, ray
 * driven with linear interpolation along x within each z-slice (a ray at detector position u crosses slice z at
 * {@code x = cx + (u - cu - (z - cz) sin t) / cos t}), weighted by the path length {@code voxel / cos t}. Each
 * y row is an independent x-z problem, so rows run in parallel. The detector has as many pixels as the volume is
 * wide; beyond the volume's sides the specimen is extended with its edge values.
 */
public final class TiltProjector {

	private TiltProjector() {
	}

	/**
	 * @param volume  values (z, y, x) with x fastest
	 * @param shape   (z, y, x)
	 * @param angles  tilt angles in radians
	 * @param voxelSizeAngstrom path-length unit: projections are in (volume unit) x A
	 * @return one image (y, u) per angle, ny * nx values each
	 */
	public static float[][] project(float[] volume, int[] shape, double[] angles, double voxelSizeAngstrom,
			Progress progress) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		if (volume.length != nz * ny * nx)
			throw new IllegalArgumentException("projector: volume has " + volume.length + " values, shape needs "
					+ (long) nz * ny * nx);
		for (double a : angles)
			if (!(Math.abs(a) < Math.PI / 2 - 1e-3))
				throw new IllegalArgumentException("projector: tilt angle " + Math.toDegrees(a) + " degrees is not in "
						+ "(-90, 90)");
		float[][] stack = new float[angles.length][ny * nx];
		double cx = (nx - 1) / 2.0, cz = (nz - 1) / 2.0, cu = (nx - 1) / 2.0;
		BatchRunner.run("projection", ny, 32, progress, y -> {
			float[] slice = new float[nz * nx];
			for (int z = 0; z < nz; z++)
				System.arraycopy(volume, (z * ny + y) * nx, slice, z * nx, nx);
			for (int t = 0; t < angles.length; t++) {
				double c = Math.cos(angles[t]), s = Math.sin(angles[t]);
				float weight = (float) (voxelSizeAngstrom / c);
				for (int z = 0; z < nz; z++) {
					double start = cx - (cu + (z - cz) * s) / c;
					LinearRows.accumulate(slice, z * nx, nx, start, 1 / c, stack[t], y * nx, nx, weight);
				}
			}
		});
		return stack;
	}
}
