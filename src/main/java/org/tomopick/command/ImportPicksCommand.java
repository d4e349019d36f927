package org.tomopick.command;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.copick.CopickPicksLoader;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.csv.CziiCsvReader;
import org.tomopick.model.Particle;
import org.tomopick.ui.CopickRunRef;
import org.tomopick.ui.TomogramSession;

import ij.ImagePlus;

/**
 * Plugins &gt; TomoPick &gt; Import Picks: brings the picks of one run into an open tomogram, from a CoPick project
 * (one user/session, every class) or a CZII challenge CSV (the rows of one experiment).
 */
@Plugin(type = Command.class, menuPath = "Plugins>TomoPick>Import Picks", headless = true,
		description = "Imports CoPick picks or a challenge CSV into the open tomogram")
public class ImportPicksCommand implements Command {

	@Parameter(label = "Tomogram")
	private ImagePlus image;

	// persist = false: a run, user or session belongs to one project and must not be carried into the next import
	@Parameter(label = "CoPick project or picks file (CSV, RELION or Warp/M STAR, Dynamo .tbl, IMOD .txt)",
			style = "both", persist = false)
	private File source;

	@Parameter(label = "Run", required = false, persist = false,
			description = "empty: the tomogram's CoPick run, or the only run")
	private String run = "";

	@Parameter(label = "User (CoPick)", required = false, persist = false,
			description = "empty: the only user there is")
	private String user = "";

	@Parameter(label = "Session (CoPick)", required = false, persist = false,
			description = "empty: the only session there is")
	private String session = "";

	@Parameter(label = "Replace the current particles", required = false, persist = false)
	private boolean replace;

	@Parameter(type = ItemIO.OUTPUT)
	private int particle_count;

	@Override
	public void run() {
		TomogramSession tomogram = TomogramSession.require(image);
		Path path = source.toPath();
		List<Particle> picks;
		org.tomopick.io.formats.PickFormat other = Files.isRegularFile(path) ? otherFormat(path) : null;
		if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase().endsWith(".csv"))
			picks = fromCsv(path, tomogram);
		else if (other != null)
			picks = fromOtherTool(path, other, tomogram);
		else
			picks = fromCopick(path, tomogram);
		tomogram.load(picks, replace);
		particle_count = picks.size();
	}

	private List<Particle> fromCsv(Path csv, TomogramSession tomogram) {
		Map<String, List<Particle>> byRun = CziiCsvReader.read(csv, tomogram.catalog());
		String chosen = runName(tomogram, List.copyOf(byRun.keySet()), csv);
		if (!byRun.containsKey(chosen))
			throw new TomoPickIoException(csv, "has no picks of run '" + chosen + "'; its runs are " + byRun.keySet());
		return byRun.get(chosen);
	}

	/**
	 * The format of a picks file of another tool, by its name and, for STAR, its columns: {@code .star} (RELION 5
	 * when it has centred coordinates, RELION 3/4 when it names tomograms by {@code _rlnTomoName}, Warp/M when by
	 * {@code _rlnMicrographName} or when it is M's own table), {@code .tbl} (Dynamo), {@code .txt} (IMOD point
	 * list).
	 */
	static org.tomopick.io.formats.PickFormat otherFormat(Path file) {
		String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		if (name.endsWith(".tbl"))
			return org.tomopick.io.formats.PickFormat.DYNAMO;
		if (name.endsWith(".txt"))
			return org.tomopick.io.formats.PickFormat.IMOD;
		if (!name.endsWith(".star"))
			return null;
		try (var lines = Files.lines(file)) {
			List<String> labels = lines.limit(200).map(String::strip).filter(l -> l.startsWith("_"))
					.map(l -> l.split("\\s+")[0]).toList();
			if (labels.contains("_rlnCenteredCoordinateXAngst"))
				return org.tomopick.io.formats.PickFormat.RELION5;
			if (!labels.contains("_rlnTomoName")
					&& (labels.contains("_rlnMicrographName") || labels.contains("_wrpCoordinateX1")))
				return org.tomopick.io.formats.PickFormat.WARP;
			return org.tomopick.io.formats.PickFormat.RELION4;
		} catch (java.io.IOException | java.io.UncheckedIOException e) {
			throw new TomoPickIoException(file, "cannot read: " + e.getMessage());
		}
	}

	/** Picks of another tool's file, in pixels of the open level (RELION 5: from the open volume's centre). */
	private List<Particle> fromOtherTool(Path file, org.tomopick.io.formats.PickFormat format,
			TomogramSession tomogram) {
		org.tomopick.io.formats.RunGeometry g = CommandInputs.openLevel(tomogram, image);
		String own = tomogram.copickRun().map(CopickRunRef::run).orElse(null);
		Map<String, List<Particle>> byRun = org.tomopick.io.formats.PickFiles.read(format, file, tomogram.catalog(),
				r -> g, CommandInputs.orNull(run) != null ? run.strip() : own);
		String chosen = runName(tomogram, List.copyOf(byRun.keySet()), file);
		if (!byRun.containsKey(chosen))
			throw new TomoPickIoException(file, "has no picks of run '" + chosen + "'; its runs are " + byRun.keySet());
		return byRun.get(chosen);
	}

	private List<Particle> fromCopick(Path path, TomogramSession tomogram) {
		if (!CopickProject.isProject(path))
			throw new TomoPickIoException(path, "is neither a CoPick project (no ExperimentRuns) nor a picks file "
					+ "TomoPick reads (.csv, .star, .tbl, .txt)");
		CopickProject project = CopickProject.open(path);
		String chosen = runName(tomogram, project.runs(), path);
		if (!project.runs().contains(chosen))
			throw new TomoPickIoException(path, "has no run '" + chosen + "'; its runs are " + project.runs());
		return new CopickPicksLoader(project, tomogram.catalog())
				.load(CommandInputs.orNull(user), CommandInputs.orNull(session), List.of(chosen)).get(chosen);
	}

	/** The run asked for, else the tomogram's CoPick run if the source has it, else the source's only run. */
	private String runName(TomogramSession tomogram, List<String> available, Path where) {
		String asked = CommandInputs.orNull(run);
		if (asked != null)
			return asked;
		String own = tomogram.copickRun().map(CopickRunRef::run).orElse(null);
		if (own != null && available.contains(own))
			return own;
		if (available.size() == 1)
			return available.get(0);
		throw new TomoPickIoException(where, "holds picks of several runs " + available + ": choose one with run=");
	}
}
