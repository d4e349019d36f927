package org.tomopick.io.zarr.codec;

import java.nio.file.Path;

import org.tomopick.io.TomoPickIoException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Makes the {@link ChunkCodec} for the {@code compressor} field of a {@code .zarray}: {@code null}, {@code blosc}
 * (cname blosclz, lz4, lz4hc, zlib or zstd), {@code zlib}, {@code gzip}, {@code zstd} and {@code lz4}. Anything else
 * fails with a {@link TomoPickIoException} that names the codec and the file.
 */
public final class ChunkCodecs {

	private ChunkCodecs() {
	}

	/**
	 * @param compressor the JSON value of the field ({@code null} or JSON null for uncompressed chunks)
	 * @param zarray     the {@code .zarray} file, for messages
	 */
	public static ChunkCodec fromJson(JsonElement compressor, Path zarray) {
		if (compressor == null || compressor.isJsonNull())
			return new RawCodec();
		if (!compressor.isJsonObject())
			throw new TomoPickIoException(zarray, "compressor must be an object or null, was " + compressor);
		JsonObject o = compressor.getAsJsonObject();
		String id = string(o, "id", null, zarray);
		if (id == null)
			throw new TomoPickIoException(zarray, "compressor has no \"id\": " + compressor);
		return switch (id) {
		case "blosc" -> blosc(o, zarray);
		case "zlib" -> ZlibCodec.zlib(level(o, 1, zarray));
		case "gzip" -> ZlibCodec.gzip(level(o, 1, zarray));
		case "zstd" -> new ZstdCodec(integer(o, "level", 1, zarray));
		case "lz4" -> new Lz4Codec(integer(o, "acceleration", 1, zarray));
		default -> throw new TomoPickIoException(zarray, "compressor '" + id
				+ "' is not supported (supported: null, blosc, zlib, gzip, zstd, lz4)");
		};
	}

	private static BloscCodec blosc(JsonObject o, Path zarray) {
		String cname = string(o, "cname", "lz4", zarray);
		if (!BloscCodec.SUPPORTED_CNAMES.contains(cname))
			throw new TomoPickIoException(zarray, "blosc compressor (cname) '" + cname + "' is not supported (supported: "
					+ String.join(", ", BloscCodec.SUPPORTED_CNAMES) + ")");
		int shuffle = integer(o, "shuffle", BloscCodec.SHUFFLE, zarray);
		if (shuffle == -1)
			throw new TomoPickIoException(zarray, "blosc shuffle -1 (AUTOSHUFFLE) is not a stored setting");
		if (shuffle < 0 || shuffle > 2)
			throw new TomoPickIoException(zarray, "blosc shuffle " + shuffle + " is not one of 0, 1, 2");
		int clevel = integer(o, "clevel", 5, zarray);
		if (clevel < 0 || clevel > 9)
			throw new TomoPickIoException(zarray, "blosc clevel " + clevel + " is not in 0..9");
		return new BloscCodec(cname, clevel, shuffle, integer(o, "blocksize", 0, zarray));
	}

	private static int level(JsonObject o, int fallback, Path zarray) {
		int level = integer(o, "level", fallback, zarray);
		if (level < 0 || level > 9)
			throw new TomoPickIoException(zarray, "compressor level " + level + " is not in 0..9");
		return level;
	}

	private static String string(JsonObject o, String key, String fallback, Path zarray) {
		JsonElement e = o.get(key);
		if (e == null || e.isJsonNull())
			return fallback;
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString())
			throw new TomoPickIoException(zarray, "compressor field \"" + key + "\" must be a string, was " + e);
		return e.getAsString();
	}

	private static int integer(JsonObject o, String key, int fallback, Path zarray) {
		JsonElement e = o.get(key);
		if (e == null || e.isJsonNull())
			return fallback;
		try {
			return e.getAsInt();
		} catch (RuntimeException ex) {
			throw new TomoPickIoException(zarray, "compressor field \"" + key + "\" must be an integer, was " + e);
		}
	}
}
