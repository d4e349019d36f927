package org.tomopick.io.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.tomopick.io.AtomicFiles;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/**
 * Writes and reads picks in the formats of {@link PickFormat} (see there for each one's conventions; Warp/M's in
 * {@link WarpStar}). Writing puts one file per class (per run and class for IMOD) into a folder, each atomically;
 * reading takes one file, its class from its name ({@code <class>.star}, {@code <class>.tbl},
 * {@code <run>_<class>.txt}) or, for the CSV, from its rows.
 */
public final class PickFiles {

	static final String DYNAMO_DOC = "tomograms.doc";
	private static final String RELION5_COLUMNS = "_rlnTomoName,_rlnCenteredCoordinateXAngst,"
			+ "_rlnCenteredCoordinateYAngst,_rlnCenteredCoordinateZAngst,_rlnAutopickFigureOfMerit";
	private static final String RELION4_COLUMNS = "_rlnTomoName,_rlnCoordinateX,_rlnCoordinateY,_rlnCoordinateZ,"
			+ "_rlnAutopickFigureOfMerit";

	private PickFiles() {
	}

	/**
	 * Writes the particles of each run into {@code dir} in the format.
	 *
	 * @param geometry a run's pixel size and tomogram size (not used by the CSV)
	 * @return the files written
	 */
	public static List<Path> write(PickFormat format, Path dir, Map<String, List<Particle>> byRun,
			Function<String, RunGeometry> geometry) {
		Map<String, Map<String, List<Particle>>> byClass = new TreeMap<>();
		for (Map.Entry<String, List<Particle>> e : byRun.entrySet())
			for (Particle p : e.getValue())
				byClass.computeIfAbsent(p.type().name(), k -> new LinkedHashMap<>())
						.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(p);
		if (format == PickFormat.CSV) { // the challenge CSV with a score column
			Path csv = dir.resolve("picks.csv");
			org.tomopick.io.csv.CziiCsvWriter.writeWithScores(csv, byRun);
			return List.of(csv);
		}
		Map<Path, String> files = new LinkedHashMap<>();
		switch (format) {
		case RELION5, RELION4 -> byClass.forEach((c, runs) -> files.put(dir.resolve(c + ".star"),
				star(format, runs, geometry)));
		case WARP -> byClass.forEach((c, runs) -> files.put(dir.resolve(c + ".star"),
				WarpStar.write(runs, geometry)));
		case DYNAMO -> {
			List<String> runs = new ArrayList<>(new java.util.TreeSet<>(byRun.keySet()));
			StringBuilder doc = new StringBuilder();
			for (int i = 0; i < runs.size(); i++)
				doc.append(i + 1).append(' ').append(runs.get(i)).append('\n');
			byClass.forEach((c, r) -> files.put(dir.resolve(c + ".tbl"), dynamo(r, runs, geometry)));
			files.put(dir.resolve(DYNAMO_DOC), doc.toString());
		}
		case IMOD -> byClass.forEach((c, runs) -> runs.forEach((run, ps) -> files.put(dir.resolve(run + "_" + c
				+ ".txt"), imod(ps, geometry.apply(run)))));
		}
		files.forEach((f, text) -> AtomicFiles.writeString(f, text));
		return List.copyOf(files.keySet());
	}

	private static String star(PickFormat format, Map<String, List<Particle>> runs,
			Function<String, RunGeometry> geometry) {
		StringBuilder b = StarTable.head(format, "particles",
				(format == PickFormat.RELION5 ? RELION5_COLUMNS : RELION4_COLUMNS).split(","));
		runs.forEach((run, ps) -> {
			RunGeometry g = geometry.apply(run);
			for (Particle p : ps) {
				double[] xyz = { p.x(), p.y(), p.z() };
				b.append(run);
				for (int a = 0; a < 3; a++)
					b.append(' ').append(format == PickFormat.RELION5 ? xyz[a] - g.centreAngstrom(run, a)
							: xyz[a] / g.pixelAngstrom());
				b.append(' ').append(p.score()).append('\n');
			}
		});
		return b.append('\n').toString();
	}

	private static String dynamo(Map<String, List<Particle>> runs, List<String> order,
			Function<String, RunGeometry> geometry) {
		StringBuilder b = new StringBuilder();
		int tag = 1;
		for (Map.Entry<String, List<Particle>> e : runs.entrySet()) {
			RunGeometry g = geometry.apply(e.getKey());
			for (Particle p : e.getValue()) {
				double[] row = new double[26];
				row[0] = tag++;
				row[1] = 1;
				row[2] = 1;
				row[19] = order.indexOf(e.getKey()) + 1;
				row[21] = 1;
				row[23] = p.x() / g.pixelAngstrom() + 1;
				row[24] = p.y() / g.pixelAngstrom() + 1;
				row[25] = p.z() / g.pixelAngstrom() + 1;
				for (int i = 0; i < row.length; i++)
					b.append(i == 0 ? "" : " ").append(row[i] == Math.rint(row[i]) && i < 23 ? Long.toString((long) row[i])
							: Double.toString(row[i]));
				b.append('\n');
			}
		}
		return b.toString();
	}

	private static String imod(List<Particle> ps, RunGeometry g) {
		StringBuilder b = new StringBuilder();
		for (Particle p : ps)
			b.append(String.format(Locale.ROOT, "%s %s %s%n", p.x() / g.pixelAngstrom(), p.y() / g.pixelAngstrom(),
					p.z() / g.pixelAngstrom()));
		return b.toString();
	}

