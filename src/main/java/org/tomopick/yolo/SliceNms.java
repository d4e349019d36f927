package org.tomopick.yolo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy non-maximum suppression within one slice, across classes (two particles cannot occupy the same place):
 * detections are taken in order of falling confidence, and one is dropped when its box overlaps a kept one by more
 * than the IoU threshold.
 */
public final class SliceNms {

	private SliceNms() {
	}

	public static List<SliceDetection> suppress(List<SliceDetection> detections, double iouThreshold) {
		List<SliceDetection> sorted = new ArrayList<>(detections);
		sorted.sort(Comparator.comparingDouble(SliceDetection::confidence).reversed());
		List<SliceDetection> kept = new ArrayList<>();
		for (SliceDetection d : sorted) {
			boolean suppressed = false;
			for (SliceDetection k : kept)
				if (k.iou(d) > iouThreshold) {
					suppressed = true;
					break;
				}
			if (!suppressed)
				kept.add(d);
		}
		return kept;
	}
}
