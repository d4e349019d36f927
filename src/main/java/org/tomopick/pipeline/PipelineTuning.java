package org.tomopick.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tomopick.classify.LabelDecision;
import org.tomopick.io.AtomicFiles;
import org.tomopick.io.TomoPickIoException;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Thresholds tuned on validation data ({@code tomopick tune}), kept beside the models as {@code pipeline.json}: the
 * confidence threshold the candidates of both branches must pass before fusion, and per mode and class the score
 * threshold on the picked particles, and how full mode turns the classifier's probabilities into labels (files
 * without it: {@link LabelDecision#MOST_PROBABLE}).
 */
public record PipelineTuning(double candidateThreshold, Map<PickingMode, Map<String, Double>> outputThresholds,
		String tunedOn, LabelDecision labelDecision) {

	public static final String FILE = "pipeline.json";

	public PipelineTuning(double candidateThreshold, Map<PickingMode, Map<String, Double>> outputThresholds,
			String tunedOn) {
		this(candidateThreshold, outputThresholds, tunedOn, LabelDecision.MOST_PROBABLE);
	}

	public PipelineTuning {
		java.util.Objects.requireNonNull(labelDecision, "labelDecision");
		if (!(candidateThreshold >= 0 && candidateThreshold <= 1))
			throw new IllegalArgumentException("candidate_threshold must be a number in [0, 1], was "
					+ candidateThreshold);
		outputThresholds.forEach((mode, byClass) -> byClass.forEach((name, t) -> {
			if (t == null || !(t >= 0 && t <= 1))
				throw new IllegalArgumentException("the " + mode + " threshold of " + name
						+ " must be a number in [0, 1], was " + t);
		}));
		Map<PickingMode, Map<String, Double>> copy = new EnumMap<>(PickingMode.class);
		outputThresholds.forEach((m, t) -> copy.put(m, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(t))));
		outputThresholds = java.util.Collections.unmodifiableMap(copy);
	}

	public Map<String, Double> thresholds(PickingMode mode) {
		return outputThresholds.getOrDefault(mode, Map.of());
	}

	/** The tuning in a models folder, or null when it has none. */
	public static PipelineTuning readIfPresent(Path modelsDir) {
		Path file = modelsDir.resolve(FILE);
		if (!Files.isRegularFile(file))
			return null;
		try {
			JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
			Map<PickingMode, Map<String, Double>> out = new EnumMap<>(PickingMode.class);
			for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("output_thresholds").entrySet()) {
				Map<String, Double> t = new LinkedHashMap<>();
				e.getValue().getAsJsonObject().entrySet().forEach(c -> t.put(c.getKey(), c.getValue().getAsDouble()));
				out.put(PickingMode.parse(e.getKey()), t);
			}
			return new PipelineTuning(o.get("candidate_threshold").getAsDouble(), out,
					o.has("tuned_on") ? o.get("tuned_on").getAsString() : "", o.has("label_decision")
							? LabelDecision.of(o.get("label_decision").getAsString()) : LabelDecision.MOST_PROBABLE);
		} catch (IOException | JsonParseException | IllegalStateException | NullPointerException | ClassCastException
				| UnsupportedOperationException | IllegalArgumentException e) {
			throw new TomoPickIoException(file, "not a valid pipeline tuning file: " + e.getMessage(), e);
		}
	}

	public void write(Path modelsDir) {
		JsonObject o = new JsonObject();
		o.addProperty("candidate_threshold", candidateThreshold);
		o.addProperty("tuned_on", tunedOn);
		o.addProperty("label_decision", labelDecision.id());
		JsonObject modes = new JsonObject();
		outputThresholds.forEach((m, t) -> {
			JsonObject c = new JsonObject();
			t.forEach(c::addProperty);
			modes.add(m.label(), c);
		});
		o.add("output_thresholds", modes);
		AtomicFiles.writeString(modelsDir.resolve(FILE),
				new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n");
	}
}
