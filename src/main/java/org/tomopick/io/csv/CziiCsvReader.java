package org.tomopick.io.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/**
 * Reads a CZII challenge submission / solution CSV: the header {@code id,experiment,particle_type,x,y,z} and one
 * particle a line, positions in Angstrom, or the same with a seventh column {@code score} (what TomoPick's
 * {@code export --format csv} writes). Fields are plain (no quoting); blank lines are skipped; the id column must
 * be an integer but is otherwise ignored. Particles get their score, else 1, and {@link Provenance#IMPORTED}. An unknown particle
 * type, a bad number or a wrong number of fields is a {@link TomoPickIoException} naming the file and line.
 */
public final class CziiCsvReader {

	static final String HEADER = "id,experiment,particle_type,x,y,z";
	static final String HEADER_WITH_SCORE = HEADER + ",score";

	private CziiCsvReader() {
	}

	/** The particles of each run (experiment), runs in order of first appearance, particles in file order. */
	public static Map<String, List<Particle>> read(Path file, ParticleCatalog catalog) {
		Map<String, List<Particle>> byRun = new LinkedHashMap<>();
		int fields = 6;
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			int number = 0;
			boolean header = false;
			while ((line = reader.readLine()) != null) {
				number++;
				if (number == 1 && line.startsWith("\uFEFF"))
					line = line.substring(1);
				if (line.isBlank())
					continue;
				if (!header) {
					if (!line.strip().equals(HEADER) && !line.strip().equals(HEADER_WITH_SCORE))
						throw new TomoPickIoException(file, "line " + number + ": expected the header '" + HEADER
								+ "' (or with ',score'), found '" + line + "'");
					header = true;
					fields = line.strip().equals(HEADER) ? 6 : 7;
					continue;
				}
				String[] f = line.split(",", -1);
				if (f.length != fields)
					throw new TomoPickIoException(file, "line " + number + ": expected " + fields + " fields, found "
							+ f.length);
				parseId(file, number, f[0].strip());
				String run = f[1].strip();
				if (run.isEmpty())
					throw new TomoPickIoException(file, "line " + number + ": experiment is empty");
				String name = f[2].strip();
				int at = number;
				ParticleClass type = catalog.find(name).orElseThrow(() -> new TomoPickIoException(file, "line " + at
						+ ": unknown particle_type '" + name + "'; known: " + catalog.classes()));
				double x = coordinate(file, number, "x", f[3]);
				double y = coordinate(file, number, "y", f[4]);
				double z = coordinate(file, number, "z", f[5]);
				double score = fields == 7 ? coordinate(file, number, "score", f[6]) : 1.0;
				byRun.computeIfAbsent(run, r -> new ArrayList<>())
						.add(new Particle(type, x, y, z, score, Provenance.IMPORTED));
			}
			if (!header)
				throw new TomoPickIoException(file, "empty CSV: no '" + HEADER + "' header");
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot read: " + e.getMessage(), e);
		}
		byRun.replaceAll((run, list) -> Collections.unmodifiableList(list));
		return Collections.unmodifiableMap(byRun);
	}

	private static void parseId(Path file, int line, String id) {
		try {
			Long.parseLong(id);
		} catch (NumberFormatException e) {
			throw new TomoPickIoException(file, "line " + line + ": id '" + id + "' is not an integer");
		}
	}

	private static double coordinate(Path file, int line, String axis, String text) {
		double v;
		try {
			v = Double.parseDouble(text.strip());
		} catch (NumberFormatException e) {
			throw new TomoPickIoException(file, "line " + line + ": " + axis + " '" + text + "' is not a number");
		}
		if (!Double.isFinite(v))
			throw new TomoPickIoException(file, "line " + line + ": " + axis + " is not finite (" + text + ")");
		return v;
	}
}
