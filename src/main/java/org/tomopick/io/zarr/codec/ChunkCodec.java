package org.tomopick.io.zarr.codec;

/**
 * One Zarr v2 compressor (the {@code compressor} field of {@code .zarray}): turns the bytes of a chunk file into the
 * chunk's raw bytes and back. Implementations are immutable and may be shared between threads; per-call state lives
 * in the call.
 */
public interface ChunkCodec {

	/** The numcodecs id, e.g. {@code "blosc"} or {@code "zlib"}; {@code "null"} for uncompressed chunks. */
	String id();

	/**
	 * Decodes {@code encoded[0, encodedLength)} into {@code decoded[0, decodedLength)}.
	 *
	 * @throws ChunkFormatException when the input is corrupt or does not decode to exactly {@code decodedLength}
	 *                              bytes
	 */
	void decode(byte[] encoded, int encodedLength, byte[] decoded, int decodedLength);

	/**
	 * Encodes raw chunk bytes whose elements are {@code typeSize} bytes wide.
	 *
	 * @throws UnsupportedOperationException for codecs that TomoPick only reads
	 */
	byte[] encode(byte[] raw, int typeSize);

	/** The JSON object for {@code .zarray}'s compressor field, or {@code "null"}. */
	String toJson();
}
