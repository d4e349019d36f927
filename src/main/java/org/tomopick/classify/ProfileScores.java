package org.tomopick.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Learned matched filters on the radial density profile: for each particle class, the linear discriminant that best
 * tells a proposal of that class from background by its shell means (all directions and equatorial ones), fitted on
 * the training proposals. Its weights are {@code w = S^-1 (m_c - m_b)}, with {@code m_c} and {@code m_b} the class
 * and background means of the profile and {@code S} the background covariance (ridged by a thousandth of its mean
 * variance): the detector a matched filter is under correlated Gaussian noise. Two features per class go to the
 * forest:
 * <ul>
 * <li>{@code profile_z_<class>}: {@code w . (x - m_b) / sqrt(w' S w)}, how many background standard deviations the
 * profile lies towards the class (large at high signal-to-noise, near 0 on background);
 * <li>{@code profile_cos_<class>}: the cosine between {@code x - m_b} and {@code m_c - m_b} in the background's
 * whitened space ({@code S^-1/2}), the match of the profile's shape whatever its contrast.
 * </ul>
 * A single forest split on one of these pools the evidence of every shell, which the forest's single-feature splits
 * cannot do where each shell alone is buried in noise. Classes without examples get zero weights (scores 0).
 */
public final class ProfileScores {

	/** The descriptor features a profile is made of. */
	public static final List<String> INPUT_PREFIXES = List.of("shell_mean_", "shell_equator_");

	private final int[] inputs;
	private final double[] backgroundMean;
	/** Per class (catalog order): the weights w, and the factors that turn w.(x - m_b) into z and the cosine. */
	private final double[][] weights;
	private final double[] zScale;
	/** Per class: the whitening of the cosine: S^-1 (m_c - m_b) . (x - m_b) over |m_c - m_b|_{S^-1}. */
	private final double[][] cholesky;
	private final List<String> classNames;

	ProfileScores(int[] inputs, double[] backgroundMean, double[][] weights, double[][] cholesky,
			List<String> classNames) {
		int d = inputs.length;
		if (d == 0 || backgroundMean.length != d || cholesky.length != d || weights.length != classNames.size())
			throw new IllegalArgumentException("profile scores: " + d + " inputs, " + backgroundMean.length
					+ " means, a " + cholesky.length + "-row factor and " + weights.length + " weight rows for "
					+ classNames.size() + " classes");
		for (double[] w : weights)
			if (w.length != d)
				throw new IllegalArgumentException("profile scores: a weight row has " + w.length + " values, not " + d);
		for (double[] row : cholesky)
			if (row.length != d)
				throw new IllegalArgumentException("profile scores: the factor is not " + d + "x" + d);
		for (double[] row : concat(weights, cholesky, new double[][] { backgroundMean }))
			for (double v : row)
				if (!Double.isFinite(v))
					throw new IllegalArgumentException("profile scores: a value is not finite");
		this.inputs = inputs.clone();
		this.backgroundMean = backgroundMean.clone();
		this.weights = deepCopy(weights);
		this.cholesky = deepCopy(cholesky);
		this.classNames = List.copyOf(classNames);
		this.zScale = new double[weights.length];
		for (int c = 0; c < weights.length; c++) {
			double[] lw = multiplyTransposed(this.cholesky, this.weights[c]); // L' w: |L' w|^2 = w' S w
			double norm = Math.sqrt(dot(lw, lw));
			zScale[c] = norm > 0 ? 1 / norm : 0;
		}
	}

	/** The indices of the profile's features among {@code featureNames}. */
	public static int[] inputsOf(List<String> featureNames) {
		return java.util.stream.IntStream.range(0, featureNames.size())
				.filter(i -> INPUT_PREFIXES.stream().anyMatch(featureNames.get(i)::startsWith)).toArray();
	}

	/**
	 * Fits the filters on labelled rows ({@code labels[i]} 0 for background, c + 1 for the c-th class of
	 * {@code classNames}).
	 */
	public static ProfileScores fit(double[][] x, int[] labels, List<String> featureNames, List<String> classNames) {
		int[] in = inputsOf(featureNames);
		int d = in.length;
		if (d == 0)
			throw new IllegalArgumentException("no shell features to build profiles from");
		double[][] mean = new double[classNames.size() + 1][d];
		int[] count = new int[classNames.size() + 1];
		for (int i = 0; i < x.length; i++) {
			count[labels[i]]++;
			for (int j = 0; j < d; j++)
				mean[labels[i]][j] += x[i][in[j]];
		}
		if (count[0] < d + 1)
			throw new IllegalArgumentException(count[0] + " background examples cannot fit profile scores of " + d
					+ " values");
		for (int c = 0; c < mean.length; c++)
			for (int j = 0; j < d; j++)
				mean[c][j] /= Math.max(1, count[c]);
		double[][] cov = new double[d][d];
		for (int i = 0; i < x.length; i++) {
			if (labels[i] != 0)
				continue;
			for (int j = 0; j < d; j++) {
				double a = x[i][in[j]] - mean[0][j];
				for (int k = 0; k <= j; k++)
					cov[j][k] += a * (x[i][in[k]] - mean[0][k]);
			}
		}
		double trace = 0;
		for (int j = 0; j < d; j++) {
			for (int k = 0; k <= j; k++) {
				cov[j][k] /= count[0] - 1;
				cov[k][j] = cov[j][k];
			}
			trace += cov[j][j];
		}
		for (int j = 0; j < d; j++)
			cov[j][j] += 1e-3 * trace / d;
		double[][] l = cholesky(cov);
		double[][] w = new double[classNames.size()][];
		for (int c = 0; c < classNames.size(); c++) {
			double[] diff = new double[d];
			if (count[c + 1] > 0)
				for (int j = 0; j < d; j++)
					diff[j] = mean[c + 1][j] - mean[0][j];
			w[c] = solve(l, diff);
		}
		return new ProfileScores(in, mean[0], w, l, classNames);
	}

	/** Feature names of {@link #scores}: z then cosine, per class. */
	public List<String> names() {
		List<String> names = new ArrayList<>();
		for (String c : classNames) {
			names.add("profile_z_" + c);
			names.add("profile_cos_" + c);
		}
		return names;
	}

	/** The scores of one descriptor row, in the order of {@link #names()}. */
	public double[] scores(double[] row) {
		int d = inputs.length;
		double[] centred = new double[d];
		for (int j = 0; j < d; j++)
			centred[j] = row[inputs[j]] - backgroundMean[j];
		// whitened profile: L^-1 (x - m_b), so that |.|^2 = (x - m_b)' S^-1 (x - m_b)
		double norm = Math.sqrt(dot(centred, solve(cholesky, centred)));
		double[] out = new double[2 * weights.length];
		for (int c = 0; c < weights.length; c++) {
			double projection = dot(weights[c], centred);
			out[2 * c] = projection * zScale[c];
			// (m_c - m_b)' S^-1 (x - m_b) over both whitened lengths; (m_c - m_b)' S^-1 = w'
			double classNorm = zScale[c] > 0 ? 1 / zScale[c] : 0;
			out[2 * c + 1] = norm > 0 && classNorm > 0 ? projection / (norm * classNorm) : 0;
		}
		return out;
	}

	/** The row with the scores appended. */
	public double[] augment(double[] row) {
		double[] s = scores(row);
		double[] out = Arrays.copyOf(row, row.length + s.length);
		System.arraycopy(s, 0, out, row.length, s.length);
		return out;
	}

	int[] inputs() {
		return inputs.clone();
	}

	double[] backgroundMean() {
		return backgroundMean.clone();
	}

	double[][] weights() {
		return deepCopy(weights);
	}

	double[][] cholesky() {
		return deepCopy(cholesky);
	}

	List<String> classNames() {
		return classNames;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ProfileScores p && Arrays.equals(inputs, p.inputs)
				&& Arrays.equals(backgroundMean, p.backgroundMean) && Arrays.deepEquals(weights, p.weights)
				&& Arrays.deepEquals(cholesky, p.cholesky) && classNames.equals(p.classNames);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(backgroundMean) * 31 + Arrays.deepHashCode(weights);
	}

	/** Lower-triangular L with L L' = a (a symmetric positive definite). */
	static double[][] cholesky(double[][] a) {
		int n = a.length;
		double[][] l = new double[n][n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j <= i; j++) {
				double s = a[i][j];
				for (int k = 0; k < j; k++)
					s -= l[i][k] * l[j][k];
				if (i == j) {
					if (s <= 0)
						throw new IllegalArgumentException("the background covariance is not positive definite");
					l[i][i] = Math.sqrt(s);
				} else {
					l[i][j] = s / l[j][j];
				}
			}
		return l;
	}

	/** x with L L' x = b. */
	static double[] solve(double[][] l, double[] b) {
		int n = b.length;
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			double s = b[i];
			for (int k = 0; k < i; k++)
				s -= l[i][k] * y[k];
			y[i] = s / l[i][i];
		}
		double[] x = new double[n];
		for (int i = n - 1; i >= 0; i--) {
			double s = y[i];
			for (int k = i + 1; k < n; k++)
				s -= l[k][i] * x[k];
			x[i] = s / l[i][i];
		}
		return x;
	}

	private static double[] multiplyTransposed(double[][] l, double[] v) {
		int n = v.length;
		double[] out = new double[n];
		for (int j = 0; j < n; j++)
			for (int i = j; i < n; i++)
				out[j] += l[i][j] * v[i];
		return out;
	}

	private static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++)
			s += a[i] * b[i];
		return s;
	}

	private static double[][] deepCopy(double[][] a) {
		double[][] out = new double[a.length][];
		for (int i = 0; i < a.length; i++)
			out[i] = a[i].clone();
		return out;
	}

	private static double[][] concat(double[][]... parts) {
		return Arrays.stream(parts).flatMap(Arrays::stream).toArray(double[][]::new);
	}
}
