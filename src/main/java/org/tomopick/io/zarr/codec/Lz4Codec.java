package org.tomopick.io.zarr.codec;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;

/**
 * The numcodecs {@code lz4} codec: a 4-byte little-endian uncompressed size followed by one raw LZ4 block
 * (aircompressor's pure-Java LZ4).
 */
public final class Lz4Codec implements ChunkCodec {

	private final int acceleration;

	public Lz4Codec(int acceleration) {
		this.acceleration = acceleration;
	}

	@Override
	public String id() {
		return "lz4";
	}

	@Override
	public void decode(byte[] encoded, int encodedLength, byte[] decoded, int decodedLength) {
		if (encodedLength < 4)
			throw new ChunkFormatException("lz4 chunk of " + encodedLength + " bytes has no size header");
		int size = (encoded[0] & 0xff) | (encoded[1] & 0xff) << 8 | (encoded[2] & 0xff) << 16 | (encoded[3] & 0xff) << 24;
		if (size != decodedLength)
			throw new ChunkFormatException("lz4 size header says " + Integer.toUnsignedString(size) + " bytes, expected "
					+ decodedLength);
		decompressBlock(encoded, 4, encodedLength - 4, decoded, 0, decodedLength);
	}

	/** Decodes one raw LZ4 block that must give exactly {@code length} bytes (also used by Blosc). */
	static void decompressBlock(byte[] encoded, int encodedOffset, int encodedLength, byte[] decoded, int offset,
			int length) {
		int n;
		try {
			n = new Lz4Decompressor().decompress(encoded, encodedOffset, encodedLength, decoded, offset, length);
		} catch (RuntimeException e) {
			throw new ChunkFormatException("corrupt lz4 block: " + e.getMessage(), e);
		}
		if (n != length)
			throw new ChunkFormatException("lz4 block decodes to " + n + " bytes, expected " + length);
	}

	@Override
	public byte[] encode(byte[] raw, int typeSize) {
		Lz4Compressor compressor = new Lz4Compressor();
		byte[] out = new byte[4 + compressor.maxCompressedLength(raw.length)];
		int n = compressor.compress(raw, 0, raw.length, out, 4, out.length - 4);
		out[0] = (byte) raw.length;
		out[1] = (byte) (raw.length >>> 8);
		out[2] = (byte) (raw.length >>> 16);
		out[3] = (byte) (raw.length >>> 24);
		return java.util.Arrays.copyOf(out, 4 + n);
	}

	@Override
	public String toJson() {
		return "{\"id\": \"lz4\", \"acceleration\": " + acceleration + "}";
	}
}
