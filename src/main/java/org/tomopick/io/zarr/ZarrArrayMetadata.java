package org.tomopick.io.zarr;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.tomopick.io.DataType;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.zarr.codec.ChunkCodec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The contents of a Zarr v2 {@code .zarray} file for a 3D array: shape and chunk shape (z, y, x), element type and
 * byte order, fill value, C or F chunk order, compressor and chunk key separator. Immutable. {@link #read(Path)}
 * checks every field and fails with a {@link TomoPickIoException} naming the file and the field.
 */
public final class ZarrArrayMetadata {

	private final int[] shape;
	private final int[] chunks;
	private final DataType dataType;
	private final ByteOrder byteOrder;
	private final double fillValue;
	private final boolean fortranOrder;
	private final ChunkCodec codec;
	private final String separator;

	public ZarrArrayMetadata(int[] shapeZyx, int[] chunksZyx, DataType dataType, ByteOrder byteOrder,
			double fillValue, boolean fortranOrder, ChunkCodec codec, String separator) {
		if (shapeZyx.length != 3 || chunksZyx.length != 3)
			throw new IllegalArgumentException("shape and chunks need 3 values (z, y, x)");
		for (int d = 0; d < 3; d++)
			if (shapeZyx[d] <= 0 || chunksZyx[d] <= 0)
				throw new IllegalArgumentException("shape and chunks must be positive: " + Arrays.toString(shapeZyx)
						+ ", " + Arrays.toString(chunksZyx));
		if ((long) chunksZyx[0] * chunksZyx[1] * chunksZyx[2] * dataType.bytes() > Integer.MAX_VALUE - 64)
			throw new IllegalArgumentException("chunks of " + Arrays.toString(chunksZyx) + " are too large");
		if (!separator.equals(".") && !separator.equals("/"))
			throw new IllegalArgumentException("dimension separator must be '.' or '/', was '" + separator + "'");
		this.shape = shapeZyx.clone();
		this.chunks = chunksZyx.clone();
		this.dataType = dataType;
		this.byteOrder = byteOrder;
		this.fillValue = fillValue;
		this.fortranOrder = fortranOrder;
		this.codec = codec;
		this.separator = separator;
	}

	/** Reads and checks {@code arrayDir/.zarray}. */
	public static ZarrArrayMetadata read(Path arrayDir) {
		Path file = arrayDir.resolve(".zarray");
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		} catch (NoSuchFileException e) {
			throw new TomoPickIoException(file, "missing: " + arrayDir + " is not a Zarr v2 array");
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot read: " + e.getMessage(), e);
		}
		JsonObject o;
		try {
			JsonElement root = JsonParser.parseString(text);
			if (!root.isJsonObject())
				throw new TomoPickIoException(file, "malformed: the top level must be a JSON object");
			o = root.getAsJsonObject();
		} catch (JsonParseException e) {
			throw new TomoPickIoException(file, "malformed JSON: " + e.getMessage(), e);
		}
		return ZarrArrayMetadataParser.parse(o, file);
	}

	/** The chunk file for chunk grid position (z, y, x) under the array directory. */
	public Path chunkFile(Path arrayDir, int cz, int cy, int cx) {
		if (separator.equals("/"))
			return arrayDir.resolve(Integer.toString(cz)).resolve(Integer.toString(cy)).resolve(Integer.toString(cx));
		return arrayDir.resolve(cz + "." + cy + "." + cx);
	}

	/** Array shape (z, y, x), a copy. */
	public int[] shape() {
		return shape.clone();
	}

	/** Chunk shape (z, y, x), a copy. */
	public int[] chunks() {
		return chunks.clone();
	}

	/** Number of chunks along z, y, x. */
	public int[] gridSize() {
		int[] g = new int[3];
		for (int d = 0; d < 3; d++)
			g[d] = (shape[d] + chunks[d] - 1) / chunks[d];
		return g;
	}

	public DataType dataType() {
		return dataType;
	}

	public ByteOrder byteOrder() {
		return byteOrder;
	}

	/** The fill value, exactly representable for every supported type (0 when {@code .zarray} says null). */
	public double fillValue() {
		return fillValue;
	}

	/** Whether chunks are stored in Fortran (first axis fastest) order. */
	public boolean fortranOrder() {
		return fortranOrder;
	}

	public ChunkCodec codec() {
		return codec;
	}

	/** "." or "/". */
	public String separator() {
		return separator;
	}

	/** Bytes of one whole (decoded) chunk. */
	public int chunkBytes() {
		return chunks[0] * chunks[1] * chunks[2] * dataType.bytes();
	}

	/** The NumPy dtype string, e.g. {@code "<f4"} or {@code "|u1"}. */
	public String dtypeString() {
		char order = dataType.bytes() == 1 ? '|' : byteOrder == ByteOrder.BIG_ENDIAN ? '>' : '<';
		return order + dataType.numpyCode();
	}

	/** This metadata as {@code .zarray} JSON, laid out as zarr-python writes it. */
	public String toJson() {
		String fill;
		if (Double.isNaN(fillValue))
			fill = "\"NaN\"";
		else if (Double.isInfinite(fillValue))
			fill = fillValue > 0 ? "\"Infinity\"" : "\"-Infinity\"";
		else if (dataType.isFloatingPoint())
			fill = Double.toString(fillValue);
		else
			fill = Long.toString((long) fillValue);
		return String.format(Locale.ROOT, "{%n    \"chunks\": [%n        %d,%n        %d,%n        %d%n    ],%n"
				+ "    \"compressor\": %s,%n    \"dimension_separator\": \"%s\",%n    \"dtype\": \"%s\",%n"
				+ "    \"fill_value\": %s,%n    \"filters\": null,%n    \"order\": \"%s\",%n"
				+ "    \"shape\": [%n        %d,%n        %d,%n        %d%n    ],%n    \"zarr_format\": 2%n}%n",
				chunks[0], chunks[1], chunks[2], codec.toJson(), separator, dtypeString(), fill,
				fortranOrder ? "F" : "C", shape[0], shape[1], shape[2]);
	}

	@Override
	public String toString() {
		return "ZarrArrayMetadata[shape=" + Arrays.toString(shape) + ", chunks=" + Arrays.toString(chunks) + ", dtype="
				+ dtypeString() + ", compressor=" + codec.toJson() + "]";
	}
}
