package org.tomopick.model;

import java.util.Arrays;

/**
 * Maps between Angstrom and voxel indices at every level of a resolution pyramid. Arrays are indexed (z, y, x);
 * positions in Angstrom are (x, y, z). At level L a voxel index i along an axis sits at
 * {@code translation[L] + i * scale[L]} Angstrom (the OME-NGFF convention: the centre of voxel 0 is at the
 * translation). Level 0 of a CZII tomogram has scale 10.012444 A and translation 0.
 */
public final class VoxelGeometry {

	private final double[][] scaleZyx;
	private final double[][] translationZyx;

	/**
	 * @param scaleZyx       per level, the voxel size in Angstrom along z, y, x
	 * @param translationZyx per level, the position of voxel (0,0,0) in Angstrom along z, y, x
	 */
	public VoxelGeometry(double[][] scaleZyx, double[][] translationZyx) {
		if (scaleZyx.length == 0 || scaleZyx.length != translationZyx.length)
			throw new IllegalArgumentException("need one scale and one translation per level");
		this.scaleZyx = new double[scaleZyx.length][];
		this.translationZyx = new double[scaleZyx.length][];
		for (int l = 0; l < scaleZyx.length; l++) {
			if (scaleZyx[l].length != 3 || translationZyx[l].length != 3)
				throw new IllegalArgumentException("level " + l + ": scale and translation need 3 values (z, y, x)");
			for (double s : scaleZyx[l])
				if (!(s > 0) || Double.isInfinite(s))
					throw new IllegalArgumentException("level " + l + ": voxel size must be > 0, was " + s);
			this.scaleZyx[l] = scaleZyx[l].clone();
			this.translationZyx[l] = translationZyx[l].clone();
		}
	}

	/** Isotropic voxels of the given size, no translation, and {@code levels} levels each binned 2x. */
	public static VoxelGeometry isotropic(double voxelSizeAngstrom, int levels) {
		double[][] s = new double[levels][];
		double[][] t = new double[levels][];
		for (int l = 0; l < levels; l++) {
			double v = voxelSizeAngstrom * (1 << l);
			s[l] = new double[] { v, v, v };
			t[l] = new double[3];
		}
		return new VoxelGeometry(s, t);
	}

	public int levels() {
		return scaleZyx.length;
	}

	/** Voxel size along z, y, x at a level, in Angstrom (a copy). */
	public double[] voxelSize(int level) {
		return scaleZyx[check(level)].clone();
	}

	/** Translation along z, y, x at a level, in Angstrom (a copy). */
	public double[] translation(int level) {
		return translationZyx[check(level)].clone();
	}

	/** The voxel size along x at level 0 (the number CoPick calls voxel spacing). */
	public double voxelSpacing() {
		return scaleZyx[0][2];
	}

	public double voxelX(int level, double xAngstrom) {
		return (xAngstrom - translationZyx[check(level)][2]) / scaleZyx[level][2];
	}

	public double voxelY(int level, double yAngstrom) {
		return (yAngstrom - translationZyx[check(level)][1]) / scaleZyx[level][1];
	}

	public double voxelZ(int level, double zAngstrom) {
		return (zAngstrom - translationZyx[check(level)][0]) / scaleZyx[level][0];
	}

	public double angstromX(int level, double voxelX) {
		return translationZyx[check(level)][2] + voxelX * scaleZyx[level][2];
	}

	public double angstromY(int level, double voxelY) {
		return translationZyx[check(level)][1] + voxelY * scaleZyx[level][1];
	}

	public double angstromZ(int level, double voxelZ) {
		return translationZyx[check(level)][0] + voxelZ * scaleZyx[level][0];
	}

	/** The level whose x voxel size is closest to the given size (in Angstrom). */
	public int levelClosestTo(double voxelSizeAngstrom) {
		int best = 0;
		for (int l = 1; l < levels(); l++)
			if (Math.abs(scaleZyx[l][2] - voxelSizeAngstrom) < Math.abs(scaleZyx[best][2] - voxelSizeAngstrom))
				best = l;
		return best;
	}

	private int check(int level) {
		if (level < 0 || level >= scaleZyx.length)
			throw new IllegalArgumentException("no pyramid level " + level + "; levels are 0.." + (scaleZyx.length - 1));
		return level;
	}

	@Override
	public String toString() {
		return "VoxelGeometry" + Arrays.deepToString(scaleZyx);
	}
}
