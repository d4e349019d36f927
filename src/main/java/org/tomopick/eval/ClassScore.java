package org.tomopick.eval;

/**
 * The CZII score of one particle class, summed over all scored runs.
 *
 * @param tp                            truth particles hit by at least one pick of the class (distinct truth points)
 * @param fp                            picks minus tp, as the organisers count it (it can be negative when one pick
 *                                      hits several truth particles; see {@link CziiScore})
 * @param fn                            truth particles minus tp
 * @param precision                     tp / picks, 0 without picks
 * @param recall                        tp / truth particles, 0 without truth
 * @param fBeta                         (1 + b^2) P R / (b^2 P + R), 0 when P + R = 0
 * @param meanLocalisationErrorAngstrom over the truth particles that were hit, the mean distance in Angstrom to the
 *                                      nearest pick of the same class and run; NaN when none was hit
 * @param falseDiscoveryRate            fp / picks, 0 without picks
 * @param missRate                      fn / truth particles, 0 without truth
 * @param truthCount                    truth particles of the class in the scored runs (tp + fn)
 * @param pickCount                     picks of the class in the scored runs (tp + fp)
 */
public record ClassScore(int tp, int fp, int fn, double precision, double recall, double fBeta,
		double meanLocalisationErrorAngstrom, double falseDiscoveryRate, double missRate, int truthCount,
		int pickCount) {

	public ClassScore {
		if (tp + fn != truthCount || tp + fp != pickCount)
			throw new IllegalArgumentException("class score counts do not add up: tp " + tp + ", fp " + fp + ", fn "
					+ fn + ", truth " + truthCount + ", picks " + pickCount);
	}

	/**
	 * Builds the score of a class from its summed counts, the way the organisers' metric does.
	 *
	 * @param locErrorSum sum over the hit truth particles of the distance to the nearest pick, in Angstrom
	 */
	static ClassScore of(int tp, int truthCount, int pickCount, double locErrorSum, double beta) {
		int fp = pickCount - tp;
		int fn = truthCount - tp;
		// same expressions, in the same order, as the organisers' Python code
		double precision = tp + fp > 0 ? (double) tp / (tp + fp) : 0;
		double recall = tp + fn > 0 ? (double) tp / (tp + fn) : 0;
		double b2 = beta * beta;
		double fBeta = precision + recall > 0 ? (1 + b2) * (precision * recall) / (b2 * precision + recall) : 0.0;
		double locError = tp > 0 ? locErrorSum / tp : Double.NaN;
		double fdr = pickCount > 0 ? (double) fp / pickCount : 0;
		double missRate = truthCount > 0 ? (double) fn / truthCount : 0;
		return new ClassScore(tp, fp, fn, precision, recall, fBeta, locError, fdr, missRate, truthCount, pickCount);
	}
}
