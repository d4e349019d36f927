package org.tomopick.yolo;

import java.util.Arrays;

import org.tomopick.io.DenseVolume;

/**
 * A tomogram as the slice detector sees it: binned by an integer factor to the working voxel size (the mean of each
 * full bin x bin x bin block; a remainder of fewer than {@code bin} voxels at the high end of an axis is left out)
 * and normalised by a robust z-score ((v - median) / (1.4826 MAD), clipped to +-{@value #CLIP}). The coordinate
 * transform is exact: working index u along an axis is the centre of input voxels u*bin .. u*bin+bin-1, i.e. input
 * voxel {@code u*bin + (bin-1)/2}, at {@code (u*bin + (bin-1)/2) * voxel} Angstrom. Slices are padded with zeros at
 * the high end of x and y up to a multiple of 32 ({@link #paddedY()}, {@link #paddedX()}), never resampled.
 */
public final class WorkingVolume {

	/** How the tomogram is normalised, as written in the model sidecar. */
	public static final String NORMALISATION = "robust-z: (v - median) / (1.4826 * MAD), clipped to +-5";
	public static final float CLIP = 5f;
	private static final int MAX_SAMPLES = 1 << 20;

	private final float[] data;
	private final int nz, ny, nx;
	private final int bin;
	private final double inputVoxelAngstrom;

	private WorkingVolume(float[] data, int nz, int ny, int nx, int bin, double inputVoxelAngstrom) {
		this.data = data;
		this.nz = nz;
		this.ny = ny;
		this.nx = nx;
		this.bin = bin;
		this.inputVoxelAngstrom = inputVoxelAngstrom;
	}

	/**
	 * Bins and normalises a tomogram.
	 *
	 * @throws IllegalArgumentException when the working voxel size is not (within 10%) an integer multiple of the
	 *                                  input voxel size
	 */
	public static WorkingVolume prepare(DenseVolume tomogram, double voxelAngstrom, double workingVoxelAngstrom) {
		int bin = binFactor(voxelAngstrom, workingVoxelAngstrom);
		int nz = tomogram.sizeZ() / bin, ny = tomogram.sizeY() / bin, nx = tomogram.sizeX() / bin;
		if (nz < 1 || ny < 1 || nx < 1)
			throw new IllegalArgumentException("tomogram " + Arrays.toString(tomogram.shape())
					+ " is smaller than one working voxel (bin " + bin + ")");
		float[] in = tomogram.toFloatArray();
		float[] out = bin == 1 ? in.clone() : binned(in, tomogram.sizeY(), tomogram.sizeX(), nz, ny, nx, bin);
		normalise(out);
		return new WorkingVolume(out, nz, ny, nx, bin, voxelAngstrom);
	}

	/** The integer bin factor from the input voxel size to the working one. */
	public static int binFactor(double voxelAngstrom, double workingVoxelAngstrom) {
		if (!(voxelAngstrom > 0) || !(workingVoxelAngstrom > 0))
			throw new IllegalArgumentException("voxel sizes must be > 0, were " + voxelAngstrom + " and "
					+ workingVoxelAngstrom + " A");
		int bin = (int) Math.round(workingVoxelAngstrom / voxelAngstrom);
		if (bin < 1 || Math.abs(bin * voxelAngstrom - workingVoxelAngstrom) > 0.1 * workingVoxelAngstrom)
			throw new IllegalArgumentException("the model works at " + workingVoxelAngstrom
					+ " A per voxel, which is not an integer multiple of the tomogram's " + voxelAngstrom + " A");
		return bin;
	}

	private static float[] binned(float[] in, int sy, int sx, int nz, int ny, int nx, int bin) {
		float[] out = new float[nz * ny * nx];
		float norm = 1f / (bin * bin * bin);
		for (int z = 0; z < nz; z++)
			for (int dz = 0; dz < bin; dz++)
				for (int y = 0; y < ny; y++)
					for (int dy = 0; dy < bin; dy++) {
						int row = ((z * bin + dz) * sy + y * bin + dy) * sx;
						int o = (z * ny + y) * nx;
						for (int x = 0; x < nx; x++) {
							float s = 0;
							for (int dx = 0; dx < bin; dx++)
								s += in[row + x * bin + dx];
							out[o + x] += s * norm;
						}
					}
		return out;
	}

	private static void normalise(float[] v) {
		int step = Math.max(1, v.length / MAX_SAMPLES);
		float[] sample = new float[(v.length + step - 1) / step];
		for (int i = 0, k = 0; i < v.length; i += step)
			sample[k++] = v[i];
		Arrays.sort(sample);
		float median = sample[sample.length / 2];
		for (int i = 0; i < sample.length; i++)
			sample[i] = Math.abs(sample[i] - median);
		Arrays.sort(sample);
		double mad = 1.4826 * sample[sample.length / 2];
		if (!(mad > 0))
			mad = 1;
		float scale = (float) (1 / mad);
		for (int i = 0; i < v.length; i++)
			v[i] = Math.max(-CLIP, Math.min(CLIP, (v[i] - median) * scale));
	}

	/** Working slices. */
	public int sizeZ() {
		return nz;
	}

	public int sizeY() {
		return ny;
	}

	public int sizeX() {
		return nx;
	}

	/** Slice height padded to a multiple of 32. */
	public int paddedY() {
		return padded(ny);
	}

	/** Slice width padded to a multiple of 32. */
	public int paddedX() {
		return padded(nx);
	}

	public static int padded(int n) {
		int m = YoloArchitecture.MAX_STRIDE;
		return (n + m - 1) / m * m;
	}

	public int bin() {
		return bin;
	}

	public double workingVoxelAngstrom() {
		return bin * inputVoxelAngstrom;
	}

	/** Angstrom position of working index u (any axis). */
	public double toAngstrom(double u) {
		return (u * bin + (bin - 1) / 2.0) * inputVoxelAngstrom;
	}

	/** Working index (fractional) of a position in Angstrom (any axis); the inverse of {@link #toAngstrom}. */
	public double toWorking(double angstrom) {
		return (angstrom / inputVoxelAngstrom - (bin - 1) / 2.0) / bin;
	}

	public float value(int z, int y, int x) {
		return data[(z * ny + y) * nx + x];
	}

	/**
	 * Writes the input of one slice (the slice and {@code neighbours} slices on each side, clamped at the volume's
	 * ends, as channels) into {@code dst} at {@code offset}, as (channels, h, w) with the window starting at (y0, x0);
	 * pixels outside the volume are 0.
	 */
	public void copyInput(int z, int neighbours, int y0, int x0, int h, int w, float[] dst, int offset) {
		for (int c = 0; c < 2 * neighbours + 1; c++) {
			int zz = Math.max(0, Math.min(nz - 1, z + c - neighbours));
			for (int y = 0; y < h; y++) {
				int o = offset + (c * h + y) * w;
				int sy = y0 + y;
				if (sy < 0 || sy >= ny) {
					Arrays.fill(dst, o, o + w, 0f);
					continue;
				}
				for (int x = 0; x < w; x++) {
					int sx = x0 + x;
					dst[o + x] = sx >= 0 && sx < nx ? data[(zz * ny + sy) * nx + sx] : 0f;
				}
			}
		}
	}
}
