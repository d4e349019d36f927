package org.tomopick.io.zarr;

import java.nio.ByteOrder;
import java.nio.file.Path;

import org.tomopick.io.DataType;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.zarr.codec.ChunkCodecs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Checks the fields of a parsed {@code .zarray} object one by one; every problem names the file and the field. */
final class ZarrArrayMetadataParser {

	private ZarrArrayMetadataParser() {
	}

	static ZarrArrayMetadata parse(JsonObject o, Path file) {
		JsonElement format = o.get("zarr_format");
		if (format == null)
			throw new TomoPickIoException(file, "no \"zarr_format\" field");
		if (!format.isJsonPrimitive() || !format.getAsJsonPrimitive().isNumber() || format.getAsDouble() != 2)
			throw new TomoPickIoException(file, "zarr_format " + format + " is not supported (only Zarr v2)");
		int[] shape = intArray(o, "shape", file);
		if (shape.length != 3)
			throw new TomoPickIoException(file, "shape has " + shape.length
					+ " dimensions; only 3D arrays (z, y, x) are supported");
		int[] chunks = intArray(o, "chunks", file);
		if (chunks.length != shape.length)
			throw new TomoPickIoException(file, "chunks has " + chunks.length + " values but shape has " + shape.length);
		for (int d = 0; d < 3; d++) {
			if (shape[d] <= 0)
				throw new TomoPickIoException(file, "shape must be positive (empty arrays are not supported)");
			if (chunks[d] <= 0)
				throw new TomoPickIoException(file, "chunks must be positive");
		}
		if ((long) chunks[0] * chunks[1] * chunks[2] > (Integer.MAX_VALUE - 64) / 8)
			throw new TomoPickIoException(file, "chunks are too large to decode in memory");
		JsonElement dtypeJson = o.get("dtype");
		if (dtypeJson == null || !dtypeJson.isJsonPrimitive())
			throw new TomoPickIoException(file, "dtype must be a string like \"<f4\", was " + dtypeJson
					+ " (structured dtypes are not supported)");
		String dtype = dtypeJson.getAsString();
		ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
		String code = dtype;
		if (!dtype.isEmpty() && "<>|=".indexOf(dtype.charAt(0)) >= 0) {
			if (dtype.charAt(0) == '>')
				byteOrder = ByteOrder.BIG_ENDIAN;
			code = dtype.substring(1);
		}
		DataType type = DataType.fromNumpyCode(code);
		if (type == null)
			throw new TomoPickIoException(file, "dtype \"" + dtype
					+ "\" is not supported (supported: u1 i1 u2 i2 u4 i4 f2 f4 f8)");
		if (dtype.charAt(0) == '|' && type.bytes() != 1)
			throw new TomoPickIoException(file, "dtype \"" + dtype + "\" needs a byte order ('<' or '>')");
		double fill = fillValue(o.get("fill_value"), type, file);
		String order = string(o, "order", "C", file);
		if (!order.equals("C") && !order.equals("F"))
			throw new TomoPickIoException(file, "order \"" + order + "\" is not \"C\" or \"F\"");
		JsonElement filters = o.get("filters");
		if (filters != null && !filters.isJsonNull()) {
			if (!filters.isJsonArray())
				throw new TomoPickIoException(file, "filters must be null or a list, was " + filters);
			JsonArray list = filters.getAsJsonArray();
			if (list.size() > 0) {
				JsonElement first = list.get(0);
				JsonElement idJson = first.isJsonObject() ? first.getAsJsonObject().get("id") : null;
				String id = idJson != null && idJson.isJsonPrimitive() ? idJson.getAsString() : first.toString();
				throw new TomoPickIoException(file, "filter '" + id + "' is not supported (no filters are)");
			}
		}
		String separator = string(o, "dimension_separator", ".", file);
		if (!separator.equals(".") && !separator.equals("/"))
			throw new TomoPickIoException(file, "dimension_separator \"" + separator + "\" is not \".\" or \"/\"");
		return new ZarrArrayMetadata(shape, chunks, type, byteOrder, fill, order.equals("F"),
				ChunkCodecs.fromJson(o.get("compressor"), file), separator);
	}

	private static double fillValue(JsonElement e, DataType type, Path file) {
		if (e == null || e.isJsonNull())
			return 0;
		if (!e.isJsonPrimitive())
			throw new TomoPickIoException(file, "fill_value must be a number, \"NaN\", \"Infinity\", \"-Infinity\" or "
					+ "null, was " + e);
		JsonPrimitive p = e.getAsJsonPrimitive();
		double v;
		if (p.isNumber()) {
			v = p.getAsDouble();
		} else if (p.isString()) {
			v = switch (p.getAsString()) {
			case "NaN" -> Double.NaN;
			case "Infinity" -> Double.POSITIVE_INFINITY;
			case "-Infinity" -> Double.NEGATIVE_INFINITY;
			default -> throw new TomoPickIoException(file, "fill_value \"" + p.getAsString() + "\" is not a number");
			};
		} else {
			throw new TomoPickIoException(file, "fill_value " + e + " is not a number");
		}
		if (!type.isFloatingPoint()) {
			double min = switch (type) {
			case INT8 -> Byte.MIN_VALUE;
			case INT16 -> Short.MIN_VALUE;
			case INT32 -> Integer.MIN_VALUE;
			default -> 0;
			};
			double max = switch (type) {
			case UINT8 -> 255;
			case INT8 -> Byte.MAX_VALUE;
			case UINT16 -> 65535;
			case INT16 -> Short.MAX_VALUE;
			case UINT32 -> 4294967295.0;
			default -> Integer.MAX_VALUE;
			};
			if (v != Math.rint(v) || v < min || v > max)
				throw new TomoPickIoException(file, "fill_value " + e + " does not fit dtype " + type.numpyCode());
		}
		return v;
	}

	private static int[] intArray(JsonObject o, String key, Path file) {
		JsonElement e = o.get(key);
		if (e == null || !e.isJsonArray())
			throw new TomoPickIoException(file, "\"" + key + "\" must be a list of integers, was " + e);
		JsonArray a = e.getAsJsonArray();
		int[] out = new int[a.size()];
		for (int i = 0; i < out.length; i++) {
			JsonElement v = a.get(i);
			if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber() || v.getAsDouble() != Math.rint(v.getAsDouble())
					|| v.getAsDouble() > Integer.MAX_VALUE || v.getAsDouble() < 0)
				throw new TomoPickIoException(file, "\"" + key + "\" must be a list of non-negative integers, was " + e);
			out[i] = v.getAsInt();
		}
		return out;
	}

	private static String string(JsonObject o, String key, String fallback, Path file) {
		JsonElement e = o.get(key);
		if (e == null || e.isJsonNull())
			return fallback;
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString())
			throw new TomoPickIoException(file, "\"" + key + "\" must be a string, was " + e);
		return e.getAsString();
	}
}
