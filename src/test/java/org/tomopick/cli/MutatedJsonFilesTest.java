package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.classify.ClassifierFile;
import org.tomopick.classify.ParticleDescriptor;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.copick.CopickConfigCodec;
import org.tomopick.io.copick.CopickPicksReader;
import org.tomopick.io.copick.CopickPicksWriter;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.zarr.OmeZarrGroup;
import org.tomopick.io.zarr.OmeZarrWriter;
import org.tomopick.io.zarr.OmeZarrWriterSettings;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;
import org.tomopick.pipeline.PipelineTuning;
import org.tomopick.unet.UNetModel;
import org.tomopick.yolo.YoloModelFile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Every JSON file TomoPick reads, mutated one value at a time (each value replaced by an object, a list, null, a
 * string, a negative, a huge number and a boolean; each key removed): reading it either works or fails as bad input
 * (the one line and exit code 2 of the command line, naming the file) — never with an exception that the command
 * line treats as a bug (a stack trace, exit code 1), such as Gson's UnsupportedOperationException.
 */
class MutatedJsonFilesTest {

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
	private static final List<JsonElement> REPLACEMENTS = List.of(new JsonObject(), new JsonArray(), JsonNull.INSTANCE,
			new JsonPrimitive("x"), new JsonPrimitive(-1), new JsonPrimitive(1e308), new JsonPrimitive(true));

	@TempDir
	Path tmp;

	@Test
	void zarrArrayAndNgffMetadata() throws IOException {
		Path store = tmp.resolve("t.zarr");
		OmeZarrWriter.write(DenseVolume.ofFloats(new int[] { 4, 6, 8 }, new float[4 * 6 * 8]), store,
				OmeZarrWriterSettings.defaults(10), false);
		mutateEach(store.resolve(".zattrs"), file -> OmeZarrGroup.open(store).level(0).readAll());
		mutateEach(store.resolve("0/.zarray"), file -> OmeZarrGroup.open(store).level(0).readAll());
	}

	@Test
	void copickPicksAndConfig() throws IOException {
		ParticleCatalog catalog = ParticleCatalog.czii();
		CopickProject project = new CopickProject(tmp.resolve("p"));
		Files.createDirectories(project.picksFolder("r1"));
		List<Path> files = CopickPicksWriter.writeRun(project, "r1", "u", "s", 10.0,
				List.of(new Particle(catalog.get("ribosome"), 100, 200, 300, 0.5, Provenance.IMPORTED)), catalog);
		Path ribosome = files.stream().filter(f -> f.toString().endsWith("ribosome.json")).findFirst().orElseThrow();
		mutateEach(ribosome, file -> CopickPicksReader.read(file, catalog));
		Path config = tmp.resolve("copick_config.json");
		CopickConfigCodec.write(config,
				org.tomopick.io.copick.CopickConfig.fromCatalog("t", tmp.resolve("p").toString(), catalog));
		mutateEach(config, CopickConfigCodec::read);
	}

	@Test
	void modelSidecarsAndTuning() throws IOException {
		Path models = tmp.resolve("models");
		for (String f : List.of("unet/unet.json", "unet/unet.params", "yolo/yolo.json", "yolo/yolo.params",
				"classifier/classifier.json", "classifier/classifier.forest", "pipeline.json")) {
			Files.createDirectories(models.resolve(f).getParent());
			Files.copy(Path.of("models").resolve(f), models.resolve(f));
		}
		mutateEach(models.resolve("pipeline.json"), file -> PipelineTuning.readIfPresent(models));
		mutateEach(models.resolve("unet/unet.json"), file -> UNetModel.load(models.resolve("unet")));
		mutateEach(models.resolve("yolo/yolo.json"), YoloModelFile::load);
		List<String> features = new ParticleDescriptor(ParticleCatalog.czii()).names();
		mutateEach(models.resolve("classifier/classifier.json"),
				file -> ClassifierFile.load(models.resolve("classifier"), features));
	}

	/** Reads {@code file} once per mutation; restores it after. */
	private static void mutateEach(Path file, Consumer<Path> read) throws IOException {
		String original = Files.readString(file);
		JsonElement root = JsonParser.parseString(original);
		List<String> failures = new ArrayList<>();
		int tried = 0;
		try {
			for (List<Object> path : paths(root, new ArrayList<>())) {
				List<JsonElement> variants = new ArrayList<>(REPLACEMENTS);
				variants.add(null); // removal
				for (JsonElement replacement : variants) {
					JsonElement copy = root.deepCopy();
					if (!replace(copy, path, replacement))
						continue;
					Files.writeString(file, GSON.toJson(copy));
					tried++;
					try {
						read.accept(file);
					} catch (RuntimeException e) {
						if (!UserErrorHandler.isUserError(e))
							failures.add(path + " = " + replacement + ": " + e);
						else if (!e.getMessage().contains(file.getFileName().toString())
								&& !e.getMessage().contains(file.getParent().getFileName().toString()))
							failures.add(path + " = " + replacement + ": message names no file: " + e.getMessage());
					}
				}
			}
		} finally {
			Files.writeString(file, original);
		}
		assertTrue(tried > 10, "mutations tried: " + tried);
		System.out.println(file.getFileName() + ": " + tried + " mutations read");
		if (!failures.isEmpty())
			fail(file.getFileName() + ": " + failures.size() + " of " + tried + " mutations escaped as bugs:\n"
					+ String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
	}

	/** Every value's path (object keys and, for lists, their first two indices), the root excluded. */
	private static List<List<Object>> paths(JsonElement e, List<Object> prefix) {
		List<List<Object>> out = new ArrayList<>();
		if (e.isJsonObject()) {
			for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
				List<Object> p = new ArrayList<>(prefix);
				p.add(m.getKey());
				out.add(p);
				out.addAll(paths(m.getValue(), p));
			}
		} else if (e.isJsonArray()) {
			for (int i = 0; i < Math.min(2, e.getAsJsonArray().size()); i++) {
				List<Object> p = new ArrayList<>(prefix);
				p.add(i);
				out.add(p);
				out.addAll(paths(e.getAsJsonArray().get(i), p));
			}
		}
		return out;
	}

	/** Replaces (or, for null, removes) the value at {@code path}; false where that cannot be done. */
	private static boolean replace(JsonElement root, List<Object> path, JsonElement replacement) {
		JsonElement parent = root;
		for (int i = 0; i < path.size() - 1; i++)
			parent = path.get(i) instanceof String k ? parent.getAsJsonObject().get(k)
					: parent.getAsJsonArray().get((Integer) path.get(i));
		Object last = path.get(path.size() - 1);
		if (last instanceof String k) {
			if (replacement == null)
				parent.getAsJsonObject().remove(k);
			else
				parent.getAsJsonObject().add(k, replacement);
		} else {
			if (replacement == null)
				parent.getAsJsonArray().remove((int) (Integer) last);
			else
				parent.getAsJsonArray().set((Integer) last, replacement);
		}
		return true;
	}
}
