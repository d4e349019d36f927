package org.tomopick.grid;

import java.util.Locale;
import java.util.stream.IntStream;

import org.tomopick.io.DenseVolume;
import org.tomopick.model.VoxelGeometry;

/**
 * A tomogram on the grid every stage of the picker works on: brought from its own voxel size to the working voxel
 * size, then normalised ({@link Normalisation}). This is TomoPick's one binning rule: each working voxel is the mean
 * of the input it covers. When the working size is (within {@link #VOXEL_SIZE_TOLERANCE}) an integer multiple of the
 * tomogram's, a working voxel is the mean of its factor^3 block of input voxels, and a block cut by the high end of
 * an axis averages the voxels it has, so no input voxel is dropped. Otherwise (a 13.48 Å or 7.84 Å tomogram for a
 * 20 Å model) the grid is resampled to exactly the working size by the same rule with fractional blocks: along each
 * axis, working voxel u covers input voxels {@code u*s .. (u+1)*s} (s = working / input size, not an integer), and
 * each input voxel counts with the length of its overlap (box resampling; for s below 1 this is nearest-neighbour
 * like). Working index u along an axis is the centre of what it covers, at {@code ((u + 0.5) s - 0.5) * voxel}
 * Ångström (for an integer s: {@code (u*s + (s-1)/2) * voxel}); {@link #geometry()} says the same as a
 * {@link VoxelGeometry}. Values are indexed (z, y, x).
 */
public record WorkingGrid(float[] data, int[] shape, double scale, double inputVoxelAngstrom,
		Normalisation normalisation) {

	/** How far the working voxel size may be from an integer multiple of the tomogram's, relative. */
	public static final double VOXEL_SIZE_TOLERANCE = 0.1;
	/** The largest ratio of working to input voxel size (a 2.5 Å tomogram for a 20 Å model). */
	public static final double MAX_SCALE = 8;
	/** The smallest (a 40 Å tomogram for a 20 Å model: each working voxel half an input voxel). */
	public static final double MIN_SCALE = 0.5;

	/**
	 * Bins (or resamples) and normalises a tomogram.
	 *
	 * @throws IllegalArgumentException when the voxel sizes are not positive or too far apart
	 */
	public static WorkingGrid prepare(DenseVolume tomogram, double voxelAngstrom, double workingVoxelAngstrom,
			Normalisation normalisation) {
		double scale = scale(voxelAngstrom, workingVoxelAngstrom);
		int factor = (int) scale;
		int[] out;
		float[] data;
		if (factor == scale) {
			out = binnedShape(tomogram.shape(), factor);
			data = factor == 1 ? tomogram.toFloatArray().clone()
					: bin(tomogram.toFloatArray(), tomogram.shape(), factor, out);
		} else {
			out = resampledShape(tomogram.shape(), scale);
			data = BoxResampling.resample(tomogram.toFloatArray(), tomogram.shape(), scale, out);
		}
		if (normalisation == Normalisation.WHITENED)
			SpectralWhitening.whitenInPlace(data, out, scale * voxelAngstrom);
		Normalisation.robustZInPlace(data, Normalisation.CLIP);
		return new WorkingGrid(data, out, scale, voxelAngstrom, normalisation);
	}

	/**
	 * The ratio of the working voxel size to a tomogram's: the integer factor when the working size is within 10% of
	 * an integer multiple of the tomogram's (binning, the size then {@code factor * voxel}), else the exact ratio
	 * (resampling to the working size).
	 */
	public static double scale(double voxelAngstrom, double workingVoxelAngstrom) {
		if (!(voxelAngstrom > 0) || !(workingVoxelAngstrom > 0) || Double.isInfinite(voxelAngstrom)
				|| Double.isInfinite(workingVoxelAngstrom))
			throw new IllegalArgumentException("voxel sizes must be > 0 A, were " + voxelAngstrom + " and "
					+ workingVoxelAngstrom);
		int factor = (int) Math.round(workingVoxelAngstrom / voxelAngstrom);
		if (factor >= 1 && Math.abs(factor * voxelAngstrom - workingVoxelAngstrom) <= VOXEL_SIZE_TOLERANCE
				* workingVoxelAngstrom)
			return factor;
		double ratio = workingVoxelAngstrom / voxelAngstrom;
		if (ratio > MAX_SCALE || ratio < MIN_SCALE)
			throw new IllegalArgumentException(String.format(Locale.ROOT,
					"the model works at %.3f A per voxel; a tomogram of %.3f A per voxel is too far from that "
							+ "(%.3f to %.3f A can be resampled): open a pyramid level or bin the tomogram first",
					workingVoxelAngstrom, voxelAngstrom, workingVoxelAngstrom / MAX_SCALE,
					workingVoxelAngstrom / MIN_SCALE));
		return ratio;
	}

	private static int[] resampledShape(int[] in, double scale) {
		int[] out = new int[3];
		for (int a = 0; a < 3; a++)
			out[a] = Math.max(1, (int) Math.ceil(in[a] / scale - 1e-9));
		return out;
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
		return scale * inputVoxelAngstrom;
	}

	/** Ångström position of working index u (any axis). */
	public double toAngstrom(double u) {
		return ((u + 0.5) * scale - 0.5) * inputVoxelAngstrom;
	}

	/** Working index (fractional) of a position in Ångström (any axis); the inverse of {@link #toAngstrom}. */
	public double toWorking(double angstrom) {
		return (angstrom / inputVoxelAngstrom + 0.5) / scale - 0.5;
	}

	/** The same transform as a geometry of one level. */
	public VoxelGeometry geometry() {
		double s = voxelAngstrom(), t = inputVoxelAngstrom * (scale - 1) / 2.0;
		return new VoxelGeometry(new double[][] { { s, s, s } }, new double[][] { { t, t, t } });
	}

	public float value(int z, int y, int x) {
		return data[(z * shape[1] + y) * shape[2] + x];
	}

	public int voxelCount() {
		return data.length;
	}
}