	/**
	 * Reads one file of the format: run -> particles.
	 *
	 * @param geometry a run's pixel size and tomogram size
	 * @param run      the run of an IMOD list whose name does not say it (null: from the name), or of a Warp STAR
	 *                 without a tilt-series column
	 */
	public static Map<String, List<Particle>> read(PickFormat format, Path file, ParticleCatalog catalog,
			Function<String, RunGeometry> geometry, String run) {
		if (format == PickFormat.CSV) // the challenge CSV, with or without a score column
			return org.tomopick.io.csv.CziiCsvReader.read(file, catalog);
		List<String> lines;
		try {
			if (Files.size(file) > 1L << 30)
				throw new TomoPickIoException(file, "is larger than 1 GB; not a picks file");
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot read: " + e.getMessage(), e);
		}
		String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
		Map<String, List<Particle>> out = new LinkedHashMap<>();
		switch (format) {
		case RELION5, RELION4 -> {
			ParticleClass c = classOf(file, catalog, stem);
			StarTable t = StarTable.parse(file, lines);
			boolean centred = format == PickFormat.RELION5;
			String[] xyz = centred ? new String[] { "_rlnCenteredCoordinateXAngst", "_rlnCenteredCoordinateYAngst",
					"_rlnCenteredCoordinateZAngst" } : new String[] { "_rlnCoordinateX", "_rlnCoordinateY",
							"_rlnCoordinateZ" };
			for (int r = 0; r < t.rows(); r++) {
				String name = t.text(r, "_rlnTomoName");
				RunGeometry g = geometry.apply(name);
				double[] p = new double[3];
				for (int a = 0; a < 3; a++)
					p[a] = centred ? t.number(r, xyz[a]) + g.centreAngstrom(name, a)
							: t.number(r, xyz[a]) * g.pixelAngstrom();
				double score = t.has("_rlnAutopickFigureOfMerit") ? t.number(r, "_rlnAutopickFigureOfMerit") : 1;
				out.computeIfAbsent(name, k -> new ArrayList<>()).add(new Particle(c, p[0], p[1], p[2], score,
						Provenance.IMPORTED));
			}
		}
		case WARP -> out.putAll(WarpStar.read(file, lines, classOf(file, catalog, stem), geometry, run));
		case DYNAMO -> {
			ParticleClass c = classOf(file, catalog, stem);
			Map<Integer, String> runs = dynamoDoc(file.resolveSibling(DYNAMO_DOC));
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).isBlank())
					continue;
				String[] f = lines.get(i).strip().split("\\s+");
				if (f.length < 26)
					throw new TomoPickIoException(file, "line " + (i + 1) + " has " + f.length + " columns; a Dynamo "
							+ "table has at least 26");
				int number = (int) number(file, i, f[19]);
				String name = runs.get(number);
				if (name == null)
					throw new TomoPickIoException(file, "line " + (i + 1) + ": tomogram " + number + " is not in "
							+ DYNAMO_DOC);
				RunGeometry g = geometry.apply(name);
				out.computeIfAbsent(name, k -> new ArrayList<>()).add(new Particle(c,
						(number(file, i, f[23]) - 1) * g.pixelAngstrom(), (number(file, i, f[24]) - 1) * g.pixelAngstrom(),
						(number(file, i, f[25]) - 1) * g.pixelAngstrom(), 1, Provenance.IMPORTED));
			}
		}
		case IMOD -> {
			int cut = stem.lastIndexOf('_');
			String name = run != null ? run : cut > 0 ? stem.substring(0, cut) : null;
			ParticleClass c = classOf(file, catalog, cut > 0 ? stem.substring(cut + 1) : stem);
			if (name == null)
				throw new TomoPickIoException(file, "its name does not say the run (<run>_<class>.txt): give the run");
			RunGeometry g = geometry.apply(name);
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).isBlank())
					continue;
				String[] f = lines.get(i).strip().split("\\s+");
				if (f.length < 3)
					throw new TomoPickIoException(file, "line " + (i + 1) + " is not 'x y z'");
				int o = f.length >= 5 ? f.length - 3 : 0; // "object contour x y z" lists too
				out.computeIfAbsent(name, k -> new ArrayList<>()).add(new Particle(c,
						number(file, i, f[o]) * g.pixelAngstrom(), number(file, i, f[o + 1]) * g.pixelAngstrom(),
						number(file, i, f[o + 2]) * g.pixelAngstrom(), 1, Provenance.IMPORTED));
			}
		}
		}
		return out;
	}

	private static Map<Integer, String> dynamoDoc(Path doc) {
		if (!Files.isRegularFile(doc))
			throw new TomoPickIoException(doc, "missing: a Dynamo table needs it to know which run each tomogram "
					+ "number is (lines 'number run')");
		Map<Integer, String> runs = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
				String[] f = line.strip().split("\\s+", 2);
				if (f.length == 2)
					runs.put(Integer.parseInt(f[0]), Path.of(f[1].strip()).getFileName().toString()
							.replaceFirst("\\.(mrc|rec|zarr)$", ""));
			}
		} catch (IOException | NumberFormatException e) {
			throw new TomoPickIoException(doc, "not a Dynamo volume list ('number run' per line): " + e.getMessage());
		}
		return runs;
	}

	private static ParticleClass classOf(Path file, ParticleCatalog catalog, String name) {
		return catalog.find(name).orElseThrow(() -> new TomoPickIoException(file, "'" + name
				+ "' is not a particle class; known: " + catalog.classes().stream().map(ParticleClass::name).toList()));
	}

	static double number(Path file, int line, String text) {
		try {
			double v = Double.parseDouble(text.strip());
			if (!Double.isFinite(v))
				throw new NumberFormatException();
			return v;
		} catch (NumberFormatException e) {
			throw new TomoPickIoException(file, "line " + (line + 1) + ": '" + text + "' is not a finite number");
		}
	}
}
