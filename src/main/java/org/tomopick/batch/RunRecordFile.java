package org.tomopick.batch;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tomopick.io.AtomicFiles;
import org.tomopick.io.Sha256;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

/**
 * The {@link RunRecord} of a run's picks by one user and session: a hidden JSON file in the run's Picks folder,
 * {@code .tomopick-batch-<user>_<session>.done} (hidden and not {@code *.json}, so that neither copick nor TomoPick
 * takes it for picks), written atomically after the picks. A run's picks count as complete only when the record
 * has the job's fingerprint and tomogram and every picks file of the set is there with the SHA-256 the record holds:
 * a job killed between the picks and the record, picks edited by hand, or a record from other settings all mean
 * "pick again". A record that cannot be read as one (cut short, edited, too large) means the same; it is never
 * trusted and never an error.
 */
public final class RunRecordFile {

	static final String FORMAT = "tomopick batch run record 1";
	static final long MAX_BYTES = 1 << 20;

	private RunRecordFile() {
	}

	public static Path path(CopickProject project, String run, String user, String session) {
		Path anyPicks = project.picksPath(run, user, session, "x"); // checks the names as copick would
		return anyPicks.resolveSibling(".tomopick-batch-" + user + "_" + session + ".done");
	}

	/** The record of a run's picks when it proves them complete for this fingerprint and tomogram; else empty. */
	public static Optional<RunRecord> complete(CopickProject project, String run, String user, String session,
			String fingerprint, String tomogram, ParticleCatalog catalog) {
		Path folder = project.picksFolder(run);
		AtomicFiles.finishInterrupted(folder); // a killed writer's renames, finished before anything is judged
		Optional<RunRecord> found = read(path(project, run, user, session));
		if (found.isEmpty())
			return found;
		RunRecord r = found.get();
		if (!r.run().equals(run) || !r.fingerprint().equals(fingerprint) || !r.tomogram().equals(tomogram))
			return Optional.empty();
		Set<String> expected = new HashSet<>();
		for (ParticleClass c : catalog.classes())
			expected.add(project.picksPath(run, user, session, c.name()).getFileName().toString());
		if (!r.files().keySet().equals(expected))
			return Optional.empty();
		for (Map.Entry<String, String> e : r.files().entrySet()) {
			Path file = folder.resolve(e.getKey());
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Sha256.of(file).equals(e.getValue()))
				return Optional.empty();
		}
		return found;
	}

	/** The SHA-256 of each file, by file name, in the order given. */
	public static Map<String, String> digests(Iterable<Path> files) {
		Map<String, String> out = new LinkedHashMap<>();
		for (Path f : files)
			out.put(f.getFileName().toString(), Sha256.of(f));
		return out;
	}

	public static void write(Path file, RunRecord r) {
		AtomicFiles.write(file, out -> {
			Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			JsonWriter json = new JsonWriter(text);
			json.setIndent("  ");
			json.beginObject();
			json.name("format").value(FORMAT);
			json.name("run").value(r.run());
			json.name("fingerprint").value(r.fingerprint());
			json.name("tomogram").value(r.tomogram());
			json.name("job").value(r.job());
			json.name("attempts").value(r.attempts());
			json.name("executor").value(r.executor());
			json.name("finished").value(r.finished());
			RunRecordFile.writeObject(json, "files", r.files());
			RunRecordFile.writeObject(json, "particles", r.particles());
			RunRecordFile.writeObject(json, "seconds", r.seconds());
			json.endObject();
			json.flush();
			text.write('\n');
			text.flush();
		});
	}

	/** The record in a file; empty when there is none or it is not a complete record of this format. */
	public static Optional<RunRecord> read(Path file) {
		try {
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES)
				return Optional.empty();
			JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
			if (!root.isJsonObject())
				return Optional.empty();
			JsonObject o = root.getAsJsonObject();
			if (!FORMAT.equals(string(o, "format")))
				return Optional.empty();
			Map<String, String> files = new LinkedHashMap<>();
			o.getAsJsonObject("files").entrySet().forEach(e -> files.put(e.getKey(), e.getValue().getAsString()));
			Map<String, Integer> particles = new LinkedHashMap<>();
			o.getAsJsonObject("particles").entrySet().forEach(e -> particles.put(e.getKey(), e.getValue().getAsInt()));
			Map<String, Double> seconds = new LinkedHashMap<>();
			o.getAsJsonObject("seconds").entrySet().forEach(e -> seconds.put(e.getKey(), e.getValue().getAsDouble()));
			RunRecord r = new RunRecord(string(o, "run"), string(o, "fingerprint"), string(o, "tomogram"), files,
					particles, seconds, string(o, "job"), o.get("attempts").getAsInt(), string(o, "executor"),
					string(o, "finished"));
			return r.run() == null || r.fingerprint() == null || r.tomogram() == null ? Optional.empty()
					: Optional.of(r);
		} catch (IOException | RuntimeException notARecord) {
			return Optional.empty(); // not trusted: the run is picked again and the record rewritten
		}
	}

	private static String string(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
	}

	/** Writes {@code "name": {key: value, ...}} (values: strings or numbers). */
	static void writeObject(JsonWriter json, String name, Map<String, ?> values) throws java.io.IOException {
		json.name(name).beginObject();
		for (Map.Entry<String, ?> e : values.entrySet()) {
			json.name(e.getKey());
			if (e.getValue() instanceof Number n)
				json.value(n);
			else
				json.value(String.valueOf(e.getValue()));
		}
		json.endObject();
	}
}
