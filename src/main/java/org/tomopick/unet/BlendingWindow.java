package org.tomopick.unet;

/**
 * The weight profile with which overlapping inference windows are blended: the weight of a voxel is the product of
 * the profile along z, y and x. Weights never fall below {@link #FLOOR}, so a voxel seen by a single window (at the
 * volume's border) keeps that window's prediction exactly after normalisation.
 */
public enum BlendingWindow {
	/** All voxels weigh the same (plain averaging). */
	FLAT,
	/** A raised cosine, highest in the window's centre. */
	HANN,
	/** A gaussian with sigma 1/8 of the window (as nnU-Net). */
	GAUSSIAN;

	public static final double FLOOR = 1e-3;

	/** Weight of position i (0..n-1) along an axis of a window of n voxels. */
	public double weight(int i, int n) {
		double c = (n - 1) / 2.0;
		double w = switch (this) {
		case FLAT -> 1;
		case HANN -> 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / n);
		case GAUSSIAN -> {
			double sigma = n / 8.0;
			yield Math.exp(-(i - c) * (i - c) / (2 * sigma * sigma));
		}
		};
		return Math.max(FLOOR, w);
	}

	/** The 1D profile for a window of n voxels. */
	public float[] profile(int n) {
		float[] p = new float[n];
		for (int i = 0; i < n; i++)
			p[i] = (float) weight(i, n);
		return p;
	}
}
