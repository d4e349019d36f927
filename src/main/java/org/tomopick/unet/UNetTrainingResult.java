package org.tomopick.unet;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link UNetTrainer#train}: every epoch's record (resumed runs include the earlier ones), the best
 * epoch and its validation score (by training loss when there is no validation set: then the score is NaN), and the
 * model directories of the best and the last checkpoint.
 */
public record UNetTrainingResult(List<EpochRecord> history, int bestEpoch, double bestScore, Path bestModel,
		Path lastCheckpoint) {

	public UNetTrainingResult {
		history = List.copyOf(history);
	}
}
