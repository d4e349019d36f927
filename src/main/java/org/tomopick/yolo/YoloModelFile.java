package org.tomopick.yolo;

import org.tomopick.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tomopick.io.AtomicFiles;
import org.tomopick.io.TomoPickIoException;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Saves and loads a {@link YoloModel} as two files side by side: {@code NAME.params} (the DJL parameters) and
 * {@code NAME.json} (the sidecar: format and version, architecture, working voxel size, slice stride,
 * normalisation, classes with radii, detection thresholds, parameter count and the SHA-256 of the parameters file,
 * plus an optional free-form {@code training} section). Loading checks that the two belong together (checksum,
 * parameter count, architecture) and fails with a {@link TomoPickIoException} naming the file otherwise.
 */
public final class YoloModelFile {

	public static final String FORMAT = "tomopick-yolo";
	public static final int VERSION = 1;

	private YoloModelFile() {
	}

	/** The sidecar that belongs to a parameters file: NAME.params -> NAME.json. */
	public static Path sidecarOf(Path paramsFile) {
		String name = paramsFile.getFileName().toString();
		String base = name.endsWith(".params") ? name.substring(0, name.length() - ".params".length()) : name;
		return paramsFile.resolveSibling(base + ".json");
	}

	/** The parameters file that belongs to a sidecar or parameters path: NAME.json or NAME.params -> NAME.params. */
	public static Path paramsOf(Path file) {
		String name = file.getFileName().toString();
		if (name.endsWith(".json"))
			return file.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".params");
		return file;
	}

	/**
	 * Writes the parameters and the sidecar (each atomically).
	 *
	 * @param training free-form description of the training (may be null)
	 */
	public static void save(YoloModel model, Path paramsFile, JsonObject training) {
		byte[] params = model.parameterBytes();
		JsonObject json = YoloModelJson.toJson(model, paramsFile.getFileName().toString(), Sha256.of(params));
		if (training != null)
			json.add("training", training);
		AtomicFiles.writeBytes(paramsFile, params);
		AtomicFiles.writeString(sidecarOf(paramsFile),
				new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create().toJson(json));
	}

	/** Loads a model from its parameters file (or its sidecar). */
	public static YoloModel load(Path file) {
		Path paramsFile = paramsOf(file);
		Path sidecar = sidecarOf(paramsFile);
		try {
			return load(paramsFile, sidecar);
		} catch (IllegalStateException | UnsupportedOperationException | ClassCastException | NullPointerException
				| IndexOutOfBoundsException | NumberFormatException e) {
			// a value of the wrong JSON kind (Gson's accessors throw these)
			throw new TomoPickIoException(sidecar, "is not valid YOLO model JSON: " + e.getMessage(), e);
		}
	}

	private static YoloModel load(Path paramsFile, Path sidecar) {
		JsonObject json = readSidecar(sidecar);
		Path folder = paramsFile.toAbsolutePath().getParent();
		byte[] params = org.tomopick.io.ModelFiles.read(folder, paramsFile.getFileName().toString(), sidecar);
		String expected = YoloModelJson.string(json, "paramsSha256", sidecar);
		if (!expected.equalsIgnoreCase(Sha256.of(params)))
			throw new TomoPickIoException(paramsFile, "does not belong with the sidecar " + sidecar.getFileName()
					+ ": its SHA-256 differs from the one the sidecar records");
		YoloModel model = YoloModelJson.newModel(json, sidecar);
		try {
			model.loadParameterBytes(params);
		} catch (IllegalArgumentException e) {
			model.close();
			throw new TomoPickIoException(paramsFile, e.getMessage(), e);
		}
		long count = (long) YoloModelJson.number(json, "parameterCount", sidecar);
		if (count != model.parameterCount()) {
			long actual = model.parameterCount();
			model.close();
			throw new TomoPickIoException(paramsFile, "has " + actual + " parameters, the sidecar expects " + count);
		}
		return model;
	}

	/** The sidecar's JSON (e.g. to show a model card). */
	public static JsonObject readSidecar(Path sidecar) {
		try {
			JsonObject json = JsonParser.parseString(Files.readString(sidecar)).getAsJsonObject();
			if (!json.has("format") || !FORMAT.equals(json.get("format").getAsString()))
				throw new TomoPickIoException(sidecar, "is not a TomoPick YOLO model sidecar (format must be '"
						+ FORMAT + "')");
			int version = json.get("formatVersion").getAsInt();
			if (version != VERSION)
				throw new TomoPickIoException(sidecar, "has format version " + version + "; this TomoPick reads "
						+ VERSION);
			return json;
		} catch (IOException e) {
			throw new TomoPickIoException(sidecar, "cannot read the YOLO model sidecar", e);
		} catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
				| ClassCastException | NumberFormatException e) {
			throw new TomoPickIoException(sidecar, "is not valid YOLO model JSON: " + e.getMessage(), e);
		}
	}

}
