package org.tomopick.io.zarr;

import java.util.ArrayList;
import java.util.List;

import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.OrthogonalPlane;
import org.tomopick.io.PlaneReader;

/**
 * Reads planes of any orientation from a Zarr array, decoding only the chunks the plane crosses (a plane of a chunked
 * volume crosses a whole layer of chunks). Decoded chunks are kept, as float, in a least-recently-used cache bounded
 * in bytes, so that neighbouring planes (moving the cursor by a few voxels) decode nothing and the XZ and YZ planes
 * share the chunks where they cross. A plane larger than the cache is still read whole; the cache then only keeps
 * its last chunks. Thread-safe.
 */
public final class ZarrPlaneReader implements PlaneReader {

	/** The cache's default upper bound: 256 MiB, or an eighth of the heap if that is less. */
	public static final long DEFAULT_CACHE_BYTES = 256L << 20;

	private final ZarrArray array;
	private final int[] shape;
	private final int[] chunks;
	private final int[] grid;
	private final int capacity;
	private final BoundedChunkCache<float[]> cache;
	private final java.util.concurrent.atomic.AtomicLong decodes = new java.util.concurrent.atomic.AtomicLong();

	public ZarrPlaneReader(ZarrArray array) {
		this(array, Math.min(DEFAULT_CACHE_BYTES, Runtime.getRuntime().maxMemory() / 8));
	}

	/** @param cacheBytes at most this many bytes of decoded chunks are kept (at least one chunk is) */
	public ZarrPlaneReader(ZarrArray array, long cacheBytes) {
		this.array = array;
		this.shape = array.shape();
		this.chunks = array.chunks();
		this.grid = array.metadata().gridSize();
		long chunkBytes = 4L * chunks[0] * chunks[1] * chunks[2];
		this.capacity = (int) Math.max(1, Math.min(Integer.MAX_VALUE, cacheBytes / chunkBytes));
		this.cache = new BoundedChunkCache<>(capacity, this::decode);
	}

	@Override
	public int[] shapeZyx() {
		return shape.clone();
	}

	@Override
	public float[] read(OrthogonalPlane plane, int index) {
		plane.checkIndex(index, shape);
		int n = plane.normalAxis(), a = plane.columnAxis(), b = plane.rowAxis();
		float[] out = new float[plane.columns(shape) * plane.rows(shape)];
		List<int[]> crossed = new ArrayList<>();
		for (int i = 0; i < grid[a]; i++)
			for (int j = 0; j < grid[b]; j++) {
				int[] position = new int[3];
				position[n] = index / chunks[n];
				position[a] = i;
				position[b] = j;
				crossed.add(position);
			}
		int threads = Math.min(4, Runtime.getRuntime().availableProcessors());
		ParallelChunks.run(crossed.size(), threads, () -> i -> copy(crossed.get(i), plane, index, out));
		return out;
	}

	/** Copies the voxels of one chunk that lie on the plane into the plane's values. */
	private void copy(int[] position, OrthogonalPlane plane, int index, float[] out) {
		float[] chunk = cache.get(key(position));
		int[] origin = new int[3], size = new int[3];
		for (int d = 0; d < 3; d++) {
			origin[d] = position[d] * chunks[d];
			size[d] = Math.min(chunks[d], shape[d] - origin[d]);
		}
		int a = plane.columnAxis(), b = plane.rowAxis(), columns = plane.columns(shape);
		int[] local = new int[3];
		local[plane.normalAxis()] = index - origin[plane.normalAxis()];
		for (int j = 0; j < size[b]; j++) {
			local[b] = j;
			int row = (origin[b] + j) * columns + origin[a];
			for (int i = 0; i < size[a]; i++) {
				local[a] = i;
				out[row + i] = chunk[(local[0] * size[1] + local[1]) * size[2] + local[2]];
			}
		}
	}

	private long key(int[] position) {
		return ((long) position[0] * grid[1] + position[1]) * grid[2] + position[2];
	}

	private float[] decode(long key) {
		decodes.incrementAndGet();
		int x = (int) (key % grid[2]), y = (int) (key / grid[2] % grid[1]), z = (int) (key / grid[2] / grid[1]);
		DenseVolume chunk = array.readChunk(z, y, x);
		return chunk.dataType() == DataType.FLOAT32 ? (float[]) chunk.data() : chunk.toFloatArray();
	}

	/** How many chunks have been decoded so far (a measure of how well the cache works). */
	public long chunkDecodes() {
		return decodes.get();
	}

	/** How many decoded chunks the cache may keep. */
	public int cacheCapacity() {
		return capacity;
	}

	/** How many decoded chunks the cache keeps now (never more than {@link #cacheCapacity()}). */
	public int cachedChunks() {
		return cache.size();
	}

	public ZarrArray array() {
		return array;
	}
}
