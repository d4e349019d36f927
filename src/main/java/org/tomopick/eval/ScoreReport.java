package org.tomopick.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

/**
 * The result of {@link CziiScore#score}: the weighted F-beta over the classes, and the score of every class that
 * was scored (the classes present in the truth), in catalog order. Immutable.
 */
public final class ScoreReport {

	private final double weightedFBeta;
	private final Map<String, ClassScore> classes;
	private final Map<String, Double> weights;
	private final double beta;
	private final int ignoredPickCount;

	/**
	 * @param weightedFBeta    the final score
	 * @param classes          class name to score, in display order
	 * @param weights          class name to score weight, for every class in {@code classes}
	 * @param beta             the beta of the F-beta
	 * @param ignoredPickCount picks that took no part (runs or classes absent from the truth)
	 */
	public ScoreReport(double weightedFBeta, Map<String, ClassScore> classes, Map<String, Double> weights, double beta,
			int ignoredPickCount) {
		for (String name : classes.keySet())
			if (!weights.containsKey(name))
				throw new IllegalArgumentException("score report: no weight for class " + name);
		this.weightedFBeta = weightedFBeta;
		this.classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
		this.weights = Map.copyOf(weights);
		this.beta = beta;
		this.ignoredPickCount = ignoredPickCount;
	}

	/** The CZII leaderboard number: sum of weight x F-beta over the scored classes / sum of all catalog weights. */
	public double weightedFBeta() {
		return weightedFBeta;
	}

	/** Class name to score, for the classes present in the truth, in catalog order. */
	public Map<String, ClassScore> classes() {
		return classes;
	}

	public double beta() {
		return beta;
	}

	/** Picks that were not scored at all: in runs without truth, or of classes absent from the whole truth. */
	public int ignoredPickCount() {
		return ignoredPickCount;
	}

	/**
	 * The report as JSON: {@code {"czii_f4": s, "classes": {"<name>": {"tp", "fp", "fn", "precision", "recall",
	 * "f4", "loc_err_A", "fdr", "miss_rate"}}}}. The keys say f4 whatever beta was set; loc_err_A is null when no
	 * truth particle of the class was hit.
	 */
	public String toJson() {
		JsonObject root = new JsonObject();
		root.addProperty("czii_f4", weightedFBeta);
		JsonObject perClass = new JsonObject();
		classes.forEach((name, s) -> {
			JsonObject o = new JsonObject();
			o.addProperty("tp", s.tp());
			o.addProperty("fp", s.fp());
			o.addProperty("fn", s.fn());
			o.addProperty("precision", s.precision());
			o.addProperty("recall", s.recall());
			o.addProperty("f4", s.fBeta());
			o.addProperty("loc_err_A", Double.isNaN(s.meanLocalisationErrorAngstrom()) ? null
					: s.meanLocalisationErrorAngstrom());
			o.addProperty("fdr", s.falseDiscoveryRate());
			o.addProperty("miss_rate", s.missRate());
			perClass.add(name, o);
		});
		root.add("classes", perClass);
		return new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create().toJson(root);
	}

	/** A plain-text table, one row per class, with the weighted score on the last line. */
	public String toTable() {
		StringBuilder sb = new StringBuilder();
		String fb = beta == 4 ? "F4" : "F" + fmt(beta);
		sb.append(String.format(Locale.ROOT, "%-22s %6s %6s %6s %6s %6s %6s %9s %7s %7s %9s %6s %6s%n", "class",
				"weight", "truth", "picks", "TP", "FP", "FN", "precision", "recall", fb, "loc_err_A", "FDR", "miss"));
		classes.forEach((name, s) -> sb.append(String.format(Locale.ROOT,
				"%-22s %6s %6d %6d %6d %6d %6d %9.4f %7.4f %7.4f %9s %6.3f %6.3f%n", name, fmt(weights.get(name)),
				s.truthCount(), s.pickCount(), s.tp(), s.fp(), s.fn(), s.precision(), s.recall(), s.fBeta(),
				Double.isNaN(s.meanLocalisationErrorAngstrom()) ? "-"
						: String.format(Locale.ROOT, "%.2f", s.meanLocalisationErrorAngstrom()),
				s.falseDiscoveryRate(), s.missRate())));
		if (ignoredPickCount > 0)
			sb.append(ignoredPickCount).append(" picks not scored (runs or classes absent from the truth)\n");
		sb.append(String.format(Locale.ROOT, "weighted %s (CZII score): %.6f%n", fb, weightedFBeta));
		return sb.toString();
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "ScoreReport[weighted F-beta %.6f, %d classes]", weightedFBeta,
				classes.size());
	}
}
