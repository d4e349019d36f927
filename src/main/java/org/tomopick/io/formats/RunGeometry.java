package org.tomopick.io.formats;

/**
 * What a pixel format needs to know of a run's tomogram: its pixel size in Ångström and, for centred coordinates
 * (RELION 5), its size in pixels along x, y, z (null when unknown).
 */
public record RunGeometry(double pixelAngstrom, int[] sizeXyz) {

	public RunGeometry {
		if (!(pixelAngstrom > 0) || Double.isInfinite(pixelAngstrom))
			throw new IllegalArgumentException("pixel size must be a positive number of Angstrom, was " + pixelAngstrom);
		if (sizeXyz != null && (sizeXyz.length != 3 || sizeXyz[0] < 1 || sizeXyz[1] < 1 || sizeXyz[2] < 1))
			throw new IllegalArgumentException("tomogram size must be 3 positive numbers of pixels (x, y, z)");
		sizeXyz = sizeXyz == null ? null : sizeXyz.clone();
	}

	/** The centre (Å, TomoPick's frame) that RELION 5's centred coordinates count from, along axis a (0 x, 1 y, 2 z). */
	double centreAngstrom(String run, int a) {
		if (sizeXyz == null)
			throw new IllegalArgumentException("run " + run + ": RELION 5's centred coordinates need the tomogram's "
					+ "size (give --tomogram-size X,Y,Z, or a project that holds the tomogram)");
		return sizeXyz[a] / 2.0 * pixelAngstrom;
	}
}
