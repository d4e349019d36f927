package org.tomopick.io.zarr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.zarr.codec.ChunkFormatException;

/**
 * Loads and decodes chunk files of one array into reused buffers. One reader per thread; not thread-safe. The
 * decoded bytes are always in C order (F-order chunks are transposed here) and in the file's byte order.
 */
final class ChunkReader {

	private final ZarrArray array;
	private final ZarrArrayMetadata meta;
	private byte[] encoded = new byte[0];
	private final byte[] decoded;
	private byte[] transposed;

	ChunkReader(ZarrArray array) {
		this.array = array;
		this.meta = array.metadata();
		this.decoded = new byte[meta.chunkBytes()];
	}

	/**
	 * Decodes chunk (z, y, x).
	 *
	 * @return the whole decoded chunk in C order (a buffer reused by the next call), or null when its file does not
	 *         exist
	 */
	byte[] load(int cz, int cy, int cx) {
		Path file = meta.chunkFile(array.path(), cz, cy, cx);
		if (!java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS))
			return null;
		// opening a FIFO would wait for a writer, a device would never end: only regular files are chunks
		if (!java.nio.file.Files.isRegularFile(file))
			throw new TomoPickIoException(file, "chunk is not a regular file (a device, FIFO, socket or folder)");
		int length;
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = channel.size();
			// an encoded chunk is never much larger than the decoded one (compressors add a header, at most a few %)
			long limit = Math.min(Integer.MAX_VALUE - 64, 2L * decoded.length + 4096);
			if (size > limit)
				throw new TomoPickIoException(file, "chunk file of " + size + " bytes is larger than a chunk of "
						+ decoded.length + " bytes can be encoded");
			length = (int) size;
			if (encoded.length < length)
				encoded = new byte[Math.max(length, encoded.length + encoded.length / 4)];
			ByteBuffer buffer = ByteBuffer.wrap(encoded, 0, length);
			while (buffer.hasRemaining())
				if (channel.read(buffer) < 0)
					throw new TomoPickIoException(file, "chunk file shrank while reading");
		} catch (NoSuchFileException e) {
			return null;
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot read chunk: " + e.getMessage(), e);
		}
		try {
			meta.codec().decode(encoded, length, decoded, decoded.length);
		} catch (ChunkFormatException e) {
			throw new TomoPickIoException(file, "bad " + meta.codec().id() + " chunk: " + e.getMessage(), e);
		} catch (RuntimeException e) {
			throw new TomoPickIoException(file, "cannot decode " + meta.codec().id() + " chunk: " + e, e);
		}
		array.countDecode();
		return meta.fortranOrder() ? toCOrder(decoded) : decoded;
	}

	/** F order (z fastest) to C order (x fastest), element by element. */
	private byte[] toCOrder(byte[] f) {
		if (transposed == null)
			transposed = new byte[f.length];
		int[] c = meta.chunks();
		int b = meta.dataType().bytes();
		int out = 0;
		for (int z = 0; z < c[0]; z++)
			for (int y = 0; y < c[1]; y++)
				for (int x = 0; x < c[2]; x++, out += b) {
					int in = ((x * c[1] + y) * c[0] + z) * b;
					for (int k = 0; k < b; k++)
						transposed[out + k] = f[in + k];
				}
		return transposed;
	}
}
