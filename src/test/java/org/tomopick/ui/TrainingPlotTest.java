package org.tomopick.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class TrainingPlotTest {

	@Test
	void collectsEpochsAndRendersHeadless() {
		TrainingPlot plot = new TrainingPlot("training", false);
		plot.add(1, 1.2, Double.NaN);
		plot.add(2, 0.8, 0.31);
		plot.add(3, 0.6, 0.42);

		assertEquals(3, plot.size());
		var image = plot.plot().getProcessor();
		assertNotNull(image);
		// the plot has real content: not a single grey level
		assertEquals(true, image.getStatistics().max > image.getStatistics().min);
	}
}
