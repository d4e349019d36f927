package org.tomopick.io.zarr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.MemoryCheck;
import org.tomopick.io.TomoPickIoException;

/**
 * A 3D Zarr v2 array on disk, opened for reading: its metadata, single chunks, boxes and the whole array as a
 * {@link DenseVolume}. Only chunks that intersect the request are decoded, several at a time, straight into the
 * destination storage; missing chunk files read as the fill value. Thread-safe.
 */
public final class ZarrArray {

	private final Path path;
	private final ZarrArrayMetadata metadata;
	private final AtomicLong chunksDecoded = new AtomicLong();

	private ZarrArray(Path path, ZarrArrayMetadata metadata) {
		this.path = path;
		this.metadata = metadata;
	}

	/** Opens the array in {@code directory} (the folder holding {@code .zarray}). */
	public static ZarrArray open(Path directory) {
		return new ZarrArray(directory, ZarrArrayMetadata.read(directory));
	}

	public Path path() {
		return path;
	}

	public ZarrArrayMetadata metadata() {
		return metadata;
	}

	/** Shape (z, y, x), a copy. */
	public int[] shape() {
		return metadata.shape();
	}

	/** Chunk shape (z, y, x), a copy. */
	public int[] chunks() {
		return metadata.chunks();
	}

	public DataType dataType() {
		return metadata.dataType();
	}

	/** How many chunk files this array has decoded so far (missing chunks are not counted). */
	public long chunksDecoded() {
		return chunksDecoded.get();
	}

	void countDecode() {
		chunksDecoded.incrementAndGet();
	}

	/** The part of chunk (z, y, x) that lies inside the array (edge chunks are cut to the array). */
	public DenseVolume readChunk(int cz, int cy, int cx) {
		int[] grid = metadata.gridSize();
		if (cz < 0 || cy < 0 || cx < 0 || cz >= grid[0] || cy >= grid[1] || cx >= grid[2])
			throw new IllegalArgumentException(path + ": no chunk (" + cz + ", " + cy + ", " + cx + "); the grid is "
					+ Arrays.toString(grid));
		int[] c = metadata.chunks();
		int[] s = metadata.shape();
		int[] origin = { cz * c[0], cy * c[1], cx * c[2] };
		int[] size = new int[3];
		for (int d = 0; d < 3; d++)
			size[d] = Math.min(c[d], s[d] - origin[d]);
		return read(origin, size, 1);
	}

	/** The whole array, decoded on all available processors. */
	public DenseVolume readAll() {
		return readAll(Runtime.getRuntime().availableProcessors());
	}

	public DenseVolume readAll(int threads) {
		return read(new int[3], metadata.shape(), threads);
	}

	/** The box at {@code offsetZyx} of size {@code sizeZyx}, which must lie inside the array. */
	public DenseVolume read(int[] offsetZyx, int[] sizeZyx) {
		return read(offsetZyx, sizeZyx, Runtime.getRuntime().availableProcessors());
	}

	public DenseVolume read(int[] offsetZyx, int[] sizeZyx, int threads) {
		int[] shape = metadata.shape();
		if (offsetZyx.length != 3 || sizeZyx.length != 3)
			throw new IllegalArgumentException("offset and size need 3 values (z, y, x)");
		for (int d = 0; d < 3; d++)
			if (offsetZyx[d] < 0 || sizeZyx[d] <= 0 || (long) offsetZyx[d] + sizeZyx[d] > shape[d])
				throw new IllegalArgumentException(path + ": box at " + Arrays.toString(offsetZyx) + " of size "
						+ Arrays.toString(sizeZyx) + " is not inside the array of shape " + Arrays.toString(shape));
		DenseVolume out;
		try {
			out = DenseVolume.allocate(sizeZyx, metadata.dataType());
			// every reading thread holds a decoded and an encoded chunk
			MemoryCheck.requireHeap(2L * metadata.chunkBytes() * Math.max(1, threads), "decoding chunks of "
					+ metadata.chunkBytes() + " bytes on " + threads + " threads");
		} catch (IllegalArgumentException e) {
			throw new TomoPickIoException(path, e.getMessage(), e);
		}
		int[] c = metadata.chunks();
		List<int[]> chunkList = new ArrayList<>();
		for (int z = offsetZyx[0] / c[0]; z <= (offsetZyx[0] + sizeZyx[0] - 1) / c[0]; z++)
			for (int y = offsetZyx[1] / c[1]; y <= (offsetZyx[1] + sizeZyx[1] - 1) / c[1]; y++)
				for (int x = offsetZyx[2] / c[2]; x <= (offsetZyx[2] + sizeZyx[2] - 1) / c[2]; x++)
					chunkList.add(new int[] { z, y, x });
		ParallelChunks.run(chunkList.size(), threads, () -> {
			ChunkReader reader = new ChunkReader(this);
			return i -> copyChunk(reader, chunkList.get(i), offsetZyx, sizeZyx, out);
		});
		return out;
	}

	private void copyChunk(ChunkReader reader, int[] chunk, int[] offset, int[] size, DenseVolume out) {
		int[] c = metadata.chunks();
		int[] from = new int[3];
		int[] to = new int[3];
		int[] n = new int[3];
		for (int d = 0; d < 3; d++) {
			int chunkStart = chunk[d] * c[d];
			int start = Math.max(chunkStart, offset[d]);
			int end = Math.min(chunkStart + c[d], offset[d] + size[d]);
			from[d] = start - chunkStart;
			to[d] = start - offset[d];
			n[d] = end - start;
		}
		byte[] decoded = reader.load(chunk[0], chunk[1], chunk[2]);
		int[] outShape = out.shape();
		if (decoded == null)
			ChunkCopier.fill(metadata.fillValue(), metadata.dataType(), out.data(), outShape, to, n);
		else
			ChunkCopier.copy(decoded, metadata.dataType(), metadata.byteOrder(), c, from, out.data(), outShape, to, n);
	}

	@Override
	public String toString() {
		return "ZarrArray[" + path + ", " + metadata + "]";
	}
}
