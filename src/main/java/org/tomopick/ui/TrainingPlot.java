package org.tomopick.ui;

import java.util.ArrayList;
import java.util.List;

import ij.gui.Plot;
import ij.gui.PlotWindow;

/**
 * Loss and validation score per epoch, redrawn after every epoch while a branch trains. Headless it only collects
 * the values (the plot can still be rendered); with a display it shows and updates one plot window.
 */
public final class TrainingPlot {

	private final String title;
	private final List<Double> epochs = new ArrayList<>();
	private final List<Double> losses = new ArrayList<>();
	private final List<Double> scoreEpochs = new ArrayList<>();
	private final List<Double> scores = new ArrayList<>();
	private final boolean show;
	private PlotWindow window;

	public TrainingPlot(String title, boolean show) {
		this.title = title;
		this.show = show;
	}

	/** Adds an epoch (a NaN score means "not validated in this epoch") and redraws. */
	public synchronized void add(int epoch, double loss, double validationScore) {
		epochs.add((double) epoch);
		losses.add(loss);
		if (!Double.isNaN(validationScore)) {
			scoreEpochs.add((double) epoch);
			scores.add(validationScore);
		}
		if (show) {
			Plot plot = plot();
			if (window == null || window.isClosed())
				window = plot.show();
			else
				window.drawPlot(plot);
		}
	}

	public synchronized Plot plot() {
		Plot plot = new Plot(title, "epoch", "loss / validation CZII F4");
		plot.setColor(java.awt.Color.BLUE);
		plot.addPoints(array(epochs), array(losses), Plot.CONNECTED_CIRCLES);
		plot.setColor(new java.awt.Color(0, 140, 0));
		plot.addPoints(array(scoreEpochs), array(scores), Plot.CONNECTED_CIRCLES);
		plot.setLegend("training loss\tvalidation F4", Plot.AUTO_POSITION);
		plot.setLimitsToFit(false);
		return plot;
	}

	private static double[] array(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

	public synchronized int size() {
		return epochs.size();
	}
}
