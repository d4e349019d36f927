package org.tomopick.unet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.ParticleColor;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The JSON sidecar of a UNet model: {@code format} ("tomopick-unet3d"), {@code format_version}, the
 * {@link UNetModelInfo} fields, and the name, SHA-256 and parameter count of the parameters file it belongs to.
 * Errors name the file and the field.
 */
final class UNetModelInfoCodec {

	static final String FORMAT = "tomopick-unet3d";
	static final int FORMAT_VERSION = 1;

	/** The sidecar's view of its parameters file. */
	record ParameterRef(String file, String sha256, long parameterCount) {
	}

	/** A decoded sidecar. */
	record Sidecar(UNetModelInfo info, ParameterRef parameters) {
	}

	private UNetModelInfoCodec() {
	}

	static String encode(UNetModelInfo info, ParameterRef ref) {
		JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("format_version", FORMAT_VERSION);
		o.addProperty("tomopick_version", info.tomopickVersion());
		JsonObject a = new JsonObject();
		a.addProperty("base_channels", info.architecture().baseChannels());
		a.addProperty("depth", info.architecture().depth());
		a.addProperty("class_count", info.architecture().classCount());
		a.addProperty("attention_reduction", info.architecture().attentionReduction());
		o.add("architecture", a);
		o.addProperty("voxel_size_angstrom", info.voxelSizeAngstrom());
		JsonObject n = new JsonObject();
		n.addProperty("method", info.normalization());
		n.addProperty("clip", info.normalizationClip());
		o.add("normalization", n);
		JsonArray classes = new JsonArray();
		for (UNetClassInfo c : info.classes()) {
			ParticleClass p = c.particleClass();
			JsonObject j = new JsonObject();
			j.addProperty("name", p.name());
			j.addProperty("label", p.label());
			j.addProperty("color", p.color().red() + "," + p.color().green() + "," + p.color().blue() + ","
					+ p.color().alpha());
			j.addProperty("radius_angstrom", p.radiusAngstrom());
			j.addProperty("score_weight", p.scoreWeight());
			j.addProperty("pdb_id", p.pdbId());
			j.addProperty("threshold", c.threshold());
			j.addProperty("min_voxels", c.minVoxels());
			classes.add(j);
		}
		o.add("classes", classes);
		o.addProperty("training_crop_size", info.trainingCropSize());
		o.addProperty("trained_epochs", info.trainedEpochs());
		o.addProperty("validation_score", Double.isNaN(info.validationScore()) ? null : info.validationScore());
		JsonObject pr = new JsonObject();
		pr.addProperty("file", ref.file());
		pr.addProperty("sha256", ref.sha256());
		pr.addProperty("parameter_count", ref.parameterCount());
		o.add("parameters", pr);
		return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
	}

	static Sidecar decode(String json, Path file) {
		JsonObject o;
		try {
			o = JsonParser.parseString(json).getAsJsonObject();
		} catch (RuntimeException e) {
			throw new TomoPickIoException(file, "not a JSON object: " + e.getMessage(), e);
		}
		String format = string(o, "format", file);
		if (!FORMAT.equals(format))
			throw new TomoPickIoException(file, "format is '" + format + "', expected '" + FORMAT + "'");
		int version = (int) number(o, "format_version", file);
		if (version != FORMAT_VERSION)
			throw new TomoPickIoException(file, "format_version " + version + " is not supported (this TomoPick reads "
					+ FORMAT_VERSION + ")");
		try {
			JsonObject a = object(o, "architecture", file);
			UNetArchitecture arch = new UNetArchitecture((int) number(a, "base_channels", file),
					(int) number(a, "depth", file), (int) number(a, "class_count", file),
					(int) number(a, "attention_reduction", file));
			JsonObject n = object(o, "normalization", file);
			List<UNetClassInfo> classes = new ArrayList<>();
			for (JsonElement e : o.getAsJsonArray("classes")) {
				JsonObject j = e.getAsJsonObject();
				String[] rgba = string(j, "color", file).split(",");
				ParticleColor color = new ParticleColor(Integer.parseInt(rgba[0].trim()), Integer.parseInt(rgba[1].trim()),
						Integer.parseInt(rgba[2].trim()), Integer.parseInt(rgba[3].trim()));
				ParticleClass p = new ParticleClass(string(j, "name", file), (int) number(j, "label", file), color,
						number(j, "radius_angstrom", file), number(j, "score_weight", file), string(j, "pdb_id", file));
				classes.add(new UNetClassInfo(p, number(j, "threshold", file), (int) number(j, "min_voxels", file)));
			}
			JsonElement score = o.get("validation_score");
			UNetModelInfo info = new UNetModelInfo(arch, number(o, "voxel_size_angstrom", file),
					string(n, "method", file), number(n, "clip", file), classes,
					(int) number(o, "training_crop_size", file), (int) number(o, "trained_epochs", file),
					score == null || score.isJsonNull() ? Double.NaN : score.getAsDouble(),
					string(o, "tomopick_version", file));
			JsonObject pr = object(o, "parameters", file);
			return new Sidecar(info, new ParameterRef(string(pr, "file", file), string(pr, "sha256", file),
					(long) number(pr, "parameter_count", file)));
		} catch (TomoPickIoException e) {
			throw e;
		} catch (RuntimeException e) {
			throw new TomoPickIoException(file, "invalid model sidecar: " + e.getMessage(), e);
		}
	}

	private static JsonObject object(JsonObject o, String key, Path file) {
		JsonElement e = o.get(key);
		if (e == null || !e.isJsonObject())
			throw new TomoPickIoException(file, "field '" + key + "' is missing or not an object");
		return e.getAsJsonObject();
	}

	private static String string(JsonObject o, String key, Path file) {
		JsonElement e = o.get(key);
		if (e == null || !e.isJsonPrimitive())
			throw new TomoPickIoException(file, "field '" + key + "' is missing or not a string");
		return e.getAsString();
	}

	private static double number(JsonObject o, String key, Path file) {
		JsonElement e = o.get(key);
		if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber())
			throw new TomoPickIoException(file, "field '" + key + "' is missing or not a number");
		return e.getAsDouble();
	}
}
