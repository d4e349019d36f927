package org.tomopick.grid;

import java.util.Locale;
import java.util.stream.IntStream;

import org.tomopick.io.DenseVolume;
import org.tomopick.model.VoxelGeometry;

/**
 * A tomogram on the grid every stage of the picker works on: binned by an integer factor from its own voxel size to
 * the working voxel size, then normalised ({@link Normalisation}). This is TomoPick's one binning rule: each working
 * voxel is the mean of its factor^3 block of input voxels, and a block cut by the high end of an axis averages the
 * voxels it has, so no input voxel is dropped. Working index u along an axis is the centre of input voxels
 * {@code u*factor .. u*factor+factor-1}, at {@code (u*factor + (factor-1)/2) * voxel} Ångström; {@link #geometry()}
 * says the same as a {@link VoxelGeometry}. Values are indexed (z, y, x).
 */
public record WorkingGrid(float[] data, int[] shape, int binning, double inputVoxelAngstrom,
		Normalisation normalisation) {

	/** How far the working voxel size may be from an integer multiple of the tomogram's, relative. */
	public static final double VOXEL_SIZE_TOLERANCE = 0.1;

	/**
	 * Bins and normalises a tomogram.
	 *
	 * @throws IllegalArgumentException when the working voxel size is not (within 10%) an integer multiple of the
	 *                                  tomogram's voxel size
	 */
	public static WorkingGrid prepare(DenseVolume tomogram, double voxelAngstrom, double workingVoxelAngstrom,
			Normalisation normalisation) {
		int factor = binningFactor(voxelAngstrom, workingVoxelAngstrom);
		int[] out = binnedShape(tomogram.shape(), factor);
		float[] data = factor == 1 ? tomogram.toFloatArray().clone()
				: bin(tomogram.toFloatArray(), tomogram.shape(), factor, out);
		if (normalisation == Normalisation.WHITENED)
			SpectralWhitening.whitenInPlace(data, out, factor * voxelAngstrom);
		Normalisation.robustZInPlace(data, Normalisation.CLIP);
		return new WorkingGrid(data, out, factor, voxelAngstrom, normalisation);
	}

	/** The integer factor from a tomogram's voxel size to the working voxel size. */
	public static int binningFactor(double voxelAngstrom, double workingVoxelAngstrom) {
		if (!(voxelAngstrom > 0) || !(workingVoxelAngstrom > 0))
			throw new IllegalArgumentException("voxel sizes must be > 0 A, were " + voxelAngstrom + " and "
					+ workingVoxelAngstrom);
		int factor = (int) Math.round(workingVoxelAngstrom / voxelAngstrom);
		if (factor < 1 || Math.abs(factor * voxelAngstrom - workingVoxelAngstrom) > VOXEL_SIZE_TOLERANCE
				* workingVoxelAngstrom)
			throw new IllegalArgumentException(String.format(Locale.ROOT,
					"the model works at %.3f A per voxel; a tomogram of %.3f A per voxel cannot be binned to it by an "
							+ "integer factor (open a pyramid level or a tomogram with a voxel size that divides %.3f A)",
					workingVoxelAngstrom, voxelAngstrom, workingVoxelAngstrom));
		return factor;
	}

	/**
	 * A float volume binned by {@code factor} with this rule (not normalised): what training data are read as, so
	 * that a network trains on exactly the blocks it later picks on.
	 */
	public static DenseVolume binned(DenseVolume volume, int factor) {
		int[] out = binnedShape(volume.shape(), factor);
		return DenseVolume.ofFloats(out, bin(volume.toFloatArray(), volume.shape(), factor, out));
	}

	private static int[] binnedShape(int[] in, int factor) {
		return new int[] { ceilDiv(in[0], factor), ceilDiv(in[1], factor), ceilDiv(in[2], factor) };
	}

	/** Block means (the binning rule), parallel over output slices. */
	static float[] bin(float[] in, int[] shape, int f, int[] out) {
		float[] result = new float[out[0] * out[1] * out[2]];
		int sy = shape[1], sx = shape[2], ny = out[1], nx = out[2];
		IntStream.range(0, out[0]).parallel().forEach(oz -> {
			int z0 = oz * f, z1 = Math.min(shape[0], z0 + f);
			double[] row = new double[nx];
			for (int oy = 0; oy < ny; oy++) {
				int y0 = oy * f, y1 = Math.min(sy, y0 + f);
				java.util.Arrays.fill(row, 0);
				for (int z = z0; z < z1; z++)
					for (int y = y0; y < y1; y++) {
						int base = (z * sy + y) * sx;
						for (int x = 0; x < sx; x++)
							row[x / f] += in[base + x];
					}
				int o = (oz * ny + oy) * nx;
				for (int ox = 0; ox < nx; ox++) {
					int cx = Math.min(f, sx - ox * f);
					result[o + ox] = (float) (row[ox] / ((z1 - z0) * (y1 - y0) * cx));
				}
			}
		});
		return result;
	}

	private static int ceilDiv(int a, int b) {
		return (a + b - 1) / b;
	}

	public int sizeZ() {
		return shape[0];
	}

	public int sizeY() {
		return shape[1];
	}

	public int sizeX() {
		return shape[2];
	}

	public double voxelAngstrom() {
		return binning * inputVoxelAngstrom;
	}

	/** Ångström position of working index u (any axis). */
	public double toAngstrom(double u) {
		return (u * binning + (binning - 1) / 2.0) * inputVoxelAngstrom;
	}

	/** Working index (fractional) of a position in Ångström (any axis); the inverse of {@link #toAngstrom}. */
	public double toWorking(double angstrom) {
		return (angstrom / inputVoxelAngstrom - (binning - 1) / 2.0) / binning;
	}

	/** The same transform as a geometry of one level. */
	public VoxelGeometry geometry() {
		double s = voxelAngstrom(), t = inputVoxelAngstrom * (binning - 1) / 2.0;
		return new VoxelGeometry(new double[][] { { s, s, s } }, new double[][] { { t, t, t } });
	}

	public float value(int z, int y, int x) {
		return data[(z * shape[1] + y) * shape[2] + x];
	}

	public int voxelCount() {
		return data.length;
	}
}
