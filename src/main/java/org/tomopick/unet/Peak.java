package org.tomopick.unet;

/**
 * One candidate in a probability map: its centre in (fractional) voxel coordinates z, y, x, its confidence (the
 * highest probability at it) and the number of above-threshold voxels that support it.
 */
public record Peak(double z, double y, double x, double confidence, int voxels) {
}
