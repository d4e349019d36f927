package org.tomopick.grid;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a binned tomogram is brought to the values every stage sees. Recorded by name in each model's sidecar, so that
 * a model is always fed what it was trained on.
 * <ul>
 * <li>{@link #WHITENED} (what every model trained since the working grid was introduced uses): the noise spectrum is flattened
 * ({@link SpectralWhitening}: each spatial frequency divided by the tomogram's own radially averaged amplitude at
 * that frequency), the result is band-passed to the structures particles are made of, then robust z-scored. Two
 * tomograms whose noise differs in colour (white, ramp-filtered, low-passed by a denoiser), in scale or in sign
 * convention of the mean end up with the same unit, white noise, and the particles in units of that noise;</li>
 * <li>{@link #ROBUST_Z}: the robust z-score alone (the first models, made before the working grid).</li>
 * </ul>
 * Both clip to +-{@link #CLIP} afterwards so that a few very dense voxels (gold, carbon) cannot dominate.
 */
public enum Normalisation {

	WHITENED("whitened-bandpass"), ROBUST_Z("median-mad");

	public static final float CLIP = 6f;
	/** Median and MAD come from an even sample of at most this many voxels. */
	public static final int SAMPLE = 1 << 21;

	private final String id;

	Normalisation(String id) {
		this.id = id;
	}

	/** The name written in model sidecars. */
	public String id() {
		return id;
	}

	/** The method of a sidecar's name. */
	public static Normalisation of(String id) {
		for (Normalisation n : values())
			if (n.id.equals(id))
				return n;
		throw new IllegalArgumentException("unknown normalisation '" + id + "'; known: "
				+ Arrays.stream(values()).map(Normalisation::id).toList());
	}

	/** {@code (v - median) / (1.4826 MAD)} clipped to +-clip; returns {median, scale}. */
	public static double[] robustZInPlace(float[] v, float clip) {
		double[] ms = medianAndMad(evenSample(v, SAMPLE));
		double median = ms[0], scale = ms[1];
		if (!(scale > 0))
			scale = standardDeviation(v, median);
		if (!(scale > 0))
			scale = 1;
		float m = (float) median, inv = (float) (1 / scale);
		for (int i = 0; i < v.length; i++)
			v[i] = Math.max(-clip, Math.min(clip, (v[i] - m) * inv));
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

	/** 1.4826 x the MAD of an even sample of the values, 1 when that is 0. */
	public static double robustScale(float[] values) {
		double mad = medianAndMad(evenSample(values, SAMPLE))[1];
		return mad > 0 ? mad : 1;
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

	@Override
	public String toString() {
		return id.toLowerCase(Locale.ROOT);
	}
}
