package org.tomopick.fuse;

/** Which half of the picker proposed a candidate. */
public enum Branch {
	/** The volumetric UNet3D branch (peaks of its class probability maps). */
	UNET,
	/** The slice-wise YOLO branch (2D detections on z-slices, or their cross-slice tracks). */
	YOLO
}
