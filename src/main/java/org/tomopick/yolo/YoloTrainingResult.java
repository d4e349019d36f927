package org.tomopick.yolo;

import java.util.List;

/**
 * The outcome of training: the model with the best validation score (the last one without validation; the caller
 * closes it), the epoch it comes from (1-based), its score, and the report of every epoch run so far.
 */
public record YoloTrainingResult(YoloModel best, int bestEpoch, double bestScore, List<YoloEpochReport> history) {

	public YoloTrainingResult {
		history = List.copyOf(history);
	}
}
