package org.tomopick.io.csv;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.tomopick.io.AtomicFiles;
import org.tomopick.model.Particle;

/**
 * Writes particles as a CZII challenge submission CSV ({@code id,experiment,particle_type,x,y,z}, Angstrom),
 * atomically. Ids run 0..n-1 in the order given: runs in the map's order, particles in list order. Coordinates are
 * written with Java's shortest exact decimal form, so reading the file back gives the same doubles.
 */
public final class CziiCsvWriter {

	private CziiCsvWriter() {
	}

	/**
	 * @param particlesByRun run (experiment) name -> its particles
	 * @throws IllegalArgumentException if a run or class name contains a comma or a line break
	 */
	public static void write(Path file, Map<String, ? extends List<Particle>> particlesByRun) {
		write(file, particlesByRun, false);
	}

	/** As {@link #write}, with a seventh column {@code score} (which {@link CziiCsvReader} reads back). */
	public static void writeWithScores(Path file, Map<String, ? extends List<Particle>> particlesByRun) {
		write(file, particlesByRun, true);
	}

	private static void write(Path file, Map<String, ? extends List<Particle>> particlesByRun, boolean scores) {
		for (Map.Entry<String, ? extends List<Particle>> e : particlesByRun.entrySet()) {
			checkField(file, "experiment", e.getKey());
			for (Particle p : e.getValue())
				checkField(file, "particle_type", p.type().name());
		}
		AtomicFiles.write(file, out -> {
			Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			w.write(scores ? CziiCsvReader.HEADER_WITH_SCORE : CziiCsvReader.HEADER);
			w.write('\n');
			long id = 0;
			StringBuilder line = new StringBuilder();
			for (Map.Entry<String, ? extends List<Particle>> e : particlesByRun.entrySet())
				for (Particle p : e.getValue()) {
					line.setLength(0);
					line.append(id++).append(',').append(e.getKey()).append(',').append(p.type().name()).append(',')
							.append(p.x()).append(',').append(p.y()).append(',').append(p.z());
					if (scores)
						line.append(',').append(p.score());
					line.append('\n');
					w.append(line);
				}
			w.flush();
		});
	}

	private static void checkField(Path file, String what, String value) {
		if (value.isEmpty() || value.indexOf(',') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)
			throw new IllegalArgumentException(file + ": " + what + " '" + value
					+ "' cannot be written to a CSV without quoting (empty, or has a comma or line break)");
	}
}
