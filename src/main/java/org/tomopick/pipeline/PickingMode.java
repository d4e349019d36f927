package org.tomopick.pipeline;

import java.util.Locale;

/** What the picker runs: the paper's full method and its ablations. */
public enum PickingMode {
	/**
	 * Both branches; UNet peaks and every YOLO slice detection fused by per-class DBSCAN, then each fused particle's
	 * class decided by the candidate classifier (when the models folder has one; otherwise as {@link #NO_CLASSIFIER}).
	 */
	FULL("full"),
	/** The UNet3D branch alone (its peaks, thresholded). */
	UNET("unet"),
	/** The YOLO branch alone (its detections linked across slices, thresholded). */
	YOLO("yolo"),
	/** Both branches (UNet peaks and linked YOLO tracks) merged without clustering. */
	NO_DBSCAN("no-dbscan"),
	/** As {@link #FULL} without the candidate classifier: DBSCAN fusion with the branches' own classes. */
	NO_CLASSIFIER("no-classifier");

	private final String label;

	PickingMode(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean usesUnet() {
		return this != YOLO;
	}

	public boolean usesYolo() {
		return this != UNET;
	}

	/** Whether the mode clusters candidates with DBSCAN (full and no-classifier). */
	public boolean clusters() {
		return this == FULL || this == NO_CLASSIFIER;
	}

	public static PickingMode parse(String s) {
		for (PickingMode m : values())
			if (m.label.equals(s.toLowerCase(Locale.ROOT)))
				return m;
		throw new IllegalArgumentException("mode must be full, unet, yolo, no-dbscan or no-classifier, was '" + s + "'");
	}

	@Override
	public String toString() {
		return label;
	}
}
