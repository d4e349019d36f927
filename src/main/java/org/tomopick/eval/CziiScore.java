package org.tomopick.eval;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;

/**
 * The metric of the Kaggle challenge "CZII - CryoET Object Identification" (2024-25), reproduced exactly. Source
 * read: the organisers' metric notebook (kaggle.com/code/metric/czi-cryoet-84969, derived from
 * github.com/cellcanvas/album-catalog solutions/copick/compare-picks/solution.py), functions
 * {@code compute_metrics(reference_points, reference_radius, candidate_points)} and {@code score(solution,
 * submission, row_id_column_name, distance_multiplier, beta)}, as copied into public solution repositories; and
 * scipy's {@code ckdtree/src/query_ball_tree.cxx} and {@code rectangle.h} for the distance test. What it does:
 * <ol>
 * <li>Radii are the class radii times {@code distance_multiplier} (0.5); weights apo-ferritin 1, beta-amylase 0,
 * beta-galactosidase 2, ribosome 1, thyroglobulin 2, virus-like-particle 1 (here: from the catalog).</li>
 * <li>Runs scored: the runs that occur in the solution (truth). Picks in other runs are dropped before anything
 * else. Here a run counts as present when its truth list is not empty (a DataFrame cannot hold an empty run).</li>
 * <li>A pick whose class is not a known class (in a scored run) is an error ({@code ParticipantVisibleError}); so is a
 * truth class without a radius ({@code KeyError}); and so are two truth rows of one run at the same x, y, z, even of
 * different classes (an {@code assert}). Here each is an IllegalArgumentException.</li>
 * <li>Classes scored: those that occur in the truth ({@code solution['particle_type'].unique()}). Picks of a class
 * absent from the whole truth are NOT counted as false positives: they are ignored.</li>
 * <li>For each scored run and scored class: with no truth points, tp = 0, fp = picks, fn = 0; with no picks, fn =
 * truth; otherwise {@code KDTree(picks).query_ball_tree(KDTree(truth), r)} lists for every pick the truth points at
 * distance {@code <= r} (inclusive: scipy keeps a pair when the squared distance {@code <= r*r}); tp = the number of
 * DISTINCT truth points in those lists, fp = picks - tp, fn = truth - tp. A pick within r of two truth points hits
 * both (tp 2), so fp can become negative and precision exceed 1; that is reproduced, not corrected.</li>
 * <li>tp, fp, fn are summed over runs per class; precision = tp / (tp + fp) (0 if tp + fp = 0), recall = tp / (tp +
 * fn) (0 if tp + fn = 0), F-beta = (1 + beta^2) P R / (beta^2 P + R) (0 if P + R = 0), beta = 4.</li>
 * <li>Final score = sum over the SCORED classes of weight x F-beta, divided by the sum of ALL weights (7 for CZII),
 * so a class missing from the truth pulls the score down. (When all weights are 0 the organisers would divide by
 * zero; here the score is then 0.) The classes are summed in catalog order, the organisers sum in order of first
 * appearance in the truth file: the two can differ in the last bit.</li>
 * </ol>
 * Known difference: scipy prunes KD-tree node pairs with distances built up incrementally, so for a pair within a
 * few ulp of the radius it could in theory decide differently from the exact test used here.
 * <p>
 * Extra statistics (not part of the challenge): per class the mean localisation error (over the truth points that
 * were hit, the distance to the nearest pick of the same class and run within range, in Angstrom), the false
 * discovery rate fp / picks and the miss rate fn / truth; see {@link ClassScore}.
 */
public final class CziiScore {

	public static final double DEFAULT_DISTANCE_MULTIPLIER = 0.5;
	public static final double DEFAULT_BETA = 4;

	private final ParticleCatalog catalog;
	private final double distanceMultiplier;
	private final double beta;

	/** The challenge settings: distance multiplier 0.5, beta 4, radii and weights from the catalog. */
	public CziiScore(ParticleCatalog catalog) {
		this(catalog, DEFAULT_DISTANCE_MULTIPLIER, DEFAULT_BETA);
	}

	public CziiScore(ParticleCatalog catalog, double distanceMultiplier, double beta) {
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		if (!(distanceMultiplier > 0) || Double.isInfinite(distanceMultiplier))
			throw new IllegalArgumentException("distance multiplier must be > 0, was " + distanceMultiplier);
		if (!(beta > 0) || Double.isInfinite(beta))
			throw new IllegalArgumentException("beta must be > 0, was " + beta);
		this.distanceMultiplier = distanceMultiplier;
		this.beta = beta;
	}

	public double distanceMultiplier() {
		return distanceMultiplier;
	}

