package org.tomopick.io;

/**
 * Reads single axis-aligned planes of a volume, as float values, without holding the volume: the XZ and YZ views of
 * the review window read through one. Implementations say what they keep in memory.
 */
public interface PlaneReader {

	/** The volume's shape (z, y, x). */
	int[] shapeZyx();

	/**
	 * Plane {@code index} of an orientation, row by row: value (column, row) at {@code row * columns + column}, with
	 * columns and rows as {@link OrthogonalPlane#columns} and {@link OrthogonalPlane#rows} give them.
	 *
	 * @throws IllegalArgumentException if the index is outside the volume
	 */
	float[] read(OrthogonalPlane plane, int index);
}
