package org.tomopick.sim;

/**
 * Everything that defines one simulated tomogram: its shape (z, y, x) and voxel size, the seed from which every
 * random choice is derived, and the settings of the tilt series, the microscope, the sample, the reconstruction and
 * the look-alike clutter (none by default). Immutable; {@link #defaults()} is a CZII-like tomogram (184 x 630 x 630
 * voxels of 10.012444 A).
 * {@link #validate()} throws an IllegalArgumentException naming the bad field.
 */
public record SimulationSettings(int sizeZ, int sizeY, int sizeX, double voxelSizeAngstrom, long seed,
		TiltSeriesSettings tilts, MicroscopeSettings microscope, SampleSettings sample,
		ReconstructionSettings reconstruction, ClutterSettings clutter) {

	/** Voxel size of the CZII challenge tomograms, A. */
	public static final double CZII_VOXEL_SIZE = 10.012444;

	public static SimulationSettings defaults() {
		return new SimulationSettings(184, 630, 630, CZII_VOXEL_SIZE, 1, TiltSeriesSettings.defaults(),
				MicroscopeSettings.defaults(), SampleSettings.defaults(), ReconstructionSettings.defaults(),
				ClutterSettings.defaults());
	}

	public SimulationSettings validate() {
		require(sizeZ >= 8 && sizeZ <= 4096, "sizeZ", "must be in [8, 4096]", sizeZ);
		require(sizeY >= 8 && sizeY <= 8192, "sizeY", "must be in [8, 8192]", sizeY);
		require(sizeX >= 8 && sizeX <= 8192, "sizeX", "must be in [8, 8192]", sizeX);
		require((long) sizeZ * sizeY * sizeX < Integer.MAX_VALUE - 8, "shape", "has too many voxels for one array",
				(double) sizeZ * sizeY * sizeX);
		require(voxelSizeAngstrom > 0 && voxelSizeAngstrom < 1000, "voxelSizeAngstrom", "must be in (0, 1000)",
				voxelSizeAngstrom);
		if (tilts == null || microscope == null || sample == null || reconstruction == null || clutter == null)
			throw new IllegalArgumentException("simulation settings: tilts, microscope, sample, reconstruction and "
					+ "clutter settings must all be given");
		tilts.validate();
		microscope.validate();
		sample.validate();
		reconstruction.validate();
		clutter.validate();
		return this;
	}

	static void require(boolean ok, String field, String rule, double value) {
		if (!ok)
			throw new IllegalArgumentException("simulation settings: " + field + " " + rule + ", was " + value);
	}

	/** Shape (z, y, x). */
	public int[] shape() {
		return new int[] { sizeZ, sizeY, sizeX };
	}

	/** Extent of the volume along x, y, z in A. */
	public double extentAngstrom(int axisXyz) {
		int n = axisXyz == 0 ? sizeX : axisXyz == 1 ? sizeY : sizeZ;
		return n * voxelSizeAngstrom;
	}

	public SimulationSettings withShape(int z, int y, int x) {
		return new SimulationSettings(z, y, x, voxelSizeAngstrom, seed, tilts, microscope, sample, reconstruction,
				clutter);
	}

	public SimulationSettings withVoxelSize(double angstrom) {
		return new SimulationSettings(sizeZ, sizeY, sizeX, angstrom, seed, tilts, microscope, sample, reconstruction,
				clutter);
	}

	public SimulationSettings withSeed(long newSeed) {
		return new SimulationSettings(sizeZ, sizeY, sizeX, voxelSizeAngstrom, newSeed, tilts, microscope, sample,
				reconstruction, clutter);
	}

	public SimulationSettings withTilts(TiltSeriesSettings t) {
		return new SimulationSettings(sizeZ, sizeY, sizeX, voxelSizeAngstrom, seed, t, microscope, sample,
				reconstruction, clutter);
	}

	public SimulationSettings withMicroscope(MicroscopeSettings m) {
		return new SimulationSettings(sizeZ, sizeY, sizeX, voxelSizeAngstrom, seed, tilts, m, sample, reconstruction,
				clutter);
	}

	public SimulationSettings withSample(SampleSettings s) {
		return new SimulationSettings(sizeZ, sizeY, sizeX, voxelSizeAngstrom, seed, tilts, microscope, s,
				reconstruction, clutter);
	}

	public SimulationSettings withReconstruction(ReconstructionSettings r) {
		return new SimulationSettings(sizeZ, sizeY, sizeX, voxelSizeAngstrom, seed, tilts, microscope, sample, r,
				clutter);
	}

	public SimulationSettings withClutter(ClutterSettings c) {
		return new SimulationSettings(sizeZ, sizeY, sizeX, voxelSizeAngstrom, seed, tilts, microscope, sample,
				reconstruction, c);
	}
}
