package org.tomopick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/** Hand-made cases whose answers are worked out here by arithmetic, and a random test against a brute-force scorer. */
class CziiScoreTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();
	private static final ParticleClass FERRITIN = CZII.get("apo-ferritin"); // r 60 -> match 30 A, weight 1
	private static final ParticleClass AMYLASE = CZII.get("beta-amylase"); // r 65 -> 32.5 A, weight 0
	private static final ParticleClass GALACTO = CZII.get("beta-galactosidase"); // r 90 -> 45 A, weight 2
	private static final ParticleClass RIBOSOME = CZII.get("ribosome"); // r 150 -> 75 A, weight 1
	private static final ParticleClass THYRO = CZII.get("thyroglobulin"); // r 130 -> 65 A, weight 2
	private static final ParticleClass VLP = CZII.get("virus-like-particle"); // r 135 -> 67.5 A, weight 1
	private static final double ALL_WEIGHTS = 1 + 0 + 2 + 1 + 2 + 1;

	private final CziiScore scorer = new CziiScore(CZII);

	private static Particle p(ParticleClass c, double x, double y, double z) {
		return new Particle(c, x, y, z, 1, Provenance.IMPORTED);
	}

	private static double f4(double precision, double recall) {
		return precision + recall == 0 ? 0 : 17 * precision * recall / (16 * precision + recall);
	}

	private ScoreReport one(List<Particle> truth, List<Particle> picks) {
		return scorer.score(Map.of("TS_1", truth), Map.of("TS_1", picks));
	}

	@Test
	void pickExactlyAtHalfTheRadiusIsAHit() {
		// 30 A along x, and 18-24-0 (324 + 576 = 900 = 30^2) on a diagonal: both exactly at 0.5 x 60 A
		ScoreReport r = one(List.of(p(FERRITIN, 1000, 1000, 1000), p(FERRITIN, 2000, 2000, 2000)),
				List.of(p(FERRITIN, 1030, 1000, 1000), p(FERRITIN, 2018, 2024, 2000)));
		ClassScore s = r.classes().get("apo-ferritin");
		assertEquals(2, s.tp());
		assertEquals(0, s.fp());
		assertEquals(0, s.fn());
		assertEquals(1.0, s.fBeta());
		assertEquals(30.0, s.meanLocalisationErrorAngstrom(), 1e-12);
		assertEquals(1.0 / ALL_WEIGHTS, r.weightedFBeta(), 1e-15);
	}

	@Test
	void pickJustOutsideHalfTheRadiusIsAMiss() {
		ClassScore s = one(List.of(p(FERRITIN, 1000, 1000, 1000)), List.of(p(FERRITIN, 1030.0001, 1000, 1000)))
				.classes().get("apo-ferritin");
		assertEquals(0, s.tp());
		assertEquals(1, s.fp());
		assertEquals(1, s.fn());
		assertEquals(0.0, s.precision());
		assertEquals(0.0, s.recall());
		assertEquals(0.0, s.fBeta());
		assertTrue(Double.isNaN(s.meanLocalisationErrorAngstrom()));
		assertEquals(1.0, s.falseDiscoveryRate());
		assertEquals(1.0, s.missRate());
	}

	@Test
	void twoPicksOnOneTruthPointAreOneHitAndOneFalsePositive() {
		ClassScore s = one(List.of(p(RIBOSOME, 500, 500, 500)),
				List.of(p(RIBOSOME, 510, 500, 500), p(RIBOSOME, 500, 530, 500))).classes().get("ribosome");
		assertEquals(1, s.tp());
		assertEquals(1, s.fp());
		assertEquals(0, s.fn());
		assertEquals(0.5, s.precision());
		assertEquals(1.0, s.recall());
		assertEquals(17 * 0.5 / (16 * 0.5 + 1), s.fBeta(), 1e-15); // 8.5 / 9
		assertEquals(10.0, s.meanLocalisationErrorAngstrom(), 1e-12); // nearest of 10 and 30
		assertEquals(0.5, s.falseDiscoveryRate());
	}

	@Test
	void onePickNearTwoTruthPointsHitsBoth() {
		// query_ball_tree lists both truth points for the pick: tp 2, fp = 1 - 2 = -1, precision 2 / 1 = 2
		ClassScore s = one(List.of(p(RIBOSOME, 0, 0, 0), p(RIBOSOME, 100, 0, 0)), List.of(p(RIBOSOME, 50, 0, 0)))
				.classes().get("ribosome");
		assertEquals(2, s.tp());
		assertEquals(-1, s.fp());
		assertEquals(0, s.fn());
		assertEquals(2.0, s.precision());
		assertEquals(1.0, s.recall());
		assertEquals(17.0 * 2 / (16 * 2 + 1), s.fBeta(), 1e-15); // 34 / 33, above 1 as in the organisers' code
		assertEquals(50.0, s.meanLocalisationErrorAngstrom(), 1e-12);
	}

	@Test
	void wrongClassNeverHits() {
		ScoreReport r = one(List.of(p(FERRITIN, 100, 100, 100), p(GALACTO, 900, 900, 900)),
				List.of(p(GALACTO, 100, 100, 100)));
		ClassScore fe = r.classes().get("apo-ferritin");
		ClassScore ga = r.classes().get("beta-galactosidase");
		assertEquals(List.of(0, 0, 1), List.of(fe.tp(), fe.fp(), fe.fn()));
		assertEquals(List.of(0, 1, 1), List.of(ga.tp(), ga.fp(), ga.fn()));
		assertEquals(0.0, r.weightedFBeta());
	}

	@Test
	void emptyPicksScoreZero() {
		ScoreReport r = one(List.of(p(THYRO, 1, 2, 3), p(THYRO, 400, 2, 3)), List.of());
		ClassScore s = r.classes().get("thyroglobulin");
		assertEquals(List.of(0, 0, 2), List.of(s.tp(), s.fp(), s.fn()));
		assertEquals(0.0, s.precision());
		assertEquals(0.0, s.falseDiscoveryRate(), "no picks: nothing was falsely discovered");
		assertEquals(1.0, s.missRate());
		assertEquals(0.0, r.weightedFBeta());
	}

	@Test
	void classAbsentFromTheTruthIsNotScoredAndItsPicksAreIgnored() {
		ScoreReport r = one(List.of(p(VLP, 0, 0, 0)),
				List.of(p(VLP, 10, 0, 0), p(FERRITIN, 500, 500, 500), p(GALACTO, 800, 0, 0)));
		assertEquals(List.of("virus-like-particle"), List.copyOf(r.classes().keySet()));
		assertEquals(2, r.ignoredPickCount());
		// perfect VLP (weight 1) over all weights 7
		assertEquals(1 / ALL_WEIGHTS, r.weightedFBeta(), 1e-15);
	}

	@Test
	void runWithoutTruthOfAScoredClassCountsItsPicksAsFalsePositives() {
		Map<String, List<Particle>> truth = Map.of("A", List.of(p(RIBOSOME, 0, 0, 0)), "B", List.of(p(FERRITIN, 0, 0, 0)));
		Map<String, List<Particle>> picks = Map.of("A", List.of(p(RIBOSOME, 0, 0, 0)), "B",
				List.of(p(FERRITIN, 0, 0, 0), p(RIBOSOME, 0, 0, 0)));
		ClassScore s = scorer.score(truth, picks).classes().get("ribosome");
		assertEquals(List.of(1, 1, 0), List.of(s.tp(), s.fp(), s.fn()));
	}

	@Test
	void runsAbsentFromTheTruthAreIgnored() {
		Map<String, List<Particle>> truth = new LinkedHashMap<>();
		truth.put("A", List.of(p(RIBOSOME, 0, 0, 0)));
		truth.put("EMPTY", List.of()); // a DataFrame cannot hold a run without rows: this run is not scored
		Map<String, List<Particle>> picks = Map.of("A", List.of(p(RIBOSOME, 3, 4, 0)), "EMPTY",
				List.of(p(RIBOSOME, 0, 0, 0)), "OTHER", List.of(p(RIBOSOME, 0, 0, 0), p(FERRITIN, 0, 0, 0)));
		ScoreReport r = scorer.score(truth, picks);
		ClassScore s = r.classes().get("ribosome");
		assertEquals(List.of(1, 0, 0), List.of(s.tp(), s.fp(), s.fn()));
		assertEquals(5.0, s.meanLocalisationErrorAngstrom(), 1e-12);
		assertEquals(3, r.ignoredPickCount());
	}

	@Test
	void countsAreSummedOverRunsBeforePrecisionAndRecall() {
		// run A: 3 truth, 2 hit, 1 extra pick; run B: 2 truth, 1 hit, 2 extra picks
		Map<String, List<Particle>> truth = Map.of(
				"A", List.of(p(THYRO, 0, 0, 0), p(THYRO, 1000, 0, 0), p(THYRO, 2000, 0, 0)),
				"B", List.of(p(THYRO, 0, 0, 0), p(THYRO, 1000, 0, 0)));
		Map<String, List<Particle>> picks = Map.of(
				"A", List.of(p(THYRO, 10, 0, 0), p(THYRO, 1000, 20, 0), p(THYRO, 5000, 0, 0)),
				"B", List.of(p(THYRO, 0, 0, 40), p(THYRO, 3000, 0, 0), p(THYRO, 4000, 0, 0)));
		ScoreReport r = scorer.score(truth, picks);
		ClassScore s = r.classes().get("thyroglobulin");
		assertEquals(List.of(3, 3, 2, 5, 6), List.of(s.tp(), s.fp(), s.fn(), s.truthCount(), s.pickCount()));
		double precision = 3.0 / 6, recall = 3.0 / 5;
		assertEquals(precision, s.precision(), 1e-15);
		assertEquals(recall, s.recall(), 1e-15);
		// (1 + 16) P R / (16 P + R) = 17 * 0.3 / (8 + 0.6) = 5.1 / 8.6
		assertEquals(5.1 / 8.6, s.fBeta(), 1e-15);
		assertEquals(f4(precision, recall), s.fBeta(), 1e-15);
		assertEquals((10 + 20 + 40) / 3.0, s.meanLocalisationErrorAngstrom(), 1e-12);
		assertEquals(0.5, s.falseDiscoveryRate(), 1e-15);
		assertEquals(0.4, s.missRate(), 1e-15);
		// thyroglobulin has weight 2 of 7
		assertEquals(2 * (5.1 / 8.6) / 7, r.weightedFBeta(), 1e-15);
	}

	@Test
	void weightedMeanDividesByAllWeightsAndBetaAmylaseCountsZero() {
		// every class present; all perfect except beta-amylase (missed) and thyroglobulin (P 0.6, R 0.75)
		List<Particle> truth = new ArrayList<>();
		List<Particle> picks = new ArrayList<>();
		double x = 0;
		for (ParticleClass c : List.of(FERRITIN, GALACTO, RIBOSOME, VLP)) {
			truth.add(p(c, x, 0, 0));
			picks.add(p(c, x, 0, 0));
			x += 1000;
		}
		truth.add(p(AMYLASE, x, 0, 0));
		x += 1000;
		// thyroglobulin: 4 truth, 3 hit, 5 picks -> P 3/5, R 3/4
		for (int i = 0; i < 4; i++)
			truth.add(p(THYRO, x + 1000 * i, 0, 0));
		for (int i = 0; i < 3; i++)
			picks.add(p(THYRO, x + 1000 * i, 5, 0));
		picks.add(p(THYRO, x, 0, 9000));
		picks.add(p(THYRO, x, 0, 10000));
		ScoreReport r = one(truth, picks);
		double thyro = 17 * 0.6 * 0.75 / (16 * 0.6 + 0.75); // 7.65 / 10.35
		assertEquals(7.65 / 10.35, r.classes().get("thyroglobulin").fBeta(), 1e-15);
		assertEquals(0.0, r.classes().get("beta-amylase").fBeta());
		assertEquals((1 * 1 + 0 * 0 + 2 * 1 + 1 * 1 + 2 * thyro + 1 * 1) / 7, r.weightedFBeta(), 1e-15);
		assertEquals(6, r.classes().size());
		assertEquals(List.of("apo-ferritin", "beta-amylase", "beta-galactosidase", "ribosome", "thyroglobulin",
				"virus-like-particle"), List.copyOf(r.classes().keySet()), "catalog order");
	}

	@Test
	void perfectPicksOfEveryClassScoreOne() {
		List<Particle> truth = new ArrayList<>();
		int i = 0;
		for (ParticleClass c : CZII.classes())
			truth.add(p(c, 1000 * i++, 0, 0));
		assertEquals(1.0, one(truth, truth).weightedFBeta(), 1e-15);
	}

	@Test
	void invalidInputIsRejected() {
		ParticleClass alien = new ParticleClass("alien", 9, FERRITIN.color(), 50, 1, "");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> one(List.of(p(FERRITIN, 0, 0, 0)), List.of(p(alien, 0, 0, 0))));
		assertTrue(e.getMessage().contains("alien") && e.getMessage().contains("TS_1"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> one(List.of(p(alien, 0, 0, 0)), List.of()));
		// the organisers assert that no two truth rows of a run share x, y, z, whatever their classes
		e = assertThrows(IllegalArgumentException.class,
				() -> one(List.of(p(FERRITIN, 1, 2, 3), p(RIBOSOME, 1, 2, 3)), List.of()));
		assertTrue(e.getMessage().contains("TS_1"), e.getMessage());
		// unknown classes in runs that are not scored are dropped before the check, as in the organisers' code
		assertEquals(1, scorer.score(Map.of("A", List.of(p(FERRITIN, 0, 0, 0))),
				Map.of("B", List.of(p(alien, 0, 0, 0)))).ignoredPickCount());
		assertThrows(IllegalArgumentException.class, () -> new CziiScore(CZII, 0, 4));
		assertThrows(IllegalArgumentException.class, () -> new CziiScore(CZII, 0.5, Double.NaN));
	}

	@Test
	void distanceMultiplierAndBetaAreConfigurable() {
		CziiScore loose = new CziiScore(CZII, 1.0, 1);
		ScoreReport r = loose.score(Map.of("A", List.of(p(FERRITIN, 0, 0, 0), p(FERRITIN, 1000, 0, 0))),
				Map.of("A", List.of(p(FERRITIN, 59, 0, 0), p(FERRITIN, 5000, 0, 0), p(FERRITIN, 6000, 0, 0))));
		ClassScore s = r.classes().get("apo-ferritin");
		assertEquals(1, s.tp()); // 59 A is within 1.0 x 60 A
		double precision = 1.0 / 3, recall = 0.5;
		assertEquals(2 * precision * recall / (precision + recall), s.fBeta(), 1e-15); // F1 = 0.4
		assertEquals(0.4, s.fBeta(), 1e-15);
	}

	@Test
	void randomCasesAgreeWithABruteForceScorer() {
		Random rnd = new Random(2024);
		for (int trial = 0; trial < 30; trial++) {
			Map<String, List<Particle>> truth = new LinkedHashMap<>();
			Map<String, List<Particle>> picks = new LinkedHashMap<>();
			int runs = 1 + rnd.nextInt(3);
			for (int run = 0; run < runs + 1; run++) {
				// integer coordinates on a coarse lattice: many distances fall exactly on the match radius
				List<Particle> t = new ArrayList<>();
				Set<List<Double>> used = new HashSet<>();
				int nTruth = run == runs ? 0 : rnd.nextInt(60);
				while (t.size() < nTruth) {
					Particle q = randomParticle(rnd, trial);
					if (used.add(List.of(q.x(), q.y(), q.z())))
						t.add(q);
				}
				List<Particle> pk = new ArrayList<>();
				int nPicks = rnd.nextInt(80);
				for (int i = 0; i < nPicks; i++)
					pk.add(rnd.nextInt(3) == 0 && !t.isEmpty()
							? jitter(t.get(rnd.nextInt(t.size())), rnd)
							: randomParticle(rnd, trial));
				truth.put("run" + run, t);
				picks.put("run" + run, pk);
			}
			ScoreReport actual = scorer.score(truth, picks);
			Map<String, int[]> expected = bruteForceCounts(truth, picks);
			assertEquals(expected.keySet(), actual.classes().keySet(), "trial " + trial);
			double weighted = 0;
			for (ParticleClass c : CZII.classes()) {
				int[] e = expected.get(c.name());
				if (e == null)
					continue;
				ClassScore s = actual.classes().get(c.name());
				assertEquals(List.of(e[0], e[1], e[2]), List.of(s.tp(), s.fp(), s.fn()), "trial " + trial + " " + c);
				double precision = e[0] + e[1] > 0 ? (double) e[0] / (e[0] + e[1]) : 0;
				double recall = e[0] + e[2] > 0 ? (double) e[0] / (e[0] + e[2]) : 0;
				assertEquals(f4(precision, recall), s.fBeta(), 1e-12);
				weighted += c.scoreWeight() * f4(precision, recall);
			}
			assertEquals(weighted / ALL_WEIGHTS, actual.weightedFBeta(), 1e-12, "trial " + trial);
		}
	}

	private static Particle randomParticle(Random rnd, int trial) {
		List<ParticleClass> classes = trial % 3 == 0 ? List.of(FERRITIN, RIBOSOME) : CZII.classes();
		ParticleClass c = classes.get(rnd.nextInt(classes.size()));
		double step = 6; // 30 = 5 steps, 75 = 12.5 steps: lattice points land exactly on some radii
		return p(c, step * rnd.nextInt(60), step * rnd.nextInt(60), step * rnd.nextInt(20));
	}

	private static Particle jitter(Particle t, Random rnd) {
		return p(t.type(), t.x() + 6 * (rnd.nextInt(11) - 5), t.y() + 6 * (rnd.nextInt(11) - 5), t.z());
	}

	/**
	 * The organisers' algorithm written the slow way: runs with truth, classes in the truth, for each pick the list of
	 * truth points within r (squared distance <= r^2), tp = distinct truth points listed.
	 */
	private static Map<String, int[]> bruteForceCounts(Map<String, List<Particle>> truth,
			Map<String, List<Particle>> picks) {
		Set<String> classes = new HashSet<>();
		truth.values().forEach(list -> list.forEach(q -> classes.add(q.type().name())));
		Map<String, int[]> counts = new LinkedHashMap<>();
		for (ParticleClass c : CZII.classes()) {
			if (!classes.contains(c.name()))
				continue;
			double r = c.radiusAngstrom() * 0.5;
			int[] tpFpFn = new int[3];
			for (String run : truth.keySet()) {
				if (truth.get(run).isEmpty())
					continue;
				List<Particle> ref = truth.get(run).stream().filter(q -> q.type().equals(c)).toList();
				List<Particle> cand = picks.getOrDefault(run, List.of()).stream().filter(q -> q.type().equals(c))
						.toList();
				Set<Integer> hit = new HashSet<>();
				for (Particle pick : cand)
					for (int i = 0; i < ref.size(); i++) {
						Particle t = ref.get(i);
						double dx = pick.x() - t.x(), dy = pick.y() - t.y(), dz = pick.z() - t.z();
						if (dx * dx + dy * dy + dz * dz <= r * r)
							hit.add(i);
					}
				tpFpFn[0] += hit.size();
				tpFpFn[1] += cand.size() - hit.size();
				tpFpFn[2] += ref.size() - hit.size();
			}
			counts.put(c.name(), tpFpFn);
		}
		return counts;
	}

	@Test
	void reportIsNotEmptyWhenTruthIsEmpty() {
		ScoreReport r = scorer.score(Map.of(), Map.of("A", List.of(p(FERRITIN, 0, 0, 0))));
		assertTrue(r.classes().isEmpty());
		assertEquals(0.0, r.weightedFBeta());
		assertEquals(1, r.ignoredPickCount());
		assertFalse(r.toTable().isEmpty());
	}
}
