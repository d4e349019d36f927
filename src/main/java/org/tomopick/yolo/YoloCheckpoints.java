package org.tomopick.yolo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tomopick.io.AtomicFiles;
import org.tomopick.io.TomoPickIoException;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The checkpoint folder of a training run: {@code last.params/json} after every epoch, {@code best.params/json}
 * whenever validation improves, and {@code training-state.json} (epochs done, best epoch and score) from which a
 * run resumes. Optimiser moments are not saved: a resumed run restarts AdamW's moments at the saved weights and
 * continues the learning-rate schedule where it stopped.
 */
final class YoloCheckpoints {

	static final String STATE = "training-state.json";

	private final Path folder;

	YoloCheckpoints(Path folder) {
		this.folder = folder;
	}

	Path last() {
		return folder.resolve("last.params");
	}

	Path best() {
		return folder.resolve("best.params");
	}

	boolean canResume() {
		return Files.isRegularFile(folder.resolve(STATE)) && Files.isRegularFile(last());
	}

	record State(int epochsDone, int bestEpoch, double bestScore) {
	}

	State readState() {
		Path file = folder.resolve(STATE);
		try {
			JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
			return new State(o.get("epochsDone").getAsInt(), o.get("bestEpoch").getAsInt(),
					o.get("bestScore").getAsDouble());
		} catch (IOException | RuntimeException e) {
			throw new TomoPickIoException(file, "cannot read the YOLO training state: " + e.getMessage(), e);
		}
	}

	void save(YoloModel model, State state, boolean improved, JsonObject training) {
		try {
			Files.createDirectories(folder);
		} catch (IOException e) {
			throw new TomoPickIoException(folder, "cannot create the checkpoint folder", e);
		}
		YoloModelFile.save(model, last(), training);
		if (improved)
			YoloModelFile.save(model, best(), training);
		JsonObject o = new JsonObject();
		o.addProperty("epochsDone", state.epochsDone());
		o.addProperty("bestEpoch", state.bestEpoch());
		o.addProperty("bestScore", state.bestScore());
		AtomicFiles.writeString(folder.resolve(STATE),
				new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create().toJson(o));
	}
}
