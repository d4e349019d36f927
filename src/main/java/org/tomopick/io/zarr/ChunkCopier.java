package org.tomopick.io.zarr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;

import org.tomopick.io.DataType;
import org.tomopick.io.Float16;

/**
 * Copies a box of a decoded chunk (C order, file byte order) into the storage array of a
 * {@link org.tomopick.io.DenseVolume}, row by row with bulk buffer reads, and fills boxes with the fill value. All
 * boxes are (z, y, x).
 */
final class ChunkCopier {

	private ChunkCopier() {
	}

	/**
	 * @param chunk      the decoded chunk, {@code chunkDims} elements
	 * @param from       first voxel of the box inside the chunk
	 * @param dst        storage array of the destination volume
	 * @param dstDims    shape of the destination volume
	 * @param to         first voxel of the box inside the destination
	 * @param size       size of the box
	 */
	static void copy(byte[] chunk, DataType type, ByteOrder order, int[] chunkDims, int[] from, Object dst,
			int[] dstDims, int[] to, int[] size) {
		ByteBuffer bytes = ByteBuffer.wrap(chunk).order(order);
		int len = size[2];
		RowCopy row = switch (type) {
		case UINT8, INT8 -> (s, d) -> System.arraycopy(chunk, s, dst, d, len);
		case UINT16, INT16, FLOAT16 -> {
			ShortBuffer view = bytes.asShortBuffer();
			short[] out = (short[]) dst;
			yield (s, d) -> view.get(s, out, d, len);
		}
		case UINT32, INT32 -> {
			IntBuffer view = bytes.asIntBuffer();
			int[] out = (int[]) dst;
			yield (s, d) -> view.get(s, out, d, len);
		}
		case FLOAT32 -> {
			FloatBuffer view = bytes.asFloatBuffer();
			float[] out = (float[]) dst;
			yield (s, d) -> view.get(s, out, d, len);
		}
		case FLOAT64 -> {
			DoubleBuffer view = bytes.asDoubleBuffer();
			double[] out = (double[]) dst;
			yield (s, d) -> view.get(s, out, d, len);
		}
		};
		for (int z = 0; z < size[0]; z++)
			for (int y = 0; y < size[1]; y++)
				row.copy(((from[0] + z) * chunkDims[1] + from[1] + y) * chunkDims[2] + from[2],
						((to[0] + z) * dstDims[1] + to[1] + y) * dstDims[2] + to[2]);
	}

	@FunctionalInterface
	private interface RowCopy {
		void copy(int srcIndex, int dstIndex);
	}

	/** Fills a box of the destination with {@code value} converted to the type. */
	static void fill(double value, DataType type, Object dst, int[] dstDims, int[] to, int[] size) {
		for (int z = 0; z < size[0]; z++)
			for (int y = 0; y < size[1]; y++) {
				int d = ((to[0] + z) * dstDims[1] + to[1] + y) * dstDims[2] + to[2];
				int e = d + size[2];
				switch (type) {
				case UINT8, INT8 -> Arrays.fill((byte[]) dst, d, e, (byte) (long) value);
				case UINT16, INT16 -> Arrays.fill((short[]) dst, d, e, (short) (long) value);
				case FLOAT16 -> Arrays.fill((short[]) dst, d, e, Float16.fromFloat((float) value));
				case UINT32, INT32 -> Arrays.fill((int[]) dst, d, e, (int) (long) value);
				case FLOAT32 -> Arrays.fill((float[]) dst, d, e, (float) value);
				case FLOAT64 -> Arrays.fill((double[]) dst, d, e, value);
				}
			}
	}

	/**
	 * Packs a box of a volume's storage into the start of a chunk buffer (C order, little-endian), the inverse of
	 * {@link #copy}; voxels of the chunk outside the box are left as they are.
	 */
	static void pack(Object src, DataType type, int[] srcDims, int[] from, int[] size, byte[] chunk, int[] chunkDims) {
		ByteBuffer bytes = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
		int len = size[2];
		RowCopy row = switch (type) {
		case UINT8, INT8 -> (s, d) -> System.arraycopy(src, s, chunk, d, len);
		case UINT16, INT16, FLOAT16 -> {
			ShortBuffer view = bytes.asShortBuffer();
			short[] in = (short[]) src;
			yield (s, d) -> view.put(d, in, s, len);
		}
		case UINT32, INT32 -> {
			IntBuffer view = bytes.asIntBuffer();
			int[] in = (int[]) src;
			yield (s, d) -> view.put(d, in, s, len);
		}
		case FLOAT32 -> {
			FloatBuffer view = bytes.asFloatBuffer();
			float[] in = (float[]) src;
			yield (s, d) -> view.put(d, in, s, len);
		}
		case FLOAT64 -> {
			DoubleBuffer view = bytes.asDoubleBuffer();
			double[] in = (double[]) src;
			yield (s, d) -> view.put(d, in, s, len);
		}
		};
		for (int z = 0; z < size[0]; z++)
			for (int y = 0; y < size[1]; y++)
				row.copy(((from[0] + z) * srcDims[1] + from[1] + y) * srcDims[2] + from[2],
						(z * chunkDims[1] + y) * chunkDims[2]);
	}
}
