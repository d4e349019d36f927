package org.tomopick.batch;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tomopick.io.AtomicFiles;

import com.google.gson.stream.JsonWriter;

/**
 * Writes a {@link BatchSummary} at the output root, beside the picks, as {@value #JSON} and {@value #CSV} (one row
 * per run: run, status, particles in all and per class, seconds per stage, attempts, executor, error), both changed
 * as one ({@link AtomicFiles#writeAll}): a reader never sees half a summary, nor the JSON of one job with the CSV of
 * another.
 */
public final class BatchSummaryWriter {

	public static final String JSON = "tomopick-batch.json";
	public static final String CSV = "tomopick-batch.csv";
	static final String FORMAT = "tomopick batch summary 1";

	private BatchSummaryWriter() {
	}

	/** @return the JSON file and the CSV file written */
	public static List<Path> write(Path outRoot, BatchSummary summary) {
		Map<Path, AtomicFiles.ContentWriter> files = new LinkedHashMap<>();
		files.put(outRoot.resolve(JSON), out -> writeJson(out, summary));
		files.put(outRoot.resolve(CSV), out -> {
			Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			w.write(csv(summary));
			w.flush();
		});
		AtomicFiles.writeAll(files);
		return new ArrayList<>(files.keySet());
	}

	private static void writeJson(java.io.OutputStream out, BatchSummary s) throws IOException {
		Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		JsonWriter json = new JsonWriter(text);
		json.setIndent("  ");
		json.beginObject();
		json.name("format").value(FORMAT);
		json.name("job").value(s.job());
		BatchSettings b = s.settings();
		json.name("input").value(b.input());
		json.name("tomo_type").value(b.tomoType());
		json.name("out").value(b.out());
		json.name("models").value(b.models());
		json.name("mode").value(b.mode());
		json.name("thresholds").beginArray();
		for (String t : b.thresholds())
			json.value(t);
		json.endArray();
		json.name("user").value(b.user());
		json.name("session").value(b.session());
		json.name("force").value(b.force());
		json.name("fingerprint").value(s.fingerprint());
		BatchEngine engine = s.engine();
		json.name("engine").value(engine.name() + " " + engine.version());
		json.name("master").value(engine.master());
		json.name("max_attempts").value(engine.maxAttempts());
		json.name("threads_per_task").value(engine.threadsPerTask());
		json.name("started").value(s.started());
		json.name("seconds").value(s.seconds());
		json.name("runs").value(s.runs().size());
		for (RunStatus status : RunStatus.values())
			json.name(status.label().replace('-', '_')).value(s.count(status));
		json.name("picked_per_hour").value(s.pickedPerHour());
		json.name("results").beginArray();
		for (RunOutcome r : s.runs()) {
			json.beginObject();
			json.name("run").value(r.run());
			json.name("status").value(r.status().label());
			RunRecordFile.writeObject(json, "particles", r.particles());
			RunRecordFile.writeObject(json, "seconds", r.seconds());
			json.name("attempts").value(r.attempts());
			json.name("executor").value(r.executor());
			json.name("error").value(r.error());
			json.endObject();
		}
		json.endArray();
		json.endObject();
		json.flush();
		text.write('\n');
		text.flush();
	}

	/**
	 * The CSV text: a header, then one row per run. Particle columns are the classes met in any run (catalog
	 * order), stage columns {@code <stage>_s} the stages met in any run (in the order they ran).
	 */
	static String csv(BatchSummary s) {
		Set<String> classes = new LinkedHashSet<>();
		for (RunOutcome r : s.runs())
			classes.addAll(r.particles().keySet());
		List<String> stages = RunOutcome.stages(s.runs());
		List<String> header = new ArrayList<>(List.of("run", "status", "particles"));
		header.addAll(classes);
		stages.forEach(stage -> header.add(stage + "_s"));
		header.addAll(List.of("attempts", "executor", "error"));
		StringBuilder out = new StringBuilder();
		row(out, header);
		for (RunOutcome r : s.runs()) {
			List<String> cells = new ArrayList<>(List.of(r.run(), r.status().label(),
					r.particles().isEmpty() ? "" : Integer.toString(r.particleCount())));
			for (String c : classes)
				cells.add(r.particles().containsKey(c) ? Integer.toString(r.particles().get(c)) : "");
			for (String stage : stages)
				cells.add(r.seconds().containsKey(stage)
						? String.format(Locale.ROOT, "%.3f", r.seconds().get(stage))
						: "");
			cells.add(Integer.toString(r.attempts()));
			cells.add(r.executor());
			cells.add(r.error());
			row(out, cells);
		}
		return out.toString();
	}

	private static void row(StringBuilder out, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0)
				out.append(',');
			out.append(quoted(cells.get(i)));
		}
		out.append('\n');
	}

	/**
	 * One CSV cell on one line (a line break becomes a space, so that every run is one row for grep and awk
	 * too); RFC 4180 quoting: a cell with a comma or quote is quoted, its quotes doubled.
	 */
	static String quoted(String cell) {
		String line = cell.replaceAll("\\s*[\\r\\n]+\\s*", " ");
		if (line.indexOf(',') < 0 && line.indexOf('"') < 0)
			return line;
		return '"' + line.replace("\"", "\"\"") + '"';
	}
}
