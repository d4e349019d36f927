package org.tomopick.yolo;

/**
 * A particle's cross-section on one working slice: class index, centre (x, y) and half-size of its square box, in
 * working pixels of that slice (or of a crop of it).
 */
public record SliceBox(int classIndex, double x, double y, double halfSize) {

	/** The same box shifted by (-x0, -y0): its position in a crop starting at (y0, x0). */
	public SliceBox shifted(int x0, int y0) {
		return new SliceBox(classIndex, x - x0, y - y0, halfSize);
	}
}
