package org.tomopick.io.zarr.codec;

import static org.tomopick.io.zarr.codec.BloscCodec.*;

/** Reads one c-blosc 1.x chunk (see {@link BloscCodec} for the layout); follows c-blosc's {@code blosc_d}. */
final class BloscChunkDecoder {

	/** Per-thread scratch for the shuffled bytes of one block. */
	private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1][0]);

	private BloscChunkDecoder() {
	}

	static void decode(byte[] src, int srcLength, byte[] dst, int dstLength) {
		if (srcLength < HEADER)
			throw new ChunkFormatException("blosc chunk of " + srcLength + " bytes is shorter than its 16-byte header");
		int version = src[0] & 0xff;
		if (version != 2)
			throw new ChunkFormatException("blosc format version " + version
					+ " is not supported (only version 2, written by c-blosc 1.x)");
		int flags = src[2] & 0xff;
		if ((flags & FLAG_RESERVED) != 0)
			throw new ChunkFormatException("blosc header has the reserved flag bit 3 set");
		int typeSize = src[3] & 0xff;
		int nbytes = readInt(src, 4);
		int blocksize = readInt(src, 8);
		int cbytes = readInt(src, 12);
		if (nbytes != dstLength)
			throw new ChunkFormatException("blosc header says " + Integer.toUnsignedString(nbytes)
					+ " uncompressed bytes, the chunk needs " + dstLength);
		if (cbytes < HEADER || cbytes > srcLength)
			throw new ChunkFormatException("blosc header says " + Integer.toUnsignedString(cbytes)
					+ " compressed bytes but the chunk has " + srcLength + (cbytes > srcLength ? " (truncated)" : ""));
		if (nbytes == 0)
			return;
		if (typeSize == 0 || blocksize <= 0)
			throw new ChunkFormatException("blosc header has type size " + typeSize + " and block size " + blocksize);
		if ((flags & FLAG_MEMCPYED) != 0) {
			if (cbytes != nbytes + HEADER)
				throw new ChunkFormatException("memcpy'ed blosc chunk has " + cbytes + " bytes, expected "
						+ (nbytes + HEADER));
			System.arraycopy(src, HEADER, dst, 0, nbytes);
			return;
		}
		int format = flags >>> 5;
		checkFormat(format, src[1] & 0xff);
		int nblocks = nbytes / blocksize + (nbytes % blocksize > 0 ? 1 : 0);
		if (nblocks > (cbytes - HEADER) / 4)
			throw new ChunkFormatException("blosc chunk of " + cbytes + " bytes is too short for its " + nblocks
					+ " block offsets");
		boolean dontSplit = (flags & FLAG_DONT_SPLIT) != 0;
		for (int j = 0; j < nblocks; j++) {
			boolean leftover = j == nblocks - 1 && nbytes % blocksize > 0;
			int bsize = leftover ? nbytes % blocksize : blocksize;
			boolean shuffled = (flags & FLAG_SHUFFLE) != 0 && typeSize > 1;
			boolean bitShuffled = !shuffled && (flags & FLAG_BITSHUFFLE) != 0 && bsize >= typeSize;
			int nsplits = !dontSplit && typeSize <= MAX_SPLITS && blocksize / typeSize >= MIN_BUFFERSIZE && !leftover
					? typeSize : 1;
			int start = readInt(src, HEADER + 4 * j);
			int dstOff = j * blocksize;
			if (shuffled || bitShuffled) {
				byte[] tmp = scratch(bsize);
				decodeBlock(src, cbytes, start, format, nsplits, bsize, tmp, 0);
				if (shuffled)
					BloscShuffle.unshuffle(typeSize, tmp, 0, dst, dstOff, bsize);
				else
					BloscShuffle.bitUnshuffle(typeSize, tmp, 0, dst, dstOff, bsize);
			} else {
				decodeBlock(src, cbytes, start, format, nsplits, bsize, dst, dstOff);
			}
		}
	}

	private static void checkFormat(int format, int formatVersion) {
		String name = switch (format) {
		case FORMAT_BLOSCLZ -> "blosclz";
		case FORMAT_LZ4 -> "lz4";
		case FORMAT_ZLIB -> "zlib";
		case FORMAT_ZSTD -> "zstd";
		case FORMAT_SNAPPY -> throw new ChunkFormatException(
				"blosc compressor snappy is not supported (supported: " + SUPPORTED_CNAMES + ")");
		default -> throw new ChunkFormatException("blosc header names unknown compressor format " + format);
		};
		if (formatVersion != 1)
			throw new ChunkFormatException("blosc " + name + " format version " + formatVersion + " is not supported");
	}

	private static void decodeBlock(byte[] src, int cbytes, int offset, int format, int nsplits, int bsize,
			byte[] out, int outOff) {
		int neblock = bsize / nsplits;
		for (int s = 0; s < nsplits; s++) {
			if (offset < 0 || offset > cbytes - 4)
				throw new ChunkFormatException("blosc stream offset " + offset + " lies outside the " + cbytes
						+ "-byte chunk");
			int csize = readInt(src, offset);
			offset += 4;
			if (csize < 0 || csize > cbytes - offset)
				throw new ChunkFormatException("blosc stream of " + csize + " bytes at offset " + offset
						+ " runs past the end of the " + cbytes + "-byte chunk");
			if (csize == neblock)
				System.arraycopy(src, offset, out, outOff, neblock);
			else
				decompressStream(format, src, offset, csize, out, outOff, neblock);
			offset += csize;
			outOff += neblock;
		}
	}

	private static void decompressStream(int format, byte[] src, int off, int len, byte[] out, int outOff, int n) {
		switch (format) {
		case FORMAT_LZ4 -> Lz4Codec.decompressBlock(src, off, len, out, outOff, n);
		case FORMAT_ZSTD -> ZstdCodec.decompress(src, off, len, out, outOff, n);
		case FORMAT_ZLIB -> ZlibCodec.inflate(src, off, len, out, outOff, n);
		case FORMAT_BLOSCLZ -> {
			int got = BloscLzDecompressor.decompress(src, off, len, out, outOff, n);
			if (got != n)
				throw new ChunkFormatException("blosclz stream decodes to " + got + " bytes, expected " + n);
		}
		default -> throw new IllegalStateException("format " + format);
		}
	}

	private static byte[] scratch(int size) {
		byte[][] holder = SCRATCH.get();
		if (holder[0].length < size)
			holder[0] = new byte[size];
		return holder[0];
	}
}
