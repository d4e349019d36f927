package org.tomopick.unet;

import java.util.Arrays;

/**
 * Robust per-tomogram normalisation: {@code (v - median) / (1.4826 * MAD)}, clipped to {@code [-clip, clip]}, so
 * that tomograms of any scale (real CZII data are about 1e-4) look alike to the network and hot voxels do not
 * dominate. Median and MAD come from an even sample of at most {@link #SAMPLE} voxels. Recorded in the model file
 * as method {@value #METHOD} with its clip value.
 */
public final class RobustNormalizer {

	public static final String METHOD = "median-mad";
	public static final int SAMPLE = 1 << 21;
	public static final double DEFAULT_CLIP = 6;

	private final double clip;

	public RobustNormalizer(double clip) {
		if (!(clip > 0))
			throw new IllegalArgumentException("normalisation clip must be > 0, was " + clip);
		this.clip = clip;
	}

	public double clip() {
		return clip;
	}

	/** Normalises the values in place and returns {median, scale}. */
	public double[] normalizeInPlace(float[] v) {
		double[] medianAndMad = medianAndMad(evenSample(v, SAMPLE));
		double median = medianAndMad[0], scale = medianAndMad[1];
		if (!(scale > 0))
			scale = standardDeviation(v, median);
		if (!(scale > 0))
			scale = 1;
		float m = (float) median, inv = (float) (1 / scale), c = (float) clip;
		for (int i = 0; i < v.length; i++)
			v[i] = Math.max(-c, Math.min(c, (v[i] - m) * inv));
		return new double[] { median, scale };
	}

	/**
	 * The median of some values and 1.4826 x their median absolute deviation (the standard deviation for a normal
	 * distribution; 0 when more than half the values are equal). Sorts and overwrites {@code values}.
	 */
	public static double[] medianAndMad(float[] values) {
		Arrays.sort(values);
		double median = median(values);
		for (int i = 0; i < values.length; i++)
			values[i] = (float) Math.abs(values[i] - median);
		Arrays.sort(values);
		return new double[] { median, 1.4826 * median(values) };
	}

	/** At most {@code max} values spread evenly over {@code v} (a copy of all of them when there are fewer). */
	public static float[] evenSample(float[] v, int max) {
		if (v.length <= max)
			return v.clone();
		float[] s = new float[max];
		double step = (double) v.length / max;
		for (int i = 0; i < max; i++)
			s[i] = v[(int) (i * step)];
		return s;
	}

	private static double median(float[] sorted) {
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
	}

	private static double standardDeviation(float[] v, double centre) {
		double sum = 0;
		for (float x : v)
			sum += (x - centre) * (x - centre);
		return Math.sqrt(sum / v.length);
	}
}
