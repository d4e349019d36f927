package org.tomopick.yolo;

import org.tomopick.eval.ScoreReport;

/**
 * What one training epoch did: mean total loss and its three unweighted terms over the epoch's steps, the steps
 * skipped because their gradients were not finite (their update is dropped), the loss
 * weights of its phase, the learning rate at its end, the validation CZII score after cross-slice linking (NaN
 * without a validation set) with its per-class report (null then, or after a resume), and its duration.
 */
public record YoloEpochReport(int epoch, double loss, double localisation, double classification, double iou,
		int skippedSteps, LossPhaseSchedule.LossWeights weights, double learningRate, double validationScore, ScoreReport validation,
		double seconds) {
}
