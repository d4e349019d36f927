package org.tomopick.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomopick.fuse.FusionSettings;
import org.tomopick.model.ParticleCatalog;

/** The {@code --threshold CLASS=VALUE | all=VALUE} options of the picking commands, as fusion settings. */
public final class ThresholdOptions {

	private ThresholdOptions() {
	}

	/**
	 * Explicit thresholds, or null when none are given (the models' tuned ones are then used, or the default 0.5
	 * without tuning).
	 *
	 * @throws IllegalArgumentException naming the option when one is not CLASS=VALUE with a value in [0, 1]
	 */
	public static FusionSettings parse(List<String> thresholds, ParticleCatalog catalog) {
		if (thresholds.isEmpty())
			return null;
		double all = FusionSettings.defaults().defaultThreshold();
		Map<String, Double> perClass = new LinkedHashMap<>();
		for (String t : thresholds) {
			int eq = t.indexOf('=');
			if (eq <= 0)
				throw new IllegalArgumentException("--threshold must be CLASS=VALUE or all=VALUE, was '" + t + "'");
			String name = t.substring(0, eq);
			double value;
			try {
				value = Double.parseDouble(t.substring(eq + 1));
			} catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--threshold " + t + ": '" + t.substring(eq + 1)
						+ "' is not a number");
			}
			if (!(value >= 0 && value <= 1))
				throw new IllegalArgumentException("--threshold " + t + ": must be a number in [0, 1]");
			if (name.equals("all"))
				all = value;
			else
				perClass.put(catalog.get(name).name(), value);
		}
		return FusionSettings.defaults().withThresholds(all, perClass).validate();
	}
}
