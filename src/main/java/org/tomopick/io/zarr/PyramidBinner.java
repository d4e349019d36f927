package org.tomopick.io.zarr;

import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.Float16;

/**
 * 2x mean binning for resolution pyramids: output voxel (z, y, x) is the mean of the input voxels (2z..2z+1,
 * 2y..2y+1, 2x..2x+1) that exist, so an odd edge averages fewer voxels and the output shape is {@code ceil(n / 2)}.
 * The result keeps the input type; integer means are rounded to the nearest integer (halves away from zero).
 */
public final class PyramidBinner {

	private PyramidBinner() {
	}

	public static DenseVolume bin2(DenseVolume in) {
		int[] s = in.shape();
		int[] o = { (s[0] + 1) / 2, (s[1] + 1) / 2, (s[2] + 1) / 2 };
		DenseVolume out = DenseVolume.allocate(o, in.dataType());
		double[] row = new double[o[2]];
		int[] count = new int[o[2]];
		for (int z = 0; z < o[0]; z++)
			for (int y = 0; y < o[1]; y++) {
				java.util.Arrays.fill(row, 0);
				java.util.Arrays.fill(count, 0);
				for (int iz = 2 * z; iz < Math.min(2 * z + 2, s[0]); iz++)
					for (int iy = 2 * y; iy < Math.min(2 * y + 2, s[1]); iy++) {
						int base = in.index(iz, iy, 0);
						for (int ix = 0; ix < s[2]; ix++) {
							row[ix >> 1] += in.getDouble(base + ix);
							count[ix >> 1]++;
						}
					}
				int dst = out.index(z, y, 0);
				for (int x = 0; x < o[2]; x++)
					set(out, dst + x, row[x] / count[x]);
			}
		return out;
	}

	private static void set(DenseVolume v, int i, double value) {
		Object data = v.data();
		DataType type = v.dataType();
		double r = Math.signum(value) * Math.floor(Math.abs(value) + 0.5);
		switch (type) {
		case UINT8, INT8 -> ((byte[]) data)[i] = (byte) (long) r;
		case UINT16, INT16 -> ((short[]) data)[i] = (short) (long) r;
		case FLOAT16 -> ((short[]) data)[i] = Float16.fromFloat((float) value);
		case UINT32, INT32 -> ((int[]) data)[i] = (int) (long) r;
		case FLOAT32 -> ((float[]) data)[i] = (float) value;
		case FLOAT64 -> ((double[]) data)[i] = value;
		}
	}
}
