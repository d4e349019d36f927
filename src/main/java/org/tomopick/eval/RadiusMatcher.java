package org.tomopick.eval;

import java.util.Arrays;

/**
 * Finds, for each reference point, the nearest candidate point within a radius: the matching step of the CZII
 * score, done with a uniform grid (cell list) over the candidates instead of scipy's KDTree, so that 100 000 x
 * 100 000 points take well under a second instead of 10^10 distance computations.
 * <p>
 * The test is the one of scipy's {@code KDTree.query_ball_tree(other, r)} with p = 2 and eps = 0: a candidate is
 * within range when {@code dx*dx + dy*dy + dz*dz <= r*r}, summed in the order x, y, z in double precision, which is
 * what scipy's {@code traverse_checking} does for leaf pairs ({@code d <= tub} with {@code tub = r * r}).
 * Points are packed {x0, y0, z0, x1, y1, z1, ...}.
 */
public final class RadiusMatcher {

	/** Cells per axis at most; with more, the cells grow (still correct, only slower). */
	private static final long MAX_CELLS = 1L << 20;
	private static final int BITS = 21;
	/** Cells are a little larger than the radius so that rounding in the cell index can never skip a neighbour. */
	private static final double CELL_MARGIN = 1 + 1e-6;

	private RadiusMatcher() {}

	/**
	 * @param reference  packed reference (truth) points
	 * @param candidates packed candidate (predicted) points
	 * @param radius     the match radius, > 0
	 * @return for each reference point, the distance to its nearest candidate within {@code radius}, or NaN when no
	 *         candidate is within range
	 */
	public static double[] nearestWithin(double[] reference, double[] candidates, double radius) {
		if (reference.length % 3 != 0 || candidates.length % 3 != 0)
			throw new IllegalArgumentException("packed points need 3 values each (x, y, z); got " + reference.length
					+ " reference and " + candidates.length + " candidate values");
		if (!(radius > 0) || Double.isInfinite(radius))
			throw new IllegalArgumentException("match radius must be > 0 and finite, was " + radius);
		int nRef = reference.length / 3, nCand = candidates.length / 3;
		double[] nearest = new double[nRef];
		Arrays.fill(nearest, Double.NaN);
		if (nRef == 0 || nCand == 0)
			return nearest;

		double[] min = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
		double[] max = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		for (int i = 0; i < nCand; i++)
			for (int a = 0; a < 3; a++) {
				min[a] = Math.min(min[a], candidates[3 * i + a]);
				max[a] = Math.max(max[a], candidates[3 * i + a]);
			}
		double cell = radius * CELL_MARGIN;
		for (int a = 0; a < 3; a++)
			cell = Math.max(cell, (max[a] - min[a]) / (MAX_CELLS - 2));

		// sort the candidates by cell key
		long[] keyOf = new long[nCand];
		Integer[] order = new Integer[nCand];
		for (int i = 0; i < nCand; i++) {
			keyOf[i] = key(cellIndex(candidates[3 * i], min[0], cell), cellIndex(candidates[3 * i + 1], min[1], cell),
					cellIndex(candidates[3 * i + 2], min[2], cell));
			order[i] = i;
		}
		Arrays.sort(order, (p, q) -> Long.compare(keyOf[p], keyOf[q]));
		long[] sortedKeys = new long[nCand];
		double[] sorted = new double[3 * nCand];
		for (int k = 0; k < nCand; k++) {
			int i = order[k];
			sortedKeys[k] = keyOf[i];
			System.arraycopy(candidates, 3 * i, sorted, 3 * k, 3);
		}

		double r2 = radius * radius;
		for (int t = 0; t < nRef; t++) {
			double x = reference[3 * t], y = reference[3 * t + 1], z = reference[3 * t + 2];
			long cx = cellIndex(x, min[0], cell), cy = cellIndex(y, min[1], cell), cz = cellIndex(z, min[2], cell);
			double best = Double.POSITIVE_INFINITY;
			for (long ix = cx - 1; ix <= cx + 1; ix++)
				for (long iy = cy - 1; iy <= cy + 1; iy++)
					for (long iz = cz - 1; iz <= cz + 1; iz++) {
						if (!inGrid(ix) || !inGrid(iy) || !inGrid(iz))
							continue;
						long k = key(ix, iy, iz);
						for (int c = lowerBound(sortedKeys, k); c < nCand && sortedKeys[c] == k; c++) {
							double dx = sorted[3 * c] - x, dy = sorted[3 * c + 1] - y, dz = sorted[3 * c + 2] - z;
							double d2 = dx * dx + dy * dy + dz * dz;
							if (d2 <= r2 && d2 < best)
								best = d2;
						}
					}
			if (best != Double.POSITIVE_INFINITY)
				nearest[t] = Math.sqrt(best);
		}
		return nearest;
	}

	/** The cell along one axis; far-away reference points get indices outside the grid and are skipped. */
	private static long cellIndex(double v, double min, double cell) {
		double i = Math.floor((v - min) / cell);
		return (long) Math.max(-2, Math.min(MAX_CELLS + 2, i));
	}

	private static boolean inGrid(long i) {
		return i >= 0 && i < MAX_CELLS;
	}

	private static long key(long ix, long iy, long iz) {
		return (ix << (2 * BITS)) | (iy << BITS) | iz;
	}

	private static int lowerBound(long[] a, long k) {
		int lo = 0, hi = a.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (a[mid] < k)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo;
	}
}