	public double beta() {
		return beta;
	}

	/** The match distance of a class in Angstrom: its radius times the distance multiplier. */
	public double matchRadius(ParticleClass c) {
		return catalog.get(c.name()).radiusAngstrom() * distanceMultiplier;
	}

	/**
	 * Scores picks against truth.
	 *
	 * @param truthByRun run name to its truth particles (all classes)
	 * @param picksByRun run name to its picks (all classes); runs absent from the truth are ignored
	 */
	public ScoreReport score(Map<String, List<Particle>> truthByRun, Map<String, List<Particle>> picksByRun) {
		Objects.requireNonNull(truthByRun, "truth");
		Objects.requireNonNull(picksByRun, "picks");
		Set<String> scoredClasses = new HashSet<>();
		Set<String> runs = new LinkedHashSet<>();
		truthByRun.forEach((run, truth) -> {
			if (Objects.requireNonNull(truth, "truth of run " + run).isEmpty())
				return;
			runs.add(run);
			checkTruth(run, truth);
			truth.forEach(p -> scoredClasses.add(p.type().name()));
		});

		int[] tp = new int[catalog.size()], truthCount = new int[catalog.size()], pickCount = new int[catalog.size()];
		double[] locSum = new double[catalog.size()];
		int ignored = 0;
		for (Map.Entry<String, List<Particle>> e : picksByRun.entrySet())
			if (!runs.contains(e.getKey()))
				ignored += Objects.requireNonNull(e.getValue(), "picks of run " + e.getKey()).size();
		for (String run : runs) {
			List<Particle> picks = picksByRun.getOrDefault(run, List.of());
			Objects.requireNonNull(picks, "picks of run " + run);
			for (Particle p : picks)
				if (catalog.find(p.type().name()).isEmpty())
					throw new IllegalArgumentException("picks of run " + run + ": unknown particle class '"
							+ p.type().name() + "'; known: " + catalog);
				else if (!scoredClasses.contains(p.type().name()))
					ignored++;
			for (ParticleClass c : catalog.classes()) {
				if (!scoredClasses.contains(c.name()))
					continue;
				int k = catalog.indexOf(c);
				double[] ref = packed(truthByRun.get(run), c);
				double[] cand = packed(picks, c);
				truthCount[k] += ref.length / 3;
				pickCount[k] += cand.length / 3;
				for (double d : RadiusMatcher.nearestWithin(ref, cand, matchRadius(c)))
					if (!Double.isNaN(d)) {
						tp[k]++;
						locSum[k] += d;
					}
			}
		}

		Map<String, ClassScore> classes = new LinkedHashMap<>();
		Map<String, Double> weights = new LinkedHashMap<>();
		double weighted = 0, weightSum = 0;
		for (ParticleClass c : catalog.classes()) {
			weightSum += c.scoreWeight();
			if (!scoredClasses.contains(c.name()))
				continue;
			int k = catalog.indexOf(c);
			ClassScore s = ClassScore.of(tp[k], truthCount[k], pickCount[k], locSum[k], beta);
			classes.put(c.name(), s);
			weights.put(c.name(), c.scoreWeight());
			weighted += s.fBeta() * c.scoreWeight();
		}
		double score = weightSum > 0 ? weighted / weightSum : 0;
		return new ScoreReport(score, classes, weights, beta, ignored);
	}

	private void checkTruth(String run, List<Particle> truth) {
		Set<List<Double>> positions = new HashSet<>();
		for (Particle p : truth) {
			if (catalog.find(p.type().name()).isEmpty())
				throw new IllegalArgumentException("truth of run " + run + ": unknown particle class '"
						+ p.type().name() + "'; known: " + catalog);
			// + 0.0 turns -0.0 into 0.0, as pandas compares values
			if (!positions.add(List.of(p.x() + 0.0, p.y() + 0.0, p.z() + 0.0)))
				throw new IllegalArgumentException("truth of run " + run + " has two particles at (" + p.x() + ", "
						+ p.y() + ", " + p.z() + ") A; the CZII metric requires distinct truth positions");
		}
	}

	/** The positions of the particles of one class, packed x, y, z. */
	private static double[] packed(List<Particle> particles, ParticleClass c) {
		int n = 0;
		for (Particle p : particles)
			if (p.type().name().equals(c.name()))
				n++;
		double[] xyz = new double[3 * n];
		int i = 0;
		for (Particle p : particles)
			if (p.type().name().equals(c.name())) {
				xyz[i++] = p.x();
				xyz[i++] = p.y();
				xyz[i++] = p.z();
			}
		return xyz;
	}
}
