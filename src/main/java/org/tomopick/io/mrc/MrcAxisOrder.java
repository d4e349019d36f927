package org.tomopick.io.mrc;

import org.tomopick.io.DenseVolume;

/**
 * Puts the data of an MRC map whose columns, rows and sections are not x, y, z (MAPC/MAPR/MAPS other than 1, 2, 3)
 * onto the (z, y, x) axes TomoPick uses.
 */
final class MrcAxisOrder {

	private MrcAxisOrder() {
	}

	/**
	 * @param fileOrder the data as stored, shape (sections, rows, columns)
	 * @param axisMapCrs MAPC, MAPR, MAPS (1 = x, 2 = y, 3 = z)
	 * @param shapeZyx the shape of the result
	 */
	static DenseVolume toZyx(DenseVolume fileOrder, int[] axisMapCrs, int[] shapeZyx) {
		// stride in the result of one step along x, y, z
		int[] strideXyz = { 1, shapeZyx[2], shapeZyx[2] * shapeZyx[1] };
		int strideColumn = strideXyz[axisMapCrs[0] - 1];
		int strideRow = strideXyz[axisMapCrs[1] - 1];
		int strideSection = strideXyz[axisMapCrs[2] - 1];
		int columns = fileOrder.sizeX(), rows = fileOrder.sizeY(), sections = fileOrder.sizeZ();
		DenseVolume result = DenseVolume.allocate(shapeZyx, fileOrder.dataType());
		Object src = fileOrder.data();
		Object dst = result.data();
		int i = 0;
		for (int s = 0; s < sections; s++)
			for (int r = 0; r < rows; r++) {
				int base = s * strideSection + r * strideRow;
				for (int c = 0; c < columns; c++, i++)
					copy(src, i, dst, base + c * strideColumn);
			}
		return result;
	}

	private static void copy(Object src, int from, Object dst, int to) {
		if (src instanceof float[] f)
			((float[]) dst)[to] = f[from];
		else if (src instanceof short[] s)
			((short[]) dst)[to] = s[from];
		else
			((byte[]) dst)[to] = ((byte[]) src)[from];
	}
}
