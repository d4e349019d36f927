package org.tomopick.io.copick;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Particle;
import org.tomopick.model.Provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads a CoPick picks file ({@code Picks/<user>_<session>_<object>.json}, the copick {@code CopickPicksFile}
 * model) into {@link CopickPicks}, with the particle class looked up by {@code pickable_object_name} in a catalog.
 * <p>
 * Real files vary, and the reader follows copick's own defaults: {@code voxel_spacing} and {@code run_name} may be
 * null; a point without {@code score} gets 1.0, without {@code instance_id} 0, without {@code transformation_} the
 * identity; a file without {@code trust_orientation} trusts it; a file without {@code unit} is in Angstrom (any
 * other unit is refused); a file without {@code points} has none. Particles are marked {@link Provenance#IMPORTED}.
 * <p>
 * Malformed JSON, an object name the catalog does not know, and a missing or non-finite coordinate are
 * {@link TomoPickIoException}s naming the file (and the point index).
 */
public final class CopickPicksReader {

	private CopickPicksReader() {
	}

	public static CopickPicks read(Path file, ParticleCatalog catalog) {
		JsonObject root = CopickJson.parseObject(file);
		CopickPicksFileRef ref = identify(file, root);
		ParticleClass type = catalog.find(ref.objectName()).orElseThrow(() -> new TomoPickIoException(file,
				"pickable_object_name '" + ref.objectName() + "' is not a known particle class; known: "
						+ catalog.classes()));
		String unit = CopickJson.string(file, root, "unit");
		if (unit != null && !unit.equalsIgnoreCase("angstrom"))
			throw new TomoPickIoException(file, "unit '" + unit + "' is not supported; picks must be in angstrom");
		Boolean trust = CopickJson.bool(file, root, "trust_orientation");
		Double voxelSpacing = CopickJson.number(file, root, "voxel_spacing");
		JsonArray points = CopickJson.array(file, root, "points");
		List<Particle> particles = new ArrayList<>();
		if (points != null)
			for (int i = 0; i < points.size(); i++)
				particles.add(point(file, i, points.get(i), type));
		return new CopickPicks(ref.objectName(), ref.userId(), ref.sessionId(),
				CopickJson.string(file, root, "run_name"), voxelSpacing, trust == null || trust, particles);
	}

	/** User, session and object of a picks file, from its content. */
	public static CopickPicksFileRef identify(Path file) {
		return identify(file, CopickJson.parseObject(file));
	}

	private static CopickPicksFileRef identify(Path file, JsonObject root) {
		return new CopickPicksFileRef(file, required(file, root, "user_id"), required(file, root, "session_id"),
				required(file, root, "pickable_object_name"));
	}

	private static String required(Path file, JsonObject root, String key) {
		String value = CopickJson.string(file, root, key);
		if (value == null || value.isBlank())
			throw new TomoPickIoException(file, "CoPick picks file has no '" + key + "'");
		return value;
	}

	private static Particle point(Path file, int index, JsonElement element, ParticleClass type) {
		String where = "point " + index;
		if (!element.isJsonObject())
			throw new TomoPickIoException(file, where + " is not a JSON object");
		JsonObject p = element.getAsJsonObject();
		JsonObject location;
		try {
			location = CopickJson.object(file, p, "location");
		} catch (TomoPickIoException e) {
			throw new TomoPickIoException(file, where + ": " + e.getMessage());
		}
		if (location == null)
			throw new TomoPickIoException(file, where + " has no location");
		double x = coordinate(file, where, location, "x");
		double y = coordinate(file, where, location, "y");
		double z = coordinate(file, where, location, "z");
		Double score = pointNumber(file, where, p, "score");
		if (score != null && Double.isNaN(score))
			throw new TomoPickIoException(file, where + " has a NaN score");
		Double instance = pointNumber(file, where, p, "instance_id");
		if (instance != null && (instance != Math.rint(instance) || Math.abs(instance) > Integer.MAX_VALUE))
			throw new TomoPickIoException(file, where + ": instance_id must be an integer, was " + instance);
		return new Particle(type, x, y, z, score == null ? 1.0 : score, Provenance.IMPORTED,
				transformation(file, where, p), instance == null ? 0 : instance.intValue());
	}

	private static double coordinate(Path file, String where, JsonObject location, String axis) {
		Double v = pointNumber(file, where, location, axis);
		if (v == null)
			throw new TomoPickIoException(file, where + " has no " + axis + " coordinate");
		if (!Double.isFinite(v))
			throw new TomoPickIoException(file, where + " has a non-finite " + axis + " coordinate (" + v + ")");
		return v;
	}

	private static Double pointNumber(Path file, String where, JsonObject o, String key) {
		try {
			return CopickJson.number(file, o, key);
		} catch (TomoPickIoException e) {
			throw new TomoPickIoException(file, where + ": field '" + key + "' must be a number, was " + o.get(key));
		}
	}

	private static double[] transformation(Path file, String where, JsonObject p) {
		JsonElement t = p.get("transformation_");
		if (t == null || t.isJsonNull())
			return new double[] { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 };
		String problem = where + ": transformation_ must be a 4x4 list of numbers, was " + t;
		if (!t.isJsonArray() || t.getAsJsonArray().size() != 4)
			throw new TomoPickIoException(file, problem);
		double[] m = new double[16];
		for (int r = 0; r < 4; r++) {
			JsonElement row = t.getAsJsonArray().get(r);
			if (!row.isJsonArray() || row.getAsJsonArray().size() != 4)
				throw new TomoPickIoException(file, problem);
			for (int c = 0; c < 4; c++) {
				JsonElement v = row.getAsJsonArray().get(c);
				try {
					m[4 * r + c] = Double.parseDouble(v.getAsString());
				} catch (RuntimeException e) {
					throw new TomoPickIoException(file, problem);
				}
				if (!Double.isFinite(m[4 * r + c]))
					throw new TomoPickIoException(file, problem);
			}
		}
		return m;
	}
}
