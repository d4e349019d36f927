package org.tomopick.classify;

import java.util.Random;

import org.tomopick.io.DenseVolume;

/** Test volumes of hollow dark shells (40-60 A, like apo-ferritin) in white noise, at 10 A voxels. */
final class HollowShells {

	static final double VOXEL_ANGSTROM = 10;

	private HollowShells() {
	}

	/**
	 * @param shape   z, y, x voxels
	 * @param centres shell centres, x, y, z in Angstrom
	 * @param depth   how much darker than the background a shell voxel is
	 * @param noise   standard deviation of the Gaussian noise
	 */
	static DenseVolume inNoise(int[] shape, double[][] centres, double depth, double noise, long seed) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		float[] v = new float[nz * ny * nx];
		Random random = new Random(seed);
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					double value = noise * random.nextGaussian();
					for (double[] c : centres) {
						double d = Math.sqrt(Math.pow(x * VOXEL_ANGSTROM - c[0], 2)
								+ Math.pow(y * VOXEL_ANGSTROM - c[1], 2) + Math.pow(z * VOXEL_ANGSTROM - c[2], 2));
						if (d >= 40 && d <= 60)
							value -= depth;
					}
					v[(z * ny + y) * nx + x] = (float) value;
				}
		return DenseVolume.ofFloats(shape.clone(), v);
	}
}
