package org.tomopick.io.zarr.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/**
 * The numcodecs {@code zlib} codec (a zlib stream, RFC 1950) and {@code gzip} codec (a gzip member, RFC 1952), via
 * {@link java.util.zip}.
 */
public final class ZlibCodec implements ChunkCodec {

	private final boolean gzip;
	private final int level;

	private ZlibCodec(boolean gzip, int level) {
		if (level < 0 || level > 9)
			throw new IllegalArgumentException("zlib level must be 0..9, was " + level);
		this.gzip = gzip;
		this.level = level;
	}

	public static ZlibCodec zlib(int level) {
		return new ZlibCodec(false, level);
	}

	public static ZlibCodec gzip(int level) {
		return new ZlibCodec(true, level);
	}

	@Override
	public String id() {
		return gzip ? "gzip" : "zlib";
	}

	@Override
	public void decode(byte[] encoded, int encodedLength, byte[] decoded, int decodedLength) {
		if (gzip)
			decodeGzip(encoded, encodedLength, decoded, decodedLength);
		else
			inflate(encoded, 0, encodedLength, decoded, 0, decodedLength);
	}

	private static void decodeGzip(byte[] encoded, int encodedLength, byte[] decoded, int decodedLength) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(encoded, 0, encodedLength), 1 << 16)) {
			int n = in.readNBytes(decoded, 0, decodedLength);
			if (n != decodedLength)
				throw new ChunkFormatException("gzip stream decodes to " + n + " bytes, expected " + decodedLength);
			if (in.read() >= 0)
				throw new ChunkFormatException("gzip stream decodes to more than " + decodedLength + " bytes");
		} catch (IOException e) {
			throw new ChunkFormatException("corrupt gzip stream: " + e.getMessage(), e);
		}
	}

	@Override
	public byte[] encode(byte[] raw, int typeSize) {
		try {
			if (gzip) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length / 2 + 64);
				try (GZIPOutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
					out.write(raw);
				}
				return bytes.toByteArray();
			}
			return deflate(raw, level);
		} catch (IOException e) {
			throw new IllegalStateException("in-memory compression failed", e);
		}
	}

	/** A zlib stream of {@code raw} (also used by Blosc's zlib streams). */
	static byte[] deflate(byte[] raw, int level) {
		return deflate(raw, 0, raw.length, level);
	}

	static byte[] deflate(byte[] raw, int offset, int length, int level) {
		Deflater deflater = new Deflater(level);
		try {
			deflater.setInput(raw, offset, length);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(length / 2 + 64);
			byte[] buffer = new byte[1 << 16];
			while (!deflater.finished()) {
				int n = deflater.deflate(buffer);
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		} finally {
			deflater.end();
		}
	}

	/** Inflates a zlib stream that must give exactly {@code length} bytes at {@code decoded[offset]}. */
	static void inflate(byte[] encoded, int encodedOffset, int encodedLength, byte[] decoded, int offset, int length) {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(encoded, encodedOffset, encodedLength);
			int n = 0;
			while (n < length && !inflater.finished()) {
				int got = inflater.inflate(decoded, offset + n, length - n);
				if (got == 0 && (inflater.needsInput() || inflater.needsDictionary()))
					throw new ChunkFormatException("zlib stream is truncated after " + n + " of " + length + " bytes");
				n += got;
			}
			if (n < length)
				throw new ChunkFormatException("zlib stream decodes to " + n + " bytes, expected " + length);
			if (!inflater.finished() && inflater.inflate(new byte[1]) > 0)
				throw new ChunkFormatException("zlib stream decodes to more than " + length + " bytes");
		} catch (DataFormatException e) {
			throw new ChunkFormatException("corrupt zlib stream: " + e.getMessage(), e);
		} finally {
			inflater.end();
		}
	}

	@Override
	public String toJson() {
		return "{\"id\": \"" + id() + "\", \"level\": " + level + "}";
	}
}
