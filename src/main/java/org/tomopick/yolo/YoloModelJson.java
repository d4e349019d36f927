package org.tomopick.yolo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.ParticleColor;

import org.tomopick.grid.Normalisation;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The sidecar JSON of a {@link YoloModel}: writing it, and rebuilding the model's settings and classes from it. */
final class YoloModelJson {

	private YoloModelJson() {
	}

	static JsonObject toJson(YoloModel model, String paramsFileName, String sha256) {
		YoloSettings s = model.settings();
		JsonObject json = new JsonObject();
		json.addProperty("format", YoloModelFile.FORMAT);
		json.addProperty("formatVersion", YoloModelFile.VERSION);
		JsonObject arch = new JsonObject();
		arch.addProperty("width", s.architecture().width());
		arch.addProperty("depth", s.architecture().depth());
		arch.addProperty("neighbourSlices", s.architecture().neighbourSlices());
		arch.addProperty("classCount", s.architecture().classCount());
		json.add("architecture", arch);
		json.addProperty("workingVoxelAngstrom", s.workingVoxelAngstrom());
		json.addProperty("sliceStride", s.sliceStride());
		json.addProperty("normalisation", s.normalisation().id());
		JsonArray classes = new JsonArray();
		for (ParticleClass c : model.catalog().classes()) {
			JsonObject o = new JsonObject();
			o.addProperty("name", c.name());
			o.addProperty("label", c.label());
			o.addProperty("radiusAngstrom", c.radiusAngstrom());
			o.addProperty("scoreWeight", c.scoreWeight());
			JsonArray rgba = new JsonArray();
			rgba.add(c.color().red());
			rgba.add(c.color().green());
			rgba.add(c.color().blue());
			rgba.add(c.color().alpha());
			o.add("color", rgba);
			o.addProperty("pdbId", c.pdbId());
			classes.add(o);
		}
		json.add("classes", classes);
		YoloDetectionSettings d = s.detection();
		JsonObject det = new JsonObject();
		det.addProperty("confidenceThreshold", d.confidenceThreshold());
		det.addProperty("nmsIou", d.nmsIou());
		det.addProperty("batchSlices", d.batchSlices());
		det.addProperty("linkRadiusFraction", d.linkRadiusFraction());
		det.addProperty("maxSliceGap", d.maxSliceGap());
		det.addProperty("minTrackLength", d.minTrackLength());
		json.add("detection", det);
		json.addProperty("parameterCount", model.parameterCount());
		json.addProperty("paramsFile", paramsFileName);
		json.addProperty("paramsSha256", sha256);
		return json;
	}

	static YoloModel newModel(JsonObject json, Path sidecar) {
		try {
			JsonObject a = object(json, "architecture", sidecar);
			YoloArchitecture arch = new YoloArchitecture((int) number(a, "width", sidecar),
					(int) number(a, "depth", sidecar), (int) number(a, "neighbourSlices", sidecar),
					(int) number(a, "classCount", sidecar));
			JsonObject d = object(json, "detection", sidecar);
			YoloDetectionSettings det = new YoloDetectionSettings(number(d, "confidenceThreshold", sidecar),
					number(d, "nmsIou", sidecar), (int) number(d, "batchSlices", sidecar),
					number(d, "linkRadiusFraction", sidecar), (int) number(d, "maxSliceGap", sidecar),
					(int) number(d, "minTrackLength", sidecar));
			YoloSettings settings = YoloSettings.defaults().withArchitecture(arch)
					.withWorkingVoxel(number(json, "workingVoxelAngstrom", sidecar))
					.withSliceStride((int) number(json, "sliceStride", sidecar)).withDetection(det)
					.withNormalisation(normalisation(json)).validate();
			return YoloModel.create(settings, catalog(json, sidecar));
		} catch (IllegalArgumentException e) {
			throw new TomoPickIoException(sidecar, e.getMessage(), e);
		}
	}

	/**
	 * The sidecar's normalisation; the first YOLO files wrote a description of the robust z-score
	 * ("robust-z: ...") and are read as {@link Normalisation#ROBUST_Z}.
	 */
	private static Normalisation normalisation(JsonObject json) {
		JsonElement e = json.get("normalisation");
		String id = e == null || !e.isJsonPrimitive() ? "" : e.getAsString();
		return id.startsWith("robust-z") ? Normalisation.ROBUST_Z : Normalisation.of(id);
	}

	private static ParticleCatalog catalog(JsonObject json, Path sidecar) {
		JsonElement e = json.get("classes");
		if (e == null || !e.isJsonArray())
			throw new TomoPickIoException(sidecar, "field 'classes' is missing or not a list");
		List<ParticleClass> classes = new ArrayList<>();
		for (JsonElement c : e.getAsJsonArray()) {
			JsonObject o = c.getAsJsonObject();
			classes.add(new ParticleClass(string(o, "name", sidecar), (int) number(o, "label", sidecar),
					color(o, sidecar), number(o, "radiusAngstrom", sidecar),
					number(o, "scoreWeight", sidecar), o.has("pdbId") ? o.get("pdbId").getAsString() : ""));
		}
		return new ParticleCatalog(classes);
	}

	private static ParticleColor color(JsonObject o, Path file) {
		JsonElement e = o.get("color");
		if (e == null || !e.isJsonArray() || e.getAsJsonArray().size() != 4)
			throw new TomoPickIoException(file, "a class 'color' is missing or not [r, g, b, a]");
		JsonArray a = e.getAsJsonArray();
		return new ParticleColor(a.get(0).getAsInt(), a.get(1).getAsInt(), a.get(2).getAsInt(), a.get(3).getAsInt());
	}

	static JsonObject object(JsonObject json, String field, Path file) {
		JsonElement e = json.get(field);
		if (e == null || !e.isJsonObject())
			throw new TomoPickIoException(file, "field '" + field + "' is missing or not an object");
		return e.getAsJsonObject();
	}

	static double number(JsonObject json, String field, Path file) {
		JsonElement e = json.get(field);
		if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber())
			throw new TomoPickIoException(file, "field '" + field + "' is missing or not a number");
		return e.getAsDouble();
	}

	static String string(JsonObject json, String field, Path file) {
		JsonElement e = json.get(field);
		if (e == null || !e.isJsonPrimitive())
			throw new TomoPickIoException(file, "field '" + field + "' is missing or not a string");
		return e.getAsString();
	}
}
