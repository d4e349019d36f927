package org.tomopick.classify;

import org.tomopick.grid.Normalisation;
import org.tomopick.grid.WorkingGrid;
import org.tomopick.io.DenseVolume;

/**
 * Reads a tomogram's {@link WorkingGrid} (binned and normalised as the branches see it, clipped to +-{@value
 * Normalisation#CLIP}) at any point given in Angstrom, by trilinear interpolation; 0 (the median) outside the volume.
 * The grid is not copied.
 */
public final class TomogramSampler {

	private final WorkingGrid grid;
	private final float[] data;
	private final int nz, ny, nx;

	public TomogramSampler(WorkingGrid grid) {
		this.grid = grid;
		this.data = grid.data();
		this.nz = grid.sizeZ();
		this.ny = grid.sizeY();
		this.nx = grid.sizeX();
	}

	/** A sampler of a tomogram at its own voxel size with the given normalisation (no binning). */
	public static TomogramSampler unbinned(DenseVolume volume, double voxelSizeAngstrom, Normalisation normalisation) {
		return new TomogramSampler(WorkingGrid.prepare(volume, voxelSizeAngstrom, voxelSizeAngstrom, normalisation));
	}

	public WorkingGrid grid() {
		return grid;
	}

	/** The grid's voxel size, Angstrom. */
	public double voxelSizeAngstrom() {
		return grid.voxelAngstrom();
	}

	/** The normalised value at a point in Angstrom; 0 (the median) outside the volume. */
	public double at(double xA, double yA, double zA) {
		double fx = grid.toWorking(xA), fy = grid.toWorking(yA), fz = grid.toWorking(zA);
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

	/** The normalised value of one grid voxel; 0 outside. */
	double voxel(int z, int y, int x) {
		if (z < 0 || y < 0 || x < 0 || z >= nz || y >= ny || x >= nx)
			return 0;
		return data[(z * ny + y) * nx + x];
	}
}
