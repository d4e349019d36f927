package org.tomopick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RadiusMatcherTest {

	/** The obvious O(n m) search, written independently of the grid. */
	private static double[] bruteForce(double[] ref, double[] cand, double r) {
		double[] out = new double[ref.length / 3];
		for (int t = 0; t < out.length; t++) {
			double best = Double.NaN;
			for (int c = 0; c < cand.length / 3; c++) {
				double dx = cand[3 * c] - ref[3 * t], dy = cand[3 * c + 1] - ref[3 * t + 1],
						dz = cand[3 * c + 2] - ref[3 * t + 2];
				double d2 = dx * dx + dy * dy + dz * dz;
				if (d2 <= r * r && !(Math.sqrt(d2) >= best))
					best = Math.sqrt(d2);
			}
			out[t] = best;
		}
		return out;
	}

	private static double[] randomPoints(Random rnd, int n, double extent, boolean integer) {
		double[] p = new double[3 * n];
		for (int i = 0; i < p.length; i++)
			p[i] = integer ? rnd.nextInt((int) extent) : rnd.nextDouble() * extent;
		return p;
	}

	@Test
	void agreesWithBruteForceIncludingExactBoundaries() {
		Random rnd = new Random(42);
		for (int trial = 0; trial < 40; trial++) {
			boolean integer = trial % 2 == 0; // integer coordinates give many pairs exactly at the radius
			double[] ref = randomPoints(rnd, 1 + rnd.nextInt(200), 300, integer);
			double[] cand = randomPoints(rnd, rnd.nextInt(200), 300, integer);
			double r = integer ? 5 + rnd.nextInt(30) : 1 + rnd.nextDouble() * 40;
			double[] expected = bruteForce(ref, cand, r);
			double[] actual = RadiusMatcher.nearestWithin(ref, cand, r);
			for (int i = 0; i < expected.length; i++)
				assertEquals(expected[i], actual[i], 0, "trial " + trial + " point " + i);
		}
	}

	@Test
	void distanceExactlyAtTheRadiusIsInside() {
		double[] ref = { 0, 0, 0, 100, 0, 0 };
		double[] cand = { 3, 4, 0, 100, 0, 5.000000001 };
		double[] d = RadiusMatcher.nearestWithin(ref, cand, 5);
		assertEquals(5.0, d[0], 0); // 3-4-5 triangle: 9 + 16 = 25 = 5 * 5
		assertTrue(Double.isNaN(d[1]));
	}

	@Test
	void farApartAndHugeCoordinatesStillMatch() {
		// candidates spread over 1e9 A: the grid must grow its cells rather than overflow its keys
		double[] ref = { 0, 0, 0, 1e9, 1e9, 1e9, -5e12, 0, 0, 5e8, 5e8, 5e8 };
		double[] cand = { 1, 0, 0, 1e9, 1e9 + 2, 1e9, 5e8 + 20, 5e8, 5e8 };
		double[] d = RadiusMatcher.nearestWithin(ref, cand, 10);
		assertEquals(1, d[0], 0);
		assertEquals(2, d[1], 0);
		assertTrue(Double.isNaN(d[2]));
		assertTrue(Double.isNaN(d[3]));
	}

	@Test
	void emptyInputsAndBadArguments() {
		assertEquals(0, RadiusMatcher.nearestWithin(new double[0], new double[] { 1, 2, 3 }, 1).length);
		assertTrue(Double.isNaN(RadiusMatcher.nearestWithin(new double[] { 1, 2, 3 }, new double[0], 1)[0]));
		assertThrows(IllegalArgumentException.class, () -> RadiusMatcher.nearestWithin(new double[4], new double[3], 1));
		assertThrows(IllegalArgumentException.class, () -> RadiusMatcher.nearestWithin(new double[3], new double[3], 0));
	}

	@Test
	@Timeout(20)
	void hundredThousandByHundredThousandIsFast() {
		Random rnd = new Random(7);
		double[] ref = randomPoints(rnd, 100_000, 6000, false);
		double[] cand = randomPoints(rnd, 100_000, 6000, false);
		double[] d = RadiusMatcher.nearestWithin(ref, cand, 75);
		// check a sample against brute force
		for (int t = 0; t < 100_000; t += 997) {
			double[] one = { ref[3 * t], ref[3 * t + 1], ref[3 * t + 2] };
			assertEquals(bruteForce(one, cand, 75)[0], d[t], 0);
		}
	}
}
