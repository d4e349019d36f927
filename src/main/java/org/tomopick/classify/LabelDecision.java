package org.tomopick.classify;

import java.util.Arrays;

/**
 * How the classifier's probabilities become labelled particles.
 * <ul>
 * <li>{@link #MOST_PROBABLE}: one particle per proposal, of its most probable particle class, and of two particles
 * closer than half the sum of their radii only the higher-scoring one is kept (one label per object);</li>
 * <li>{@link #EVERY_LIKELY_CLASS}: a proposal becomes a particle of every class whose probability reaches
 * {@value #FLOOR} (each then faces its class's tuned threshold), and overlapping particles are merged within a
 * class only. The CZII score counts each class on its own, so a second label where the forest hesitates between,
 * say, thyroglobulin and beta-galactosidase costs precision in one class and can win recall in the other; for
 * review, such an object carries two labels.</li>
 * </ul>
 * {@code tomopick tune} scores both on the validation data and records the better one in {@code pipeline.json}.
 */
public enum LabelDecision {

	MOST_PROBABLE("most-probable"), EVERY_LIKELY_CLASS("every-likely-class");

	/** The least probability of a class for which a label is reported under {@link #EVERY_LIKELY_CLASS}. */
	public static final double FLOOR = 0.05;

	private final String id;

	LabelDecision(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	public static LabelDecision of(String id) {
		for (LabelDecision d : values())
			if (d.id.equals(id))
				return d;
		throw new IllegalArgumentException("unknown label decision '" + id + "'; known: "
				+ Arrays.stream(values()).map(LabelDecision::id).toList());
	}

	@Override
	public String toString() {
		return id;
	}
}
