package org.tomopick.io.zarr;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.zarr.codec.ChunkCodec;

/**
 * Writes a {@link DenseVolume} as a plain Zarr v2 array: {@code .zarray} (C order, little-endian, fill value 0,
 * no filters, "/" chunk keys) and one chunk file per chunk, edge chunks stored full size and padded with zeros.
 * Chunks are encoded on several threads. {@link #write} builds the array in a temporary sibling directory and renames
 * it into place.
 */
public final class ZarrArrayWriter {

	private ZarrArrayWriter() {
	}

	/**
	 * Writes {@code volume} to the array directory {@code target}.
	 *
	 * @param overwrite whether an existing {@code target} may be replaced (only once the new array is complete)
	 */
	public static void write(DenseVolume volume, Path target, int[] chunksZyx, ChunkCodec codec, boolean overwrite) {
		DirectoryCommit.write(target, overwrite, dir -> writeInto(volume, dir, chunksZyx, codec,
				org.tomopick.progress.Progress.NONE));
	}

	/** Writes the array into the existing, empty directory {@code dir} (no atomicity of its own). */
	static ZarrArrayMetadata writeInto(DenseVolume volume, Path dir, int[] chunksZyx, ChunkCodec codec,
			org.tomopick.progress.Progress progress) {
		int[] shape = volume.shape();
		int[] chunks = new int[3];
		for (int d = 0; d < 3; d++)
			chunks[d] = Math.min(chunksZyx[d], shape[d]);
		ZarrArrayMetadata meta = new ZarrArrayMetadata(shape, chunks, volume.dataType(), ByteOrder.LITTLE_ENDIAN, 0,
				false, codec, "/");
		int[] grid = meta.gridSize();
		int n = grid[0] * grid[1] * grid[2];
		try {
			Files.writeString(dir.resolve(".zarray"), meta.toJson(), StandardCharsets.UTF_8);
			for (int z = 0; z < grid[0]; z++)
				for (int y = 0; y < grid[1]; y++)
					Files.createDirectories(dir.resolve(Integer.toString(z)).resolve(Integer.toString(y)));
		} catch (IOException e) {
			throw new TomoPickIoException(dir, "cannot write array: " + e.getMessage(), e);
		}
		ParallelChunks.run(n, Runtime.getRuntime().availableProcessors(), () -> {
			byte[] raw = new byte[meta.chunkBytes()];
			return i -> {
				progress.checkCancelled("writing " + dir.getFileName());
				writeChunk(volume, meta, dir, i / (grid[1] * grid[2]), i / grid[2] % grid[1], i % grid[2], raw);
			};
		});
		return meta;
	}

	private static void writeChunk(DenseVolume volume, ZarrArrayMetadata meta, Path dir, int cz, int cy, int cx,
			byte[] raw) {
		int[] c = meta.chunks();
		int[] shape = volume.shape();
		int[] from = { cz * c[0], cy * c[1], cx * c[2] };
		int[] size = new int[3];
		boolean partial = false;
		for (int d = 0; d < 3; d++) {
			size[d] = Math.min(c[d], shape[d] - from[d]);
			partial |= size[d] < c[d];
		}
		if (partial)
			Arrays.fill(raw, (byte) 0);
		ChunkCopier.pack(volume.data(), volume.dataType(), shape, from, size, raw, c);
		byte[] encoded = meta.codec().encode(raw, volume.dataType().bytes());
		Path file = meta.chunkFile(dir, cz, cy, cx);
		try {
			Files.write(file, encoded);
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot write chunk: " + e.getMessage(), e);
		}
	}
}
