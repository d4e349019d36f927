package org.tomopick.unet;

import org.tomopick.io.DenseVolume;
import org.tomopick.model.VoxelGeometry;

/**
 * A tomogram as the network sees it: binned by an integer factor from its own voxel size to the model's working
 * voxel size (mean of each factor^3 block; blocks cut by the border average the voxels they have), then normalised
 * by a {@link RobustNormalizer}. {@code geometry} maps its voxel indices (z, y, x) to Angstrom in the original
 * tomogram's frame (voxel i of the original at i times its voxel size; a binned voxel at the centre of its block).
 */
public record WorkingVolume(float[] data, int[] shape, VoxelGeometry geometry, int binning) {

	/** How far the working voxel size may be from an integer multiple of the tomogram's, relative. */
	public static final double VOXEL_SIZE_TOLERANCE = 0.05;

	/**
	 * @throws IllegalArgumentException when the working voxel size is not (within 5%) an integer multiple of the
	 *                                  tomogram's voxel size
	 */
	public static WorkingVolume prepare(DenseVolume tomogram, double voxelSizeAngstrom, double workingVoxelSize,
			RobustNormalizer normalizer) {
		int factor = binningFactor(voxelSizeAngstrom, workingVoxelSize);
		int[] shape = tomogram.shape();
		float[] data = factor == 1 ? tomogram.toFloatArray().clone() : null;
		int[] outShape = shape;
		if (factor > 1) {
			outShape = new int[] { ceilDiv(shape[0], factor), ceilDiv(shape[1], factor), ceilDiv(shape[2], factor) };
			data = bin(tomogram.toFloatArray(), shape, factor, outShape);
		}
		normalizer.normalizeInPlace(data);
		double s = factor * voxelSizeAngstrom, t = voxelSizeAngstrom * (factor - 1) / 2.0;
		VoxelGeometry g = new VoxelGeometry(new double[][] { { s, s, s } }, new double[][] { { t, t, t } });
		return new WorkingVolume(data, outShape, g, factor);
	}

	/** The integer factor from a tomogram's voxel size to the working voxel size. */
	public static int binningFactor(double voxelSizeAngstrom, double workingVoxelSize) {
		if (!(voxelSizeAngstrom > 0))
			throw new IllegalArgumentException("tomogram voxel size must be > 0 A, was " + voxelSizeAngstrom);
		int factor = (int) Math.round(workingVoxelSize / voxelSizeAngstrom);
		if (factor < 1 || Math.abs(factor * voxelSizeAngstrom - workingVoxelSize) > VOXEL_SIZE_TOLERANCE
				* workingVoxelSize)
			throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
					"the model works at %.3f A per voxel; a tomogram of %.3f A per voxel cannot be binned to it by an "
							+ "integer factor (open a pyramid level or a tomogram with a voxel size that divides %.3f A)",
					workingVoxelSize, voxelSizeAngstrom, workingVoxelSize));
		return factor;
	}

	static float[] bin(float[] in, int[] shape, int f, int[] out) {
		float[] sum = new float[out[0] * out[1] * out[2]];
		for (int z = 0, i = 0; z < shape[0]; z++) {
			int oz = z / f;
			for (int y = 0; y < shape[1]; y++) {
				int row = (oz * out[1] + y / f) * out[2];
				for (int x = 0; x < shape[2]; x++, i++)
					sum[row + x / f] += in[i];
			}
		}
		for (int z = 0, o = 0; z < out[0]; z++) {
			int nz = Math.min(f, shape[0] - z * f);
			for (int y = 0; y < out[1]; y++) {
				int ny = Math.min(f, shape[1] - y * f);
				for (int x = 0; x < out[2]; x++, o++)
					sum[o] /= nz * ny * Math.min(f, shape[2] - x * f);
			}
		}
		return sum;
	}

	private static int ceilDiv(int a, int b) {
		return (a + b - 1) / b;
	}

	public int voxelCount() {
		return data.length;
	}
}
