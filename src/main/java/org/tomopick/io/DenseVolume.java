package org.tomopick.io;

import java.util.Arrays;

/**
 * A whole 3D array in memory, in its own element type, indexed (z, y, x) with x fastest. The storage array depends
 * on the type: {@code byte[]} for u1/i1, {@code short[]} for u2/i2/f2 (f2 as raw IEEE half bits), {@code int[]} for
 * u4/i4, {@code float[]} for f4, {@code double[]} for f8. Readers fill it, writers take it, and
 * {@link #toFloatArray()} gives the float view that the picker works on.
 */
public final class DenseVolume {

	private final int[] shape;
	private final DataType type;
	private final Object data;

	public DenseVolume(int[] shapeZyx, DataType type, Object data) {
		if (shapeZyx.length != 3)
			throw new IllegalArgumentException("a volume has 3 dimensions (z, y, x), got " + shapeZyx.length);
		long n = 1;
		for (int s : shapeZyx) {
			if (s <= 0)
				throw new IllegalArgumentException("volume shape must be positive: " + Arrays.toString(shapeZyx));
			n *= s;
		}
		if (n > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("volume of " + n + " voxels is too large to hold in one array");
		int length = java.lang.reflect.Array.getLength(data);
		if (length != n)
			throw new IllegalArgumentException("data has " + length + " elements, shape needs " + n);
		Class<?> expected = storageClass(type);
		if (data.getClass() != expected)
			throw new IllegalArgumentException(type + " needs " + expected.getSimpleName() + " storage, got "
					+ data.getClass().getSimpleName());
		this.shape = shapeZyx.clone();
		this.type = type;
		this.data = data;
	}

	/** A zero-filled volume. */
	public static DenseVolume allocate(int[] shapeZyx, DataType type) {
		if (shapeZyx.length != 3 || shapeZyx[0] <= 0 || shapeZyx[1] <= 0 || shapeZyx[2] <= 0)
			throw new IllegalArgumentException("volume shape must be 3 positive sizes, was " + Arrays.toString(shapeZyx));
		long n = (long) shapeZyx[0] * shapeZyx[1] * shapeZyx[2];
		if (n > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("a volume of " + shapeZyx[0] + "x" + shapeZyx[1] + "x" + shapeZyx[2]
					+ " voxels (" + n + ") is too large to hold in memory at once (at most " + (Integer.MAX_VALUE - 8)
					+ " voxels): read a coarser pyramid level or a crop");
		MemoryCheck.requireHeap(n * type.bytes(), "a volume of " + shapeZyx[0] + "x" + shapeZyx[1] + "x" + shapeZyx[2]
				+ " " + type);
		return new DenseVolume(shapeZyx, type, newStorage(type, (int) n));
	}

	public static DenseVolume ofFloats(int[] shapeZyx, float[] data) {
		return new DenseVolume(shapeZyx, DataType.FLOAT32, data);
	}

	static Object newStorage(DataType type, int n) {
		return switch (type) {
		case UINT8, INT8 -> new byte[n];
		case UINT16, INT16, FLOAT16 -> new short[n];
		case UINT32, INT32 -> new int[n];
		case FLOAT32 -> new float[n];
		case FLOAT64 -> new double[n];
		};
	}

	static Class<?> storageClass(DataType type) {
		return switch (type) {
		case UINT8, INT8 -> byte[].class;
		case UINT16, INT16, FLOAT16 -> short[].class;
		case UINT32, INT32 -> int[].class;
		case FLOAT32 -> float[].class;
		case FLOAT64 -> double[].class;
		};
	}

	/** Shape (z, y, x), a copy. */
	public int[] shape() {
		return shape.clone();
	}

	public int sizeZ() {
		return shape[0];
	}

	public int sizeY() {
		return shape[1];
	}

	public int sizeX() {
		return shape[2];
	}

	public int voxelCount() {
		return shape[0] * shape[1] * shape[2];
	}

	public DataType dataType() {
		return type;
	}

	/** The storage array itself (not a copy); see the class comment for its type. */
	public Object data() {
		return data;
	}

	public int index(int z, int y, int x) {
		return (z * shape[1] + y) * shape[2] + x;
	}

	/** The value at a linear index, exactly, as a double. */
	public double getDouble(int i) {
		return switch (type) {
		case UINT8 -> ((byte[]) data)[i] & 0xff;
		case INT8 -> ((byte[]) data)[i];
		case UINT16 -> ((short[]) data)[i] & 0xffff;
		case INT16 -> ((short[]) data)[i];
		case FLOAT16 -> Float16.toFloat(((short[]) data)[i]);
		case UINT32 -> ((int[]) data)[i] & 0xffffffffL;
		case INT32 -> ((int[]) data)[i];
		case FLOAT32 -> ((float[]) data)[i];
		case FLOAT64 -> ((double[]) data)[i];
		};
	}

	public double getDouble(int z, int y, int x) {
		return getDouble(index(z, y, x));
	}

	/** The values as float (the array itself for f4, a converted copy otherwise). */
	public float[] toFloatArray() {
		if (type == DataType.FLOAT32)
			return (float[]) data;
		int n = voxelCount();
		MemoryCheck.requireHeap(4L * n, "a float32 copy of a " + shape[0] + "x" + shape[1] + "x" + shape[2] + " "
				+ type + " volume");
		float[] out = new float[n];
		for (int i = 0; i < n; i++)
			out[i] = (float) getDouble(i);
		return out;
	}

	/** This volume as float32 (itself if it already is). */
	public DenseVolume toFloat32() {
		return type == DataType.FLOAT32 ? this : ofFloats(shape, toFloatArray());
	}
}
