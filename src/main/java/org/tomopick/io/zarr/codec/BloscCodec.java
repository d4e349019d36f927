package org.tomopick.io.zarr.codec;

import java.util.Locale;

/**
 * The numcodecs {@code blosc} codec, read and written in pure Java in the c-blosc 1.x container format (format
 * version 2): a 16-byte header (version, compressor version, flags, type size, then little-endian uncompressed size,
 * block size and total compressed size), an array of block start offsets, and per block one stream or, when the
 * block is split, one stream per byte of the type, each preceded by its compressed size (a stream whose size equals
 * its uncompressed size is stored as is). Reads the blosclz, lz4, lz4hc, zlib and zstd compressors with no shuffle,
 * byte shuffle or bit shuffle, and memcpy'ed chunks; writes lz4, zlib and zstd with no shuffle or byte shuffle.
 */
public final class BloscCodec implements ChunkCodec {

	/** Compressor names that the container can hold and this class decodes. */
	public static final java.util.List<String> SUPPORTED_CNAMES = java.util.List.of("blosclz", "lz4", "lz4hc", "zlib",
			"zstd");

	public static final int NOSHUFFLE = 0;
	public static final int SHUFFLE = 1;
	public static final int BITSHUFFLE = 2;

	static final int HEADER = 16;
	static final int FLAG_SHUFFLE = 0x01;
	static final int FLAG_MEMCPYED = 0x02;
	static final int FLAG_BITSHUFFLE = 0x04;
	static final int FLAG_RESERVED = 0x08;
	static final int FLAG_DONT_SPLIT = 0x10;
	static final int MAX_SPLITS = 16;
	static final int MIN_BUFFERSIZE = 128;

	/** Compressor formats as stored in the top three bits of the flags byte. */
	static final int FORMAT_BLOSCLZ = 0;
	static final int FORMAT_LZ4 = 1;
	static final int FORMAT_SNAPPY = 2;
	static final int FORMAT_ZLIB = 3;
	static final int FORMAT_ZSTD = 4;

	private final String cname;
	private final int clevel;
	private final int shuffle;
	private final int blocksize;

	/**
	 * @param cname     one of {@link #SUPPORTED_CNAMES}
	 * @param clevel    0..9, used by zlib and written to {@code .zarray}
	 * @param shuffle   {@link #NOSHUFFLE}, {@link #SHUFFLE} or {@link #BITSHUFFLE}
	 * @param blocksize the {@code blocksize} field of {@code .zarray} (0 = automatic); only written back
	 */
	public BloscCodec(String cname, int clevel, int shuffle, int blocksize) {
		if (!SUPPORTED_CNAMES.contains(cname))
			throw new IllegalArgumentException("blosc compressor '" + cname + "' is not supported; supported are "
					+ SUPPORTED_CNAMES);
		if (shuffle < 0 || shuffle > 2)
			throw new IllegalArgumentException("blosc shuffle must be 0, 1 or 2, was " + shuffle);
		if (clevel < 0 || clevel > 9)
			throw new IllegalArgumentException("blosc clevel must be 0..9, was " + clevel);
		this.cname = cname;
		this.clevel = clevel;
		this.shuffle = shuffle;
		this.blocksize = blocksize;
	}

	/** LZ4 with byte shuffle at level 5, what TomoPick writes by default. */
	public static BloscCodec lz4Shuffled() {
		return new BloscCodec("lz4", 5, SHUFFLE, 0);
	}

	public String cname() {
		return cname;
	}

	public int shuffle() {
		return shuffle;
	}

	@Override
	public String id() {
		return "blosc";
	}

	@Override
	public void decode(byte[] encoded, int encodedLength, byte[] decoded, int decodedLength) {
		BloscChunkDecoder.decode(encoded, encodedLength, decoded, decodedLength);
	}

	@Override
	public byte[] encode(byte[] raw, int typeSize) {
		if (shuffle == BITSHUFFLE)
			throw new UnsupportedOperationException("writing blosc with bit shuffle is not supported");
		if (cname.equals("blosclz"))
			throw new UnsupportedOperationException("writing blosc with blosclz is not supported");
		return BloscChunkEncoder.encode(raw, typeSize, formatOf(cname), clevel, shuffle == SHUFFLE);
	}

	static int formatOf(String cname) {
		return switch (cname) {
		case "blosclz" -> FORMAT_BLOSCLZ;
		case "lz4", "lz4hc" -> FORMAT_LZ4;
		case "snappy" -> FORMAT_SNAPPY;
		case "zlib" -> FORMAT_ZLIB;
		case "zstd" -> FORMAT_ZSTD;
		default -> -1;
		};
	}

	@Override
	public String toJson() {
		return String.format(Locale.ROOT, "{\"id\": \"blosc\", \"cname\": \"%s\", \"clevel\": %d, \"shuffle\": %d, "
				+ "\"blocksize\": %d}", cname, clevel, shuffle, blocksize);
	}

	static int readInt(byte[] b, int off) {
		return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
	}

	static void writeInt(byte[] b, int off, int v) {
		b[off] = (byte) v;
		b[off + 1] = (byte) (v >>> 8);
		b[off + 2] = (byte) (v >>> 16);
		b[off + 3] = (byte) (v >>> 24);
	}
}
