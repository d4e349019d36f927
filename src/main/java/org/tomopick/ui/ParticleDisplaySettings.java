package org.tomopick.ui;

import java.util.Set;
import java.util.TreeSet;

import org.tomopick.model.Particle;

/**
 * How particles are drawn: the classes hidden by the user, the score below which particles are hidden, the line
 * width of circles and of selected circles, and the colour of the selection. Immutable; the view redraws when it is
 * given new settings.
 *
 * @param hiddenClasses      class names not drawn
 * @param minScore           particles scoring below this are not drawn (and not listed)
 * @param lineWidth          circle line width, image pixels
 * @param selectedLineWidth  line width of selected particles, image pixels
 * @param selectionColorArgb colour of selected particles, 0xAARRGGBB
 */
public record ParticleDisplaySettings(Set<String> hiddenClasses, double minScore, double lineWidth,
		double selectedLineWidth, int selectionColorArgb) {

	public ParticleDisplaySettings {
		hiddenClasses = Set.copyOf(hiddenClasses);
	}

	/** Every class shown, no score threshold, 1 px circles, selected ones 2 px in yellow. */
	public static ParticleDisplaySettings defaults() {
		return new ParticleDisplaySettings(Set.of(), Double.NEGATIVE_INFINITY, 1, 2, 0xFFFFFF00);
	}

	public ParticleDisplaySettings validate() {
		if (Double.isNaN(minScore))
			throw new IllegalArgumentException("display settings: minScore is NaN");
		if (!(lineWidth > 0) || lineWidth > 50)
			throw new IllegalArgumentException("display settings: lineWidth must be in (0, 50], was " + lineWidth);
		if (!(selectedLineWidth > 0) || selectedLineWidth > 50)
			throw new IllegalArgumentException("display settings: selectedLineWidth must be in (0, 50], was "
					+ selectedLineWidth);
		return this;
	}

	/** Whether a particle passes the class filter and the score threshold. */
	public boolean shows(Particle p) {
		return !hiddenClasses.contains(p.type().name()) && p.score() >= minScore;
	}

	public boolean isClassVisible(String className) {
		return !hiddenClasses.contains(className);
	}

	public ParticleDisplaySettings withClassVisible(String className, boolean visible) {
		Set<String> hidden = new TreeSet<>(hiddenClasses);
		if (visible)
			hidden.remove(className);
		else
			hidden.add(className);
		return new ParticleDisplaySettings(hidden, minScore, lineWidth, selectedLineWidth, selectionColorArgb);
	}

	public ParticleDisplaySettings withMinScore(double score) {
		return new ParticleDisplaySettings(hiddenClasses, score, lineWidth, selectedLineWidth, selectionColorArgb)
				.validate();
	}
}
