package org.tomopick.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tomopick.eval.ClassScore;
import org.tomopick.eval.ScoreReport;

import ij.gui.Plot;
import ij.measure.ResultsTable;

/**
 * ImageJ 1.x displays of a CZII score report: a results table with one row per scored class (and the weighted
 * score in a last row) and a bar plot of precision, recall and F-beta per class.
 */
public final class ScoreDisplays {

	/** Label of the last row of the table, which holds the weighted score in its F-beta column. */
	public static final String WEIGHTED_ROW = "weighted";

	private ScoreDisplays() {
	}

	/** Columns: Class (row label), truth, picks, TP, FP, FN, precision, recall, F&lt;beta&gt;, loc_err_A. */
	public static ResultsTable table(ScoreReport report) {
		ResultsTable table = new ResultsTable();
		String f = fColumn(report);
		for (Map.Entry<String, ClassScore> e : report.classes().entrySet()) {
			ClassScore s = e.getValue();
			table.incrementCounter();
			table.addLabel("Class", e.getKey());
			table.addValue("truth", s.truthCount());
			table.addValue("picks", s.pickCount());
			table.addValue("TP", s.tp());
			table.addValue("FP", s.fp());
			table.addValue("FN", s.fn());
			table.addValue("precision", s.precision());
			table.addValue("recall", s.recall());
			table.addValue(f, s.fBeta());
			table.addValue("loc_err_A", s.meanLocalisationErrorAngstrom());
		}
		table.incrementCounter();
		table.addLabel("Class", WEIGHTED_ROW);
		table.addValue(f, report.weightedFBeta());
		table.setDecimalPlaces(table.getColumnIndex(f), 4);
		return table;
	}

	/** Grouped bars per class: precision, recall and F-beta, with the weighted score in the title. */
	public static Plot barPlot(ScoreReport report) {
		List<String> names = new ArrayList<>(report.classes().keySet());
		int n = names.size();
		double[] precision = new double[n], recall = new double[n], fBeta = new double[n];
		for (int i = 0; i < n; i++) {
			ClassScore s = report.classes().get(names.get(i));
			precision[i] = s.precision();
			recall[i] = s.recall();
			fBeta[i] = s.fBeta();
		}
		String categories = "{" + String.join(",", names) + "}";
		Plot plot = new Plot(String.format(java.util.Locale.ROOT, "TomoPick score (weighted %s %.4f)",
				fColumn(report), report.weightedFBeta()), categories, "score");
		plot.setLimits(-0.5, n - 0.5, 0, Math.max(1.05, max(precision) * 1.05));
		plot.setColor(java.awt.Color.GRAY, java.awt.Color.LIGHT_GRAY);
		plot.add("separated bar", indices(n, -0.25), precision);
		plot.setColor(java.awt.Color.BLUE, new java.awt.Color(120, 160, 255));
		plot.add("separated bar", indices(n, 0), recall);
		plot.setColor(java.awt.Color.RED, new java.awt.Color(255, 140, 120));
		plot.add("separated bar", indices(n, 0.25), fBeta);
		plot.setLegend("precision\trecall\t" + fColumn(report), Plot.AUTO_POSITION);
		return plot;
	}

	private static String fColumn(ScoreReport report) {
		return report.beta() == 4 ? "F4" : "F" + report.beta();
	}

	private static double[] indices(int n, double shift) {
		double[] x = new double[n];
		for (int i = 0; i < n; i++)
			x[i] = i + shift;
		return x;
	}

	private static double max(double[] v) {
		double m = 0;
		for (double d : v)
			m = Math.max(m, d);
		return m;
	}
}
