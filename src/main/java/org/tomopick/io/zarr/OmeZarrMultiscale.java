package org.tomopick.io.zarr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.VoxelGeometry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads one OME-NGFF 0.4 {@code multiscales} entry: axes (z, y, x; unit angstrom by default, nanometer and
 * micrometer converted to Angstrom), dataset paths and their scale and translation transforms, and an optional
 * multiscale-wide transform applied after them.
 */
record OmeZarrMultiscale(List<String> paths, VoxelGeometry geometry) {

	static OmeZarrMultiscale parse(JsonObject ms, Path zattrs) {
		double[] toAngstrom = axes(ms.get("axes"), zattrs);
		JsonElement ds = ms.get("datasets");
		if (ds == null || !ds.isJsonArray() || ds.getAsJsonArray().isEmpty())
			throw new TomoPickIoException(zattrs, "multiscales[0].datasets must be a non-empty list");
		double[] globalScale = { 1, 1, 1 };
		double[] globalShift = new double[3];
		if (ms.has("coordinateTransformations"))
			transforms(ms.get("coordinateTransformations"), globalScale, globalShift, zattrs, "multiscales[0]");
		List<String> paths = new ArrayList<>();
		JsonArray list = ds.getAsJsonArray();
		double[][] scale = new double[list.size()][];
		double[][] shift = new double[list.size()][];
		for (int l = 0; l < list.size(); l++) {
			String where = "multiscales[0].datasets[" + l + "]";
			if (!list.get(l).isJsonObject())
				throw new TomoPickIoException(zattrs, where + " must be an object");
			JsonObject d = list.get(l).getAsJsonObject();
			JsonElement p = d.get("path");
			if (p == null)
				throw new TomoPickIoException(zattrs, where + " has no \"path\"");
			paths.add(insideGroup(string(p, zattrs, where + ".path"), zattrs, where));
			double[] s = { 1, 1, 1 };
			double[] t = new double[3];
			if (!d.has("coordinateTransformations"))
				throw new TomoPickIoException(zattrs, where + " has no coordinateTransformations (scale is required)");
			transforms(d.get("coordinateTransformations"), s, t, zattrs, where);
			scale[l] = new double[3];
			shift[l] = new double[3];
			for (int a = 0; a < 3; a++) {
				scale[l][a] = globalScale[a] * s[a] * toAngstrom[a];
				shift[l][a] = (globalScale[a] * t[a] + globalShift[a]) * toAngstrom[a];
				if (!(scale[l][a] > 0) || Double.isInfinite(scale[l][a]))
					throw new TomoPickIoException(zattrs, where + ": scale must be positive, was " + s[a]);
			}
		}
		return new OmeZarrMultiscale(paths, new VoxelGeometry(scale, shift));
	}

	/** Applies a list of scale / translation transforms in order: x' = s * x + t. */
	private static void transforms(JsonElement e, double[] scale, double[] shift, Path zattrs, String where) {
		if (!e.isJsonArray())
			throw new TomoPickIoException(zattrs, where + ".coordinateTransformations must be a list");
		for (JsonElement te : e.getAsJsonArray()) {
			if (!te.isJsonObject())
				throw new TomoPickIoException(zattrs, where + ": a transform must be an object, was " + te);
			JsonObject t = te.getAsJsonObject();
			String type = t.has("type") ? string(t.get("type"), zattrs, where + " transform type") : "";
			switch (type) {
			case "scale" -> {
				double[] v = vector(t.get("scale"), zattrs, where + " scale");
				for (int a = 0; a < 3; a++) {
					scale[a] *= v[a];
					shift[a] *= v[a];
				}
			}
			case "translation" -> {
				double[] v = vector(t.get("translation"), zattrs, where + " translation");
				for (int a = 0; a < 3; a++)
					shift[a] += v[a];
			}
			case "identity" -> {
			}
			default -> throw new TomoPickIoException(zattrs, where + ": coordinate transformation type '" + type
					+ "' is not supported (only scale and translation with inline values)");
			}
		}
	}

	/** A JSON string, or an error naming the file and the field. */
	private static String string(JsonElement e, Path zattrs, String what) {
		if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString())
			throw new TomoPickIoException(zattrs, what + " must be a string, was " + e);
		return e.getAsString();
	}

	/**
	 * A dataset path must name a folder inside the group: relative, no "..", no empty or "." segments. A file may
	 * not send the reader elsewhere on the disk.
	 */
	private static String insideGroup(String path, Path zattrs, String where) {
		boolean bad = path.isEmpty() || path.startsWith("/") || path.startsWith("\\") || path.contains("\\")
				|| path.contains(":") || path.contains("\0");
		for (String segment : path.split("/", -1))
			bad |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
		if (bad)
			throw new TomoPickIoException(zattrs, where + ".path '" + path + "' must be a relative path inside the "
					+ "group (no '..', no absolute path)");
		return path;
	}

	private static double[] vector(JsonElement e, Path zattrs, String what) {
		if (e == null || !e.isJsonArray() || e.getAsJsonArray().size() != 3)
			throw new TomoPickIoException(zattrs, what + " must list 3 numbers (z, y, x), was " + e);
		double[] v = new double[3];
		for (int a = 0; a < 3; a++) {
			JsonElement x = e.getAsJsonArray().get(a);
			if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber())
				throw new TomoPickIoException(zattrs, what + " must list 3 numbers, was " + e);
			v[a] = x.getAsDouble();
		}
		return v;
	}

	/** Per axis (z, y, x), the factor from the axis unit to Angstrom. */
	private static double[] axes(JsonElement e, Path zattrs) {
		double[] factor = { 1, 1, 1 };
		if (e == null)
			return factor;
		if (!e.isJsonArray() || e.getAsJsonArray().size() != 3)
			throw new TomoPickIoException(zattrs, "multiscales[0].axes must list 3 axes (z, y, x); only 3D data are "
					+ "supported, was " + e);
		String[] names = { "z", "y", "x" };
		for (int a = 0; a < 3; a++) {
			JsonElement axis = e.getAsJsonArray().get(a);
			String name;
			String unit = null;
			if (axis.isJsonObject()) {
				JsonObject o = axis.getAsJsonObject();
				name = o.has("name") ? string(o.get("name"), zattrs, "axis " + a + " name") : "";
				if (o.has("unit") && !o.get("unit").isJsonNull())
					unit = string(o.get("unit"), zattrs, "axis " + a + " unit");
			} else {
				name = string(axis, zattrs, "axis " + a);
			}
			if (!name.equalsIgnoreCase(names[a]))
				throw new TomoPickIoException(zattrs, "axis " + a + " is '" + name + "'; axes must be z, y, x");
			factor[a] = unitToAngstrom(unit, zattrs);
		}
		return factor;
	}

	private static double unitToAngstrom(String unit, Path zattrs) {
		if (unit == null)
			return 1;
		return switch (unit.toLowerCase(java.util.Locale.ROOT)) {
		case "angstrom" -> 1;
		case "nanometer" -> 10;
		case "micrometer" -> 1e4;
		default -> throw new TomoPickIoException(zattrs, "axis unit '" + unit
				+ "' is not supported (angstrom, nanometer, micrometer)");
		};
	}
}
