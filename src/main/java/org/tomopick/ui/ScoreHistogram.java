package org.tomopick.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.util.Collection;

import javax.swing.JComponent;

import org.tomopick.model.Particle;

/**
 * The scores of the particles of the shown classes, in 20 bins from 0 to 1, beside the score threshold: the bars at
 * or above the threshold dark, those it hides light, so that the user sees how many particles a threshold keeps
 * before moving it.
 */
final class ScoreHistogram extends JComponent {

	private static final long serialVersionUID = 1L;
	static final int BINS = 20;

	private transient int[] counts = new int[BINS];
	private double threshold = Double.NEGATIVE_INFINITY;

	ScoreHistogram() {
		setPreferredSize(new Dimension(200, 36));
		setToolTipText("scores of the shown classes' particles (0 to 1); dark: kept by the threshold");
	}

	/** The counts per bin of these scores (each clamped into [0, 1]). */
	static int[] bin(Collection<Particle> particles) {
		int[] counts = new int[BINS];
		for (Particle p : particles) {
			double s = Double.isNaN(p.score()) ? 0 : Math.max(0, Math.min(1, p.score()));
			counts[Math.min(BINS - 1, (int) (s * BINS))]++;
		}
		return counts;
	}

	void show(Collection<Particle> particles, double threshold) {
		this.counts = bin(particles);
		this.threshold = threshold;
		repaint();
	}

	@Override
	protected void paintComponent(Graphics g) {
		int w = getWidth(), h = getHeight(), max = 1;
		for (int c : counts)
			max = Math.max(max, c);
		for (int b = 0; b < BINS; b++) {
			int x0 = b * w / BINS, x1 = (b + 1) * w / BINS - 1;
			int bar = (int) Math.round((h - 2) * Math.sqrt(counts[b] / (double) max)); // sqrt: small bins stay visible
			g.setColor((b + 1) / (double) BINS > threshold ? new Color(60, 60, 60) : new Color(200, 200, 200));
			g.fillRect(x0, h - 1 - bar, Math.max(1, x1 - x0), bar);
		}
	}
}
