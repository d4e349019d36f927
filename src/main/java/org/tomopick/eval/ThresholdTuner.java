package org.tomopick.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;

/**
 * Chooses, per class, the score threshold on the picker's output that maximises that class's F4 on validation
 * data (F4 weighs recall 16 times as much as precision, so the best threshold is usually low). Thresholds are tried
 * on a grid; ties keep the lower threshold (more recall). A class without truth keeps the default.
 */
public final class ThresholdTuner {

	/** 0.00, 0.05, ..., 0.95. */
	public static final double[] GRID = grid(0, 0.95, 0.05);

	private final ParticleCatalog catalog;
	private final double defaultThreshold;

	public ThresholdTuner(ParticleCatalog catalog, double defaultThreshold) {
		this.catalog = catalog;
		this.defaultThreshold = defaultThreshold;
	}

	public Map<String, Double> tune(Map<String, List<Particle>> truthByRun, Map<String, List<Particle>> picksByRun) {
		CziiScore scorer = new CziiScore(catalog);
		Map<String, Double> best = new LinkedHashMap<>();
		Map<String, Double> bestF = new LinkedHashMap<>();
		for (double t : GRID) {
			ScoreReport report = scorer.score(truthByRun, filter(picksByRun, t));
			for (ParticleClass c : catalog.classes()) {
				ClassScore s = report.classes().get(c.name());
				if (s == null)
					continue;
				if (!bestF.containsKey(c.name()) || s.fBeta() > bestF.get(c.name()) + 1e-12) {
					bestF.put(c.name(), s.fBeta());
					best.put(c.name(), t);
				}
			}
		}
		Map<String, Double> out = new LinkedHashMap<>();
		for (ParticleClass c : catalog.classes())
			out.put(c.name(), best.getOrDefault(c.name(), defaultThreshold));
		return out;
	}

	/**
	 * The CZII score of the picks with each class's threshold chosen on them ({@link #tune}): how well the picks'
	 * scores rank them, whatever their calibration (optimistic as a score, being chosen on the same picks; meant for
	 * comparing models, e.g. training epochs, that may grow more or less confident).
	 */
	public ScoreReport tunedScore(Map<String, List<Particle>> truthByRun, Map<String, List<Particle>> picksByRun) {
		return new CziiScore(catalog).score(truthByRun, apply(picksByRun, tune(truthByRun, picksByRun)));
	}

	/** The picks at or above a threshold. */
	public static Map<String, List<Particle>> filter(Map<String, List<Particle>> picksByRun, double threshold) {
		Map<String, List<Particle>> out = new LinkedHashMap<>();
		picksByRun.forEach((run, ps) -> out.put(run, ps.stream().filter(p -> p.score() >= threshold).toList()));
		return out;
	}

	/** The picks of each class at or above that class's threshold. */
	public static List<Particle> apply(List<Particle> picks, Map<String, Double> thresholds) {
		List<Particle> out = new ArrayList<>();
		for (Particle p : picks)
			if (p.score() >= thresholds.getOrDefault(p.type().name(), 0.0))
				out.add(p);
		return out;
	}

	/** The picks of each run, each class at or above that class's threshold. */
	public static Map<String, List<Particle>> apply(Map<String, List<Particle>> picksByRun,
			Map<String, Double> thresholds) {
		Map<String, List<Particle>> out = new LinkedHashMap<>();
		picksByRun.forEach((run, ps) -> out.put(run, apply(ps, thresholds)));
		return out;
	}

	private static double[] grid(double from, double to, double step) {
		int n = (int) Math.round((to - from) / step) + 1;
		double[] g = new double[n];
		for (int i = 0; i < n; i++)
			g[i] = Math.round((from + i * step) * 1e6) / 1e6;
		return g;
	}
}
