package org.tomopick.io.zarr.codec;

import static org.tomopick.io.zarr.codec.BloscCodec.*;

import java.util.Arrays;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.zstd.ZstdCompressor;

/**
 * Writes one c-blosc 1.x chunk: blocks of up to 128 KiB, split into one stream per byte of the type like c-blosc's
 * default (forward-compatible) split mode, each stream stored as is when compression does not make it smaller, and
 * the whole chunk memcpy'ed when compression does not pay at all.
 */
final class BloscChunkEncoder {

	private static final int BLOCK_BYTES = 1 << 17;

	private BloscChunkEncoder() {
	}

	static byte[] encode(byte[] raw, int typeSize, int format, int clevel, boolean shuffle) {
		if (typeSize < 1 || typeSize > 255)
			throw new IllegalArgumentException("blosc type size must be 1..255, was " + typeSize);
		int nbytes = raw.length;
		int blocksize = Math.min(nbytes, BLOCK_BYTES);
		if (blocksize > typeSize)
			blocksize = blocksize / typeSize * typeSize;
		if (nbytes < MIN_BUFFERSIZE || clevel == 0)
			return memcpyed(raw, typeSize, blocksize, format, shuffle);
		boolean split = format != FORMAT_ZSTD && typeSize <= MAX_SPLITS && blocksize / typeSize >= MIN_BUFFERSIZE;
		int nblocks = (nbytes + blocksize - 1) / blocksize;
		byte[] out = new byte[HEADER + 4 * nblocks + nbytes + nbytes / 8 + 1024];
		int pos = HEADER + 4 * nblocks;
		byte[] shuffled = new byte[blocksize];
		Lz4Compressor lz4 = format == FORMAT_LZ4 ? new Lz4Compressor() : null;
		byte[] scratch = lz4 != null ? new byte[lz4.maxCompressedLength(blocksize)] : null;
		for (int j = 0; j < nblocks; j++) {
			boolean leftover = j == nblocks - 1 && nbytes % blocksize > 0;
			int bsize = leftover ? nbytes % blocksize : blocksize;
			byte[] block = raw;
			int blockOff = j * blocksize;
			if (shuffle && typeSize > 1) {
				BloscShuffle.shuffle(typeSize, raw, blockOff, shuffled, 0, bsize);
				block = shuffled;
				blockOff = 0;
			}
			writeInt(out, HEADER + 4 * j, pos);
			int nsplits = split && !leftover ? typeSize : 1;
			int neblock = bsize / nsplits;
			for (int s = 0; s < nsplits; s++) {
				byte[] stream = compress(format, clevel, block, blockOff + s * neblock, neblock, lz4, scratch);
				boolean stored = stream == null || stream.length >= neblock;
				int csize = stored ? neblock : stream.length;
				if (pos + 4 + csize > nbytes + HEADER)
					return memcpyed(raw, typeSize, blocksize, format, shuffle);
				writeInt(out, pos, csize);
				if (stored)
					System.arraycopy(block, blockOff + s * neblock, out, pos + 4, neblock);
				else
					System.arraycopy(stream, 0, out, pos + 4, csize);
				pos += 4 + csize;
			}
		}
		int flags = (shuffle ? FLAG_SHUFFLE : 0) | (split ? 0 : FLAG_DONT_SPLIT) | format << 5;
		writeHeader(out, flags, typeSize, nbytes, blocksize, pos);
		return Arrays.copyOf(out, pos);
	}

	private static byte[] compress(int format, int clevel, byte[] src, int off, int len, Lz4Compressor lz4,
			byte[] scratch) {
		switch (format) {
		case FORMAT_LZ4: {
			int n = lz4.compress(src, off, len, scratch, 0, scratch.length);
			return n >= len ? null : Arrays.copyOf(scratch, n);
		}
		case FORMAT_ZLIB:
			return ZlibCodec.deflate(src, off, len, clevel);
		case FORMAT_ZSTD: {
			ZstdCompressor zstd = new ZstdCompressor();
			byte[] buffer = new byte[zstd.maxCompressedLength(len)];
			int n = zstd.compress(src, off, len, buffer, 0, buffer.length);
			return Arrays.copyOf(buffer, n);
		}
		default:
			throw new UnsupportedOperationException("cannot write blosc compressor format " + format);
		}
	}

	private static byte[] memcpyed(byte[] raw, int typeSize, int blocksize, int format, boolean shuffle) {
		byte[] out = new byte[HEADER + raw.length];
		int flags = FLAG_MEMCPYED | (shuffle ? FLAG_SHUFFLE : 0) | FLAG_DONT_SPLIT | format << 5;
		writeHeader(out, flags, typeSize, raw.length, Math.max(blocksize, 1), out.length);
		System.arraycopy(raw, 0, out, HEADER, raw.length);
		return out;
	}

	private static void writeHeader(byte[] out, int flags, int typeSize, int nbytes, int blocksize, int cbytes) {
		out[0] = 2;
		out[1] = 1;
		out[2] = (byte) flags;
		out[3] = (byte) typeSize;
		writeInt(out, 4, nbytes);
		writeInt(out, 8, blocksize);
		writeInt(out, 12, cbytes);
	}
}
