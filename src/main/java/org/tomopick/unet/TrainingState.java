package org.tomopick.unet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomopick.io.AtomicFiles;
import org.tomopick.io.TomoPickIoException;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** What a resumed training run needs besides the weights: the epochs done, their records and the best so far. */
record TrainingState(int epochsDone, List<EpochRecord> history, int bestEpoch, double bestScore) {

	static final String FILE = "training-state.json";

	TrainingState {
		history = List.copyOf(history);
	}

	void write(Path directory) {
		JsonObject o = new JsonObject();
		o.addProperty("epochs_done", epochsDone);
		o.addProperty("best_epoch", bestEpoch);
		o.addProperty("best_score", Double.isFinite(bestScore) ? bestScore : null);
		JsonArray h = new JsonArray();
		for (EpochRecord r : history) {
			JsonObject e = new JsonObject();
			e.addProperty("epoch", r.epoch());
			e.addProperty("loss", r.loss());
			e.addProperty("validation_score", Double.isNaN(r.validationScore()) ? null : r.validationScore());
			e.addProperty("learning_rate", r.learningRate());
			e.addProperty("seconds", r.seconds());
			h.add(e);
		}
		o.add("history", h);
		AtomicFiles.writeString(directory.resolve(FILE),
				new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(o));
	}

	static TrainingState read(Path directory) {
		Path file = directory.resolve(FILE);
		try {
			JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
			List<EpochRecord> history = new ArrayList<>();
			for (JsonElement el : o.getAsJsonArray("history")) {
				JsonObject e = el.getAsJsonObject();
				history.add(new EpochRecord(e.get("epoch").getAsInt(), e.get("loss").getAsDouble(),
						orNaN(e.get("validation_score")), e.get("learning_rate").getAsDouble(),
						e.get("seconds").getAsDouble()));
			}
			return new TrainingState(o.get("epochs_done").getAsInt(), history, o.get("best_epoch").getAsInt(),
					orNaN(o.get("best_score")));
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot read the training state: " + e.getMessage(), e);
		} catch (RuntimeException e) {
			throw new TomoPickIoException(file, "invalid training state: " + e.getMessage(), e);
		}
	}

	private static double orNaN(JsonElement e) {
		return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
	}
}
