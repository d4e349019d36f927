package org.tomopick.yolo;

/**
 * How slices become detections and detections become particles: the confidence a 2D detection needs, the IoU
 * above which per-slice non-maximum suppression drops the weaker of two boxes, how many slices go through the
 * network in one call, and the cross-slice linking (a detection joins a track of its class when it lies within
 * {@code linkRadiusFraction} of the class radius in x-y of the track's last detection, at most {@code maxSliceGap}
 * sampled slices later; tracks shorter than {@code minTrackLength} detections are dropped).
 */
public record YoloDetectionSettings(double confidenceThreshold, double nmsIou, int batchSlices,
		double linkRadiusFraction, int maxSliceGap, int minTrackLength) {

	public static YoloDetectionSettings defaults() {
		return new YoloDetectionSettings(0.25, 0.4, 16, 0.5, 2, 2);
	}

	public YoloDetectionSettings validate() {
		YoloSettings.require(confidenceThreshold > 0 && confidenceThreshold < 1, "detection.confidenceThreshold",
				"must be in (0, 1)", confidenceThreshold);
		YoloSettings.require(nmsIou > 0 && nmsIou <= 1, "detection.nmsIou", "must be in (0, 1]", nmsIou);
		YoloSettings.require(batchSlices >= 1 && batchSlices <= 512, "detection.batchSlices", "must be in [1, 512]",
				batchSlices);
		YoloSettings.require(linkRadiusFraction > 0 && linkRadiusFraction <= 2, "detection.linkRadiusFraction",
				"must be in (0, 2]", linkRadiusFraction);
		YoloSettings.require(maxSliceGap >= 1 && maxSliceGap <= 32, "detection.maxSliceGap", "must be in [1, 32]",
				maxSliceGap);
		YoloSettings.require(minTrackLength >= 1 && minTrackLength <= 64, "detection.minTrackLength",
				"must be in [1, 64]", minTrackLength);
		return this;
	}

	public YoloDetectionSettings withConfidenceThreshold(double t) {
		return new YoloDetectionSettings(t, nmsIou, batchSlices, linkRadiusFraction, maxSliceGap, minTrackLength);
	}

	public YoloDetectionSettings withBatchSlices(int n) {
		return new YoloDetectionSettings(confidenceThreshold, nmsIou, n, linkRadiusFraction, maxSliceGap,
				minTrackLength);
	}

	public YoloDetectionSettings withLinking(double radiusFraction, int gap, int minLength) {
		return new YoloDetectionSettings(confidenceThreshold, nmsIou, batchSlices, radiusFraction, gap, minLength);
	}
}
