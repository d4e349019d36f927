package org.tomopick.io.mrc;

import java.util.Objects;

import org.tomopick.io.DenseVolume;

/**
 * A volume read from an MRC file with its geometry: the voxel size and the origin along (z, y, x), both in Angstrom,
 * as the MRC header gives them (CELLA / MXYZ and ORIGIN).
 */
public record MrcVolume(DenseVolume volume, double[] voxelSizeZyx, double[] originZyx) {

	public MrcVolume {
		Objects.requireNonNull(volume, "volume");
		if (voxelSizeZyx.length != 3 || originZyx.length != 3)
			throw new IllegalArgumentException("voxel size and origin need 3 values (z, y, x)");
		voxelSizeZyx = voxelSizeZyx.clone();
		originZyx = originZyx.clone();
	}

	/** A volume with the same voxel size along every axis and the origin at 0. */
	public static MrcVolume isotropic(DenseVolume volume, double voxelSize) {
		return new MrcVolume(volume, new double[] { voxelSize, voxelSize, voxelSize }, new double[3]);
	}

	@Override
	public double[] voxelSizeZyx() {
		return voxelSizeZyx.clone();
	}

	@Override
	public double[] originZyx() {
		return originZyx.clone();
	}
}
