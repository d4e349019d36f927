package org.tomopick.sim;

/**
 * The inner loop shared by projection and back-projection: adds a row sampled with linear interpolation at evenly
 * spaced positions into another row. Positions before the first sample take the first value, positions after the
 * last take the last value (edge extension: the specimen continues beyond the volume).
 */
final class LinearRows {

	private LinearRows() {
	}

	/**
	 * {@code dst[dstOff + j] += weight * src(start + j * step)} for j = 0..count-1, where src(p) interpolates
	 * linearly between {@code src[srcOff + floor(p)]} and the next value of a row of n values; step must be > 0.
	 */
	static void accumulate(float[] src, int srcOff, int n, double start, double step, float[] dst, int dstOff,
			int count, float weight) {
		double last = n - 1;
		int jLo = clampIndex(Math.ceil(-start / step), count);
		while (jLo > 0 && start + (jLo - 1) * step >= 0)
			jLo--;
		while (jLo < count && start + jLo * step < 0)
			jLo++;
		int jHi = Math.max(jLo, clampIndex(Math.ceil((last - start) / step), count));
		while (jHi > jLo && start + (jHi - 1) * step >= last)
			jHi--;
		while (jHi < count && start + jHi * step < last)
			jHi++;
		float first = weight * src[srcOff];
		for (int j = 0; j < jLo; j++)
			dst[dstOff + j] += first;
		for (int j = jLo; j < jHi; j++) {
			double p = start + j * step;
			int i = (int) p;
			float f = (float) (p - i);
			float a = src[srcOff + i];
			dst[dstOff + j] += weight * (a + f * (src[srcOff + i + 1] - a));
		}
		float end = weight * src[srcOff + n - 1];
		for (int j = jHi; j < count; j++)
			dst[dstOff + j] += end;
	}

	private static int clampIndex(double v, int count) {
		if (!(v > 0))
			return 0;
		return v >= count ? count : (int) v;
	}
}
