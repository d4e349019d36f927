package org.tomopick.model;

/** Where a particle came from. */
public enum Provenance {
	/** Read from a picks file (ground truth or an earlier session). */
	IMPORTED,
	/** Placed or moved by hand in the editor. */
	MANUAL,
	/** Found by the UNet3D branch alone. */
	UNET,
	/** Found by the YOLO branch alone. */
	YOLO,
	/** The fusion of both branches. */
	FUSED,
	/** Truth written by the simulator. */
	SIMULATED
}
