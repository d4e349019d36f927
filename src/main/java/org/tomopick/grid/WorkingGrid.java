package org.tomopick.grid;

import java.util.Locale;
import java.util.stream.IntStream;

import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.MemoryCheck;
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
 * {@link VoxelGeometry}. Values are indexed (z, y, x). {@link #resampled} gives the same grid without the
 * normalisation (what {@code tomopick convert --voxel-size} writes).
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
		DenseVolume working = resampled(tomogram, scale);
		float[] data = (float[]) working.data();
		int[] out = working.shape();
		if (normalisation == Normalisation.WHITENED)
			SpectralWhitening.whitenInPlace(data, out, scale * voxelAngstrom);
		Normalisation.robustZInPlace(data, Normalisation.CLIP);
		return new WorkingGrid(data, out, scale, voxelAngstrom, normalisation);
	}

	/**
	 * A volume brought from {@code voxelAngstrom} to {@code workingVoxelAngstrom} by this rule, as float32 and not
	 * normalised: block means for an integer {@link #scale} (a copy for 1), box resampling otherwise. Its voxel size is
	 * {@code scale * voxelAngstrom}, and its voxel 0 sits {@link #shiftAngstrom} from the input's voxel 0.
	 *
	 * @throws IllegalArgumentException when the voxel sizes are too far apart or the result cannot be held in memory
	 */
	public static DenseVolume resampled(DenseVolume volume, double voxelAngstrom, double workingVoxelAngstrom) {
		return resampled(volume, scale(voxelAngstrom, workingVoxelAngstrom));
	}

	private static DenseVolume resampled(DenseVolume volume, double scale) {
		int[] in = volume.shape(), out = resampledShape(in, scale);
		long voxels = (long) out[0] * out[1] * out[2];
		String what = "a " + out[0] + "x" + out[1] + "x" + out[2] + " float32 volume resampled from " + in[0] + "x"
				+ in[1] + "x" + in[2];
		if (voxels > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException(what + " is too large to hold in memory at once (" + voxels
					+ " voxels): choose a larger voxel size, or crop the tomogram first");
		MemoryCheck.requireHeap(4 * voxels, what);
		int factor = (int) scale;
		if (factor != scale)
			return DenseVolume.ofFloats(out, BoxResampling.resample(volume.toFloatArray(), in, scale, out));
		if (factor > 1)
			return binned(volume, factor);
		float[] copy = volume.dataType() == DataType.FLOAT32 ? ((float[]) volume.data()).clone()
				: volume.toFloatArray();
		return DenseVolume.ofFloats(out, copy);
	}

	/** The shape (z, y, x) of a volume of {@code shapeZyx} after {@link #resampled} by {@code scale}. */
	public static int[] resampledShape(int[] shapeZyx, double scale) {
		int factor = (int) scale;
		if (factor == scale)
			return binnedShape(shapeZyx, factor);
		int[] out = new int[3];
		for (int a = 0; a < 3; a++)
			out[a] = Math.max(1, (int) Math.ceil(shapeZyx[a] / scale - 1e-9));
		return out;
	}

	/**
	 * Where voxel 0 of a volume resampled by {@code scale} sits, in Ångström from voxel 0 of the input (any axis):
	 * the centre of what it covers, {@code voxel * (scale - 1) / 2}.
	 */
	public static double shiftAngstrom(double voxelAngstrom, double scale) {
		return voxelAngstrom * (scale - 1) / 2.0;
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
		double s = voxelAngstrom(), t = shiftAngstrom(inputVoxelAngstrom, scale);
		return new VoxelGeometry(new double[][] { { s, s, s } }, new double[][] { { t, t, t } });
	}

	public float value(int z, int y, int x) {
		return data[(z * shape[1] + y) * shape[2] + x];
	}

	public int voxelCount() {
		return data.length;
	}
}
