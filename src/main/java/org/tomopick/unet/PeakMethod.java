package org.tomopick.unet;

/** How candidates are taken from a class probability map. */
public enum PeakMethod {
	/**
	 * Connected components (26-connected) of the voxels at or above the class threshold; each component of at least
	 * the minimum size gives one candidate at its probability-weighted centroid, with its maximum as confidence.
	 */
	COMPONENTS,
	/**
	 * 3D non-maximum suppression: local maxima at or above the threshold, taken from the highest down, each
	 * suppressing the others closer than a fraction of the class radius; a maximum needs at least the minimum
	 * number of above-threshold voxels around it (within that distance).
	 */
	NMS
}
