package org.tomopick.classify;

import org.tomopick.io.DenseVolume;
import org.tomopick.unet.RobustNormalizer;

/**
 * Reads a tomogram at any point given in Angstrom, by trilinear interpolation, in robust units: {@code (v - median)
 * / (1.4826 MAD)} clipped to +-{@value #CLIP} (as the UNet sees it), 0 outside the volume. Voxel i sits at
 * {@code i x voxel size}, as everywhere in TomoPick. The volume is not copied.
 */
public final class TomogramSampler {

	public static final double CLIP = 6;
	private static final int SAMPLE = 1 << 20;

	private final DenseVolume volume;
	private final double voxelSize;
	private final double median;
	private final double scale;
	private final int nz, ny, nx;

	public TomogramSampler(DenseVolume volume, double voxelSizeAngstrom) {
		if (!(voxelSizeAngstrom > 0))
			throw new IllegalArgumentException("voxel size must be > 0, was " + voxelSizeAngstrom);
		this.volume = volume;
		this.voxelSize = voxelSizeAngstrom;
		this.nz = volume.sizeZ();
		this.ny = volume.sizeY();
		this.nx = volume.sizeX();
		double[] ms = medianAndScale(volume);
		this.median = ms[0];
		this.scale = ms[1];
	}

	/** Median and 1.4826 x MAD of an even sample of at most 2^20 voxels (scale 1 for a constant volume). */
	static double[] medianAndScale(DenseVolume v) {
		int n = v.voxelCount();
		int count = Math.min(n, SAMPLE);
		double step = (double) n / count;
		float[] s = new float[count];
		for (int i = 0; i < count; i++)
			s[i] = (float) v.getDouble((int) (i * step));
		double[] m = RobustNormalizer.medianAndMad(s);
		return new double[] { m[0], m[1] > 0 ? m[1] : 1 };
	}

	/** 1.4826 x the median absolute deviation from the median of an even sample of the values (1 when 0). */
	static double robustScale(float[] values) {
		double mad = RobustNormalizer.medianAndMad(RobustNormalizer.evenSample(values, SAMPLE))[1];
		return mad > 0 ? mad : 1;
	}

	public double voxelSizeAngstrom() {
		return voxelSize;
	}

	/** The tomogram's extent along z, y, x in Angstrom (voxel count x voxel size). */
	public double[] extentAngstrom() {
		return new double[] { nz * voxelSize, ny * voxelSize, nx * voxelSize };
	}

	/** The normalised value at a point in Angstrom; 0 (the median) outside the volume. */
	public double at(double xA, double yA, double zA) {
		double fx = xA / voxelSize, fy = yA / voxelSize, fz = zA / voxelSize;
		int x0 = (int) Math.floor(fx), y0 = (int) Math.floor(fy), z0 = (int) Math.floor(fz);
		double tx = fx - x0, ty = fy - y0, tz = fz - z0;
		double sum = 0;
		for (int dz = 0; dz <= 1; dz++) {
			double wz = dz == 0 ? 1 - tz : tz;
			for (int dy = 0; dy <= 1; dy++) {
				double wy = dy == 0 ? 1 - ty : ty;
				for (int dx = 0; dx <= 1; dx++) {
					double w = wz * wy * (dx == 0 ? 1 - tx : tx);
					if (w != 0)
						sum += w * voxel(z0 + dz, y0 + dy, x0 + dx);
				}
			}
		}
		return sum;
	}

	/** The volume's shape z, y, x. */
	public int[] shape() {
		return new int[] { nz, ny, nx };
	}

	/** The normalised, clipped value of one voxel; 0 outside. */
	double voxel(int z, int y, int x) {
		if (z < 0 || y < 0 || x < 0 || z >= nz || y >= ny || x >= nx)
			return 0;
		double v = (volume.getDouble(volume.index(z, y, x)) - median) / scale;
		return Math.max(-CLIP, Math.min(CLIP, v));
	}
}
