package org.tomopick.classify;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tomopick.classify.TemplateScores.WorkingMap;

/**
 * The classes' density maps at the working voxel size as a classifier folder keeps them ({@value #NAME}), in a
 * documented binary layout, big-endian: the magic {@code TPTM}, the version (int, 1), the working voxel size in Å
 * (double), the number of maps (int, at most {@value #MAX_MAPS}); per map the class name (int byte count, at most 200,
 * then UTF-8), the cube's side n (int, 3..64) and n^3 float32 values, z slowest. Parsing checks every count against
 * the bytes that are there before allocating; a map must hold finite values only.
 */
public final class TemplateMapsFile {

	public static final String NAME = "templates.maps";
	private static final int MAGIC = 0x5450544D; // "TPTM"
	private static final int VERSION = 1;
	private static final int MAX_MAPS = 64;

	/** What a file holds. */
	public record Contents(double workingAngstrom, Map<String, WorkingMap> maps) {
	}

	private TemplateMapsFile() {
	}

	public static byte[] toBytes(double workingAngstrom, Map<String, WorkingMap> maps) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(MAGIC);
			out.writeInt(VERSION);
			out.writeDouble(workingAngstrom);
			out.writeInt(maps.size());
			for (Map.Entry<String, WorkingMap> e : maps.entrySet()) {
				byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
				out.writeInt(name.length);
				out.write(name);
				out.writeInt(e.getValue().n());
				for (float v : e.getValue().data())
					out.writeFloat(v);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/** Parses a file's bytes; IllegalArgumentException says what is wrong. */
	public static Contents parse(byte[] bytes) {
		ByteBuffer in = ByteBuffer.wrap(bytes);
		need(in, 20, "the header");
		if (in.getInt() != MAGIC)
			throw new IllegalArgumentException("not a TomoPick template maps file");
		int version = in.getInt();
		if (version != VERSION)
			throw new IllegalArgumentException("template maps version " + version + " (this TomoPick reads " + VERSION
					+ ")");
		double working = in.getDouble();
		if (!(working > 0) || Double.isInfinite(working))
			throw new IllegalArgumentException("the working voxel size is not a positive number");
		int count = in.getInt();
		if (count < 0 || count > MAX_MAPS)
			throw new IllegalArgumentException("it claims " + count + " maps (0.." + MAX_MAPS + ")");
		Map<String, WorkingMap> maps = new LinkedHashMap<>();
		for (int m = 0; m < count; m++) {
			need(in, 4, "a name's length");
			int length = in.getInt();
			if (length < 1 || length > 200)
				throw new IllegalArgumentException("a map's name is " + length + " bytes long (1..200)");
			need(in, length + 4, "a name");
			byte[] name = new byte[length];
			in.get(name);
			int n = in.getInt();
			if (n < 3 || n > 64)
				throw new IllegalArgumentException("a map's side is " + n + " voxels (3..64)");
			need(in, 4L * n * n * n, "a map's values");
			float[] data = new float[n * n * n];
			for (int i = 0; i < data.length; i++)
				data[i] = in.getFloat();
			String key = new String(name, StandardCharsets.UTF_8);
			if (maps.put(key, new WorkingMap(n, data)) != null)
				throw new IllegalArgumentException("two maps of '" + key + "'");
		}
		if (in.hasRemaining())
			throw new IllegalArgumentException(in.remaining() + " bytes after the last map");
		return new Contents(working, maps);
	}

	private static void need(ByteBuffer in, long bytes, String what) {
		if (in.remaining() < bytes)
			throw new IllegalArgumentException("cut short in " + what + " (" + bytes + " bytes needed, "
					+ in.remaining() + " left)");
	}
}
