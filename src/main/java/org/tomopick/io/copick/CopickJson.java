package org.tomopick.io.copick;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tomopick.io.TomoPickIoException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Small typed accessors over gson trees for the CoPick files. A field that is absent or JSON null reads as null; a
 * field of the wrong kind is a {@link TomoPickIoException} naming the file and the field.
 */
final class CopickJson {

	private CopickJson() {
	}

	/** Parses a whole file that must hold one JSON object. */
	static JsonObject parseObject(Path file) {
		JsonElement root;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			root = JsonParser.parseReader(reader);
		} catch (JsonParseException e) {
			throw new TomoPickIoException(file, "malformed JSON: " + e.getMessage(), e);
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot read: " + e.getMessage(), e);
		}
		if (!root.isJsonObject())
			throw new TomoPickIoException(file, "expected a JSON object at the top level, found "
					+ (root.isJsonNull() ? "nothing" : root.getClass().getSimpleName()));
		return root.getAsJsonObject();
	}

	private static JsonElement get(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e == null || e.isJsonNull() ? null : e;
	}

	static String string(Path file, JsonObject o, String key) {
		JsonElement e = get(o, key);
		if (e == null)
			return null;
		if (!e.isJsonPrimitive())
			throw new TomoPickIoException(file, "field '" + key + "' must be a string, was " + e);
		return e.getAsString();
	}

	static Boolean bool(Path file, JsonObject o, String key) {
		JsonElement e = get(o, key);
		if (e == null)
			return null;
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean())
			throw new TomoPickIoException(file, "field '" + key + "' must be true or false, was " + e);
		return e.getAsBoolean();
	}

	/** A number (NaN and infinities pass through: callers that need finite values check). */
	static Double number(Path file, JsonObject o, String key) {
		JsonElement e = get(o, key);
		if (e == null)
			return null;
		if (e.isJsonPrimitive()) {
			JsonPrimitive p = e.getAsJsonPrimitive();
			try {
				if (p.isNumber() || p.isString())
					return Double.parseDouble(p.getAsString().strip());
			} catch (NumberFormatException ignored) {
				// reported below
			}
		}
		throw new TomoPickIoException(file, "field '" + key + "' must be a number, was " + e);
	}

	static JsonArray array(Path file, JsonObject o, String key) {
		JsonElement e = get(o, key);
		if (e == null)
			return null;
		if (!e.isJsonArray())
			throw new TomoPickIoException(file, "field '" + key + "' must be a list, was " + e);
		return e.getAsJsonArray();
	}

	static JsonObject object(Path file, JsonObject o, String key) {
		JsonElement e = get(o, key);
		if (e == null)
			return null;
		if (!e.isJsonObject())
			throw new TomoPickIoException(file, "field '" + key + "' must be an object, was " + e);
		return e.getAsJsonObject();
	}
}
