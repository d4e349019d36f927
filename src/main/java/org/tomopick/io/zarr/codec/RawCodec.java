package org.tomopick.io.zarr.codec;

/** Chunks stored without compression ({@code "compressor": null}). */
public final class RawCodec implements ChunkCodec {

	@Override
	public String id() {
		return "null";
	}

	@Override
	public void decode(byte[] encoded, int encodedLength, byte[] decoded, int decodedLength) {
		if (encodedLength != decodedLength)
			throw new ChunkFormatException("uncompressed chunk has " + encodedLength + " bytes, expected "
					+ decodedLength);
		System.arraycopy(encoded, 0, decoded, 0, decodedLength);
	}

	@Override
	public byte[] encode(byte[] raw, int typeSize) {
		return raw.clone();
	}

	@Override
	public String toJson() {
		return "null";
	}
}
