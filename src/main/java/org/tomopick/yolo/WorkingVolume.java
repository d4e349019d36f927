package org.tomopick.yolo;

import java.util.Arrays;

import org.tomopick.grid.Normalisation;
import org.tomopick.grid.WorkingGrid;
import org.tomopick.io.DenseVolume;

/**
 * A tomogram as the slice detector sees it: the picker's {@link WorkingGrid} (one binning rule, one normalisation for
 * every stage), read slice by slice. Working index u along an axis is input voxel {@code u*bin + (bin-1)/2}, at
 * {@code (u*bin + (bin-1)/2) * voxel} Angstrom. Slices are padded with zeros at the high end of x and y up to a
 * multiple of 32 ({@link #paddedY()}, {@link #paddedX()}), never resampled.
 */
public final class WorkingVolume {

	private final WorkingGrid grid;
	private final float[] data;
	private final int nz, ny, nx;

	private WorkingVolume(WorkingGrid grid) {
		this.grid = grid;
		this.data = grid.data();
		this.nz = grid.sizeZ();
		this.ny = grid.sizeY();
		this.nx = grid.sizeX();
	}

	/** Slices of a prepared grid (not copied). */
	public static WorkingVolume of(WorkingGrid grid) {
		return new WorkingVolume(grid);
	}

	/**
	 * Bins and normalises a tomogram.
	 *
	 * @throws IllegalArgumentException when the working voxel size is not (within 10%) an integer multiple of the
	 *                                  input voxel size
	 */
	public static WorkingVolume prepare(DenseVolume tomogram, double voxelAngstrom, double workingVoxelAngstrom,
			Normalisation normalisation) {
		return new WorkingVolume(WorkingGrid.prepare(tomogram, voxelAngstrom, workingVoxelAngstrom, normalisation));
	}

	public WorkingGrid grid() {
		return grid;
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

	public double workingVoxelAngstrom() {
		return grid.voxelAngstrom();
	}

	/** Angstrom position of working index u (any axis). */
	public double toAngstrom(double u) {
		return grid.toAngstrom(u);
	}

	/** Working index (fractional) of a position in Angstrom (any axis); the inverse of {@link #toAngstrom}. */
	public double toWorking(double angstrom) {
		return grid.toWorking(angstrom);
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
