package org.tomopick.io.mrc;

import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.Float16;

/** Test volumes whose voxel values follow a simple formula of the linear index, for every MRC type. */
final class MrcTestVolumes {

	private MrcTestVolumes() {
	}

	/** The value at linear index i for a type; every value is exactly representable in that type. */
	static double expected(DataType type, int i) {
		return switch (type) {
		case INT8 -> (i * 7) % 256 - 128;
		case UINT8 -> (i * 7) % 256;
		case INT16 -> (i * 37) % 65536 - 32768;
		case UINT16 -> (i * 37) % 65536;
		case FLOAT16 -> ((i % 64) - 32) * 0.25;
		case FLOAT32 -> (float) (Math.sin(i * 0.1) * 1000);
		default -> throw new IllegalArgumentException(type.toString());
		};
	}

	static DenseVolume volume(DataType type, int[] shapeZyx) {
		DenseVolume v = DenseVolume.allocate(shapeZyx, type);
		Object data = v.data();
		for (int i = 0; i < v.voxelCount(); i++) {
			double value = expected(type, i);
			switch (type) {
			case INT8, UINT8 -> ((byte[]) data)[i] = (byte) (int) value;
			case INT16, UINT16 -> ((short[]) data)[i] = (short) (int) value;
			case FLOAT16 -> ((short[]) data)[i] = Float16.fromFloat((float) value);
			case FLOAT32 -> ((float[]) data)[i] = (float) value;
			default -> throw new IllegalArgumentException(type.toString());
			}
		}
		return v;
	}
}
