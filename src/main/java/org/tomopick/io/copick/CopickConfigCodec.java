package org.tomopick.io.copick;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomopick.io.AtomicFiles;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.ParticleColor;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads and writes CoPick project config files ({@code copick_config.json}, the copick {@code CopickConfigFSSpec}
 * model). Unknown fields, at the top level and in each pickable object, are kept and written back after the known
 * ones. Writes are atomic.
 */
public final class CopickConfigCodec {

	private static final Set<String> TOP_FIELDS = Set.of("name", "description", "version", "config_type",
			"overlay_root", "static_root", "pickable_objects");
	private static final Set<String> OBJECT_FIELDS = Set.of("name", "is_particle", "label", "color", "radius",
			"pdb_id", "emdb_id", "identifier", "go_id", "map_threshold");

	private CopickConfigCodec() {
	}

	public static CopickConfig read(Path file) {
		JsonObject root = CopickJson.parseObject(file);
		JsonArray objects = CopickJson.array(file, root, "pickable_objects");
		if (objects == null)
			throw new TomoPickIoException(file, "CoPick config has no 'pickable_objects' list");
		List<CopickPickableObject> pickable = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			if (!objects.get(i).isJsonObject())
				throw new TomoPickIoException(file, "pickable_objects[" + i + "] is not a JSON object");
			pickable.add(readObject(file, "pickable_objects[" + i + "]", objects.get(i).getAsJsonObject()));
		}
		String overlay = CopickJson.string(file, root, "overlay_root");
		if (overlay == null)
			throw new TomoPickIoException(file, "CoPick config has no 'overlay_root' (only filesystem configs are supported)");
		String configType = CopickJson.string(file, root, "config_type");
		if (configType != null && !configType.equals("filesystem"))
			throw new TomoPickIoException(file, "CoPick config_type '" + configType
					+ "' is not supported; TomoPick reads 'filesystem' configs");
		return new CopickConfig(CopickJson.string(file, root, "name"), CopickJson.string(file, root, "description"),
				CopickJson.string(file, root, "version"), configType, overlay,
				CopickJson.string(file, root, "static_root"), pickable, extras(root, TOP_FIELDS));
	}

	private static CopickPickableObject readObject(Path file, String where, JsonObject o) {
		String name = CopickJson.string(file, o, "name");
		if (name == null || name.isBlank())
			throw new TomoPickIoException(file, where + " has no 'name'");
		String at = where + " (" + name + ")";
		Boolean isParticle = CopickJson.bool(file, o, "is_particle");
		if (isParticle == null)
			throw new TomoPickIoException(file, at + " has no 'is_particle'");
		Double label = CopickJson.number(file, o, "label");
		if (label != null && (label != Math.rint(label) || label == 0))
			throw new TomoPickIoException(file, at + ": 'label' must be a non-zero integer, was " + label);
		String identifier = CopickJson.string(file, o, "identifier");
		if (identifier == null)
			identifier = CopickJson.string(file, o, "go_id");
		return new CopickPickableObject(name, isParticle, label == null ? null : label.intValue(),
				color(file, at, o), CopickJson.number(file, o, "radius"), CopickJson.string(file, o, "pdb_id"),
				CopickJson.string(file, o, "emdb_id"), identifier, CopickJson.number(file, o, "map_threshold"),
				extras(o, OBJECT_FIELDS));
	}

	private static ParticleColor color(Path file, String at, JsonObject o) {
		JsonArray c = CopickJson.array(file, o, "color");
		if (c == null)
			return null;
		try {
			if (c.size() != 4)
				throw new IllegalArgumentException("needs 4 values (r, g, b, a), has " + c.size());
			return new ParticleColor(c.get(0).getAsInt(), c.get(1).getAsInt(), c.get(2).getAsInt(),
					c.get(3).getAsInt());
		} catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
			throw new TomoPickIoException(file, at + ": bad 'color' " + c + ": " + e.getMessage());
		}
	}

	private static JsonObject extras(JsonObject o, Set<String> known) {
		JsonObject extras = new JsonObject();
		for (Map.Entry<String, JsonElement> e : o.entrySet())
			if (!known.contains(e.getKey()))
				extras.add(e.getKey(), e.getValue().deepCopy());
		return extras;
	}

	/** Writes a config atomically, known fields first (absent optional fields are left out), then the extras. */
	public static void write(Path file, CopickConfig config) {
		JsonObject root = new JsonObject();
		putIfSet(root, "name", config.name());
		putIfSet(root, "description", config.description());
		putIfSet(root, "version", config.version());
		root.addProperty("config_type", config.configType());
		root.addProperty("overlay_root", config.overlayRoot());
		putIfSet(root, "static_root", config.staticRoot());
		JsonArray objects = new JsonArray();
		for (CopickPickableObject o : config.pickableObjects())
			objects.add(toJson(o));
		root.add("pickable_objects", objects);
		for (Map.Entry<String, JsonElement> e : config.extras().entrySet())
			root.add(e.getKey(), e.getValue());
		String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
				.toJson(root);
		AtomicFiles.writeString(file, json + "\n");
	}

	private static JsonObject toJson(CopickPickableObject o) {
		JsonObject j = new JsonObject();
		j.addProperty("name", o.name());
		j.addProperty("is_particle", o.isParticle());
		if (o.label() != null)
			j.addProperty("label", o.label());
		if (o.color() != null) {
			JsonArray c = new JsonArray();
			c.add(o.color().red());
			c.add(o.color().green());
			c.add(o.color().blue());
			c.add(o.color().alpha());
			j.add("color", c);
		}
		if (o.radius() != null)
			j.addProperty("radius", o.radius());
		putIfSet(j, "pdb_id", o.pdbId());
		putIfSet(j, "emdb_id", o.emdbId());
		putIfSet(j, "identifier", o.identifier());
		if (o.mapThreshold() != null)
			j.addProperty("map_threshold", o.mapThreshold());
		for (Map.Entry<String, JsonElement> e : o.extras().entrySet())
			j.add(e.getKey(), e.getValue());
		return j;
	}

	private static void putIfSet(JsonObject o, String key, String value) {
		if (value != null)
			o.addProperty(key, value);
	}
}
