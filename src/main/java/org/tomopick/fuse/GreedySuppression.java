package org.tomopick.fuse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Keeps items from the first in an order down, each unless it conflicts with one already kept (greedy
 * non-maximum suppression). The rule of one object, one particle, in its three forms: class conflicts after the
 * fusion, merging proposals, and the classifier's final overlap rule.
 */
public final class GreedySuppression {

	private GreedySuppression() {
	}

	/** @param conflicts called as (kept, candidate) */
	public static <T> List<T> keep(List<T> items, Comparator<? super T> order, BiPredicate<T, T> conflicts) {
		List<T> sorted = new ArrayList<>(items);
		sorted.sort(order);
		List<T> kept = new ArrayList<>();
		for (T item : sorted) {
			boolean conflict = false;
			for (T k : kept)
				if (conflicts.test(k, item)) {
					conflict = true;
					break;
				}
			if (!conflict)
				kept.add(item);
		}
		return kept;
	}
}
