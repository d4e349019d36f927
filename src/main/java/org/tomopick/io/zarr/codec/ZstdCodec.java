package org.tomopick.io.zarr.codec;

import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;

/** The numcodecs {@code zstd} codec: each chunk is one Zstandard frame (aircompressor's pure-Java zstd). */
public final class ZstdCodec implements ChunkCodec {

	private final int level;

	public ZstdCodec(int level) {
		this.level = level;
	}

	@Override
	public String id() {
		return "zstd";
	}

	@Override
	public void decode(byte[] encoded, int encodedLength, byte[] decoded, int decodedLength) {
		decompress(encoded, 0, encodedLength, decoded, 0, decodedLength);
	}

	/** Decodes one zstd frame that must give exactly {@code length} bytes (also used by Blosc's zstd streams). */
	static void decompress(byte[] encoded, int encodedOffset, int encodedLength, byte[] decoded, int offset,
			int length) {
		int n;
		try {
			n = new ZstdDecompressor().decompress(encoded, encodedOffset, encodedLength, decoded, offset, length);
		} catch (RuntimeException e) {
			throw new ChunkFormatException("corrupt zstd stream: " + e.getMessage(), e);
		}
		if (n != length)
			throw new ChunkFormatException("zstd stream decodes to " + n + " bytes, expected " + length);
	}

	@Override
	public byte[] encode(byte[] raw, int typeSize) {
		ZstdCompressor compressor = new ZstdCompressor();
		byte[] out = new byte[compressor.maxCompressedLength(raw.length)];
		int n = compressor.compress(raw, 0, raw.length, out, 0, out.length);
		return java.util.Arrays.copyOf(out, n);
	}

	@Override
	public String toJson() {
		return "{\"id\": \"zstd\", \"level\": " + level + "}";
	}
}
