package org.tomopick.sim;

import org.tomopick.io.DenseVolume;

/**
 * The density map of one particle species: a float32 box with the particle centred at ((n-1)/2) on each axis,
 * positive = protein, background 0, with its voxel size. The values are rescaled on construction so that the mean
 * over the particle (voxels above 10% of the maximum) is 1; the simulator multiplies that by the protein contrast.
 * The support radius (template voxels) bounds where the map is non-negligible (above 1% of the maximum).
 */
public final class DensityTemplate {

	private final int nz, ny, nx;
	private final float[] data;
	private final double voxelSize;
	private final double supportRadius;

	public DensityTemplate(DenseVolume volume, double voxelSizeAngstrom) {
		if (!(voxelSizeAngstrom > 0) || Double.isInfinite(voxelSizeAngstrom))
			throw new IllegalArgumentException("density template: voxel size must be > 0 A, was " + voxelSizeAngstrom);
		nz = volume.sizeZ();
		ny = volume.sizeY();
		nx = volume.sizeX();
		if (nz < 3 || ny < 3 || nx < 3)
			throw new IllegalArgumentException("density template: box must be at least 3 voxels per axis, was "
					+ nz + " x " + ny + " x " + nx);
		float[] in = volume.toFloatArray();
		double max = 0;
		for (float v : in) {
			if (!Float.isFinite(v))
				throw new IllegalArgumentException("density template contains a non-finite value");
			max = Math.max(max, v);
		}
		if (!(max > 0))
			throw new IllegalArgumentException("density template has no positive (protein) value");
		double sum = 0;
		int count = 0;
		double r2max = 0;
		double cz = (nz - 1) / 2.0, cy = (ny - 1) / 2.0, cx = (nx - 1) / 2.0;
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) {
					float v = in[i];
					if (v > 0.1 * max) {
						sum += v;
						count++;
					}
					if (Math.abs(v) > 0.01 * max) {
						double r2 = (z - cz) * (z - cz) + (y - cy) * (y - cy) + (x - cx) * (x - cx);
						r2max = Math.max(r2max, r2);
					}
				}
		float scale = (float) (count / sum);
		data = new float[in.length];
		for (int i = 0; i < in.length; i++)
			data[i] = in[i] * scale;
		voxelSize = voxelSizeAngstrom;
		supportRadius = Math.sqrt(r2max) + 1;
	}

	private DensityTemplate(int nz, int ny, int nx, float[] data, double voxelSize, double supportRadius) {
		this.nz = nz;
		this.ny = ny;
		this.nx = nx;
		this.data = data;
		this.voxelSize = voxelSize;
		this.supportRadius = supportRadius;
	}

	/**
	 * This map blurred by an isotropic gaussian of standard deviation {@code sigmaAngstrom} (a lower-resolution or
	 * more flexible instance), in a box padded by 3 sigma so nothing is cut off. Keeps the total density (no
	 * renormalisation: blurring spreads the mass, it does not add any) and the centre.
	 */
	DensityTemplate blurred(double sigmaAngstrom) {
		double sigma = sigmaAngstrom / voxelSize;
		if (!(sigma > 0.05))
			return this;
		int radius = (int) Math.ceil(3 * sigma);
		float[] kernel = new float[2 * radius + 1];
		double total = 0;
		for (int i = -radius; i <= radius; i++)
			total += kernel[i + radius] = (float) Math.exp(-0.5 * i * i / (sigma * sigma));
		for (int i = 0; i < kernel.length; i++)
			kernel[i] /= total;
		int pz = nz + 2 * radius, py = ny + 2 * radius, px = nx + 2 * radius;
		float[] a = new float[pz * py * px];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				System.arraycopy(data, (z * ny + y) * nx, a, ((z + radius) * py + y + radius) * px + radius, nx);
		float[] b = new float[a.length];
		convolve(a, b, kernel, 1, px);
		convolve(b, a, kernel, px, py);
		convolve(a, b, kernel, px * py, pz);
		return new DensityTemplate(pz, py, px, b, voxelSize, supportRadius + radius);
	}

	/** 1D convolution (zero outside) along the axis of the given stride and length, for every line of the box. */
	private static void convolve(float[] in, float[] out, float[] kernel, int stride, int n) {
		int radius = kernel.length / 2;
		int block = stride * n;
		for (int start = 0; start < in.length; start++) {
			if ((start % block) / stride != 0)
				continue;
			for (int i = 0; i < n; i++) {
				double sum = 0;
				for (int k = -radius; k <= radius; k++) {
					int j = i + k;
					if (j >= 0 && j < n)
						sum += kernel[k + radius] * in[start + j * stride];
				}
				out[start + i * stride] = (float) sum;
			}
		}
	}

	/** Trilinear value at template voxel coordinates (x, y, z); 0 outside the box. */
	public float sample(double x, double y, double z) {
		if (!(x >= 0 && y >= 0 && z >= 0 && x < nx - 1 && y < ny - 1 && z < nz - 1))
			return 0;
		int ix = (int) x, iy = (int) y, iz = (int) z;
		float fx = (float) (x - ix), fy = (float) (y - iy), fz = (float) (z - iz);
		int sy = nx, sz = nx * ny;
		int i = (iz * ny + iy) * nx + ix;
		float c00 = data[i] + fx * (data[i + 1] - data[i]);
		float c10 = data[i + sy] + fx * (data[i + sy + 1] - data[i + sy]);
		float c01 = data[i + sz] + fx * (data[i + sz + 1] - data[i + sz]);
		float c11 = data[i + sz + sy] + fx * (data[i + sz + sy + 1] - data[i + sz + sy]);
		float c0 = c00 + fy * (c10 - c00);
		float c1 = c01 + fy * (c11 - c01);
		return c0 + fz * (c1 - c0);
	}

	public double centreX() {
		return (nx - 1) / 2.0;
	}

	public double centreY() {
		return (ny - 1) / 2.0;
	}

	public double centreZ() {
		return (nz - 1) / 2.0;
	}

	public double voxelSizeAngstrom() {
		return voxelSize;
	}

	/** Radius around the centre outside which the map is negligible, in template voxels. */
	public double supportRadius() {
		return supportRadius;
	}

	/** The normalised map (a copy), shape (z, y, x). */
	public DenseVolume toVolume() {
		return DenseVolume.ofFloats(new int[] { nz, ny, nx }, data.clone());
	}
}
