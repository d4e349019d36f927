package org.tomopick.command;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomopick.io.copick.CopickPicksWriter;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.csv.CziiCsvWriter;
import org.tomopick.model.Particle;
import org.tomopick.ui.CopickRunRef;
import org.tomopick.ui.TomogramSession;

import ij.ImagePlus;

/**
 * Plugins &gt; TomoPick &gt; Export Picks: writes the particles of an open tomogram as CoPick picks (one file per
 * class, {@code Picks/<user>_<session>_<object>.json}) or as a CZII challenge CSV, atomically. Exporting counts as
 * saving: the window stops flagging unsaved edits.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TomoPick>Export Picks", headless = true,
		description = "Writes the particles of the open tomogram as CoPick picks or a challenge CSV")
public class ExportPicksCommand implements Command {

	public static final String COPICK = "CoPick";
	public static final String CSV = "CSV";
	public static final String RELION5 = "RELION 5 STAR";
	public static final String RELION4 = "RELION 3/4 STAR";
	public static final String DYNAMO = "Dynamo table";
	public static final String IMOD = "IMOD point list";
	public static final String WARP = "Warp/M STAR";

	@Parameter(label = "Tomogram")
	private ImagePlus image;

	@Parameter(label = "Format", choices = { COPICK, CSV, RELION5, RELION4, DYNAMO, IMOD, WARP },
			description = "RELION, Dynamo, IMOD and Warp/M: one file per class in the output folder, in pixels of the "
					+ "open level (RELION 5: Angstrom from the tomogram's centre); see the README's formats")
	private String format = COPICK;

	@Parameter(label = "CoPick project, CSV file or folder", required = false, style = "save",
			description = "empty (CoPick): the project the tomogram was opened from", persist = false)
	private File output;

	@Parameter(label = "Run", required = false, description = "empty: the tomogram's CoPick run", persist = false)
	private String run = "";

	@Parameter(label = "User (CoPick)", required = false, persist = false)
	private String user = "tomopick";

	@Parameter(label = "Session (CoPick)", required = false,
			description = "reviewed: beside, never over, the picker's own session 0", persist = false)
	private String session = org.tomopick.ui.TomogramWindow.REVIEWED_SESSION;

	@Parameter(label = "Also the particles the view hides (unticked classes, scores below the threshold)",
			required = false, persist = false)
	private boolean include_hidden;

	@Parameter(type = ItemIO.OUTPUT)
	private int particle_count;

	@Parameter(type = ItemIO.OUTPUT)
	private String written_files;

	@Override
	public void run() {
		TomogramSession tomogram = TomogramSession.require(image);
		List<Particle> particles = new ArrayList<>();
		var shown = tomogram.overlay().settings();
		for (Particle p : tomogram.particles().snapshot().values())
			if (include_hidden || shown.shows(p))
				particles.add(p);
		CopickRunRef own = tomogram.copickRun().orElse(null);
		String runName = CommandInputs.orNull(run);
		if (runName == null)
			runName = own != null ? own.run() : runNameOf(image);
		List<Path> written;
		if (CSV.equals(format)) {
			if (output == null)
				throw new IllegalArgumentException("output: a CSV file must be given to export as CSV");
			CziiCsvWriter.write(output.toPath(), Map.of(runName, particles));
			written = List.of(output.toPath());
		} else if (COPICK.equals(format)) {
			Path root = output != null ? CopickProject.open(output.toPath()).root() : own != null ? own.root() : null;
			if (root == null)
				throw new IllegalArgumentException("output: the tomogram was not opened from a CoPick project, "
						+ "so the CoPick project folder to write into must be given");
			Double spacing = own != null ? own.voxelSpacing() : tomogram.geometry().voxelSpacing();
			written = CopickPicksWriter.writeRun(new CopickProject(root), runName, user.strip(), session.strip(),
					spacing, particles, tomogram.catalog());
		} else {
			org.tomopick.io.formats.PickFormat f = switch (format) {
			case RELION5 -> org.tomopick.io.formats.PickFormat.RELION5;
			case RELION4 -> org.tomopick.io.formats.PickFormat.RELION4;
			case DYNAMO -> org.tomopick.io.formats.PickFormat.DYNAMO;
			case IMOD -> org.tomopick.io.formats.PickFormat.IMOD;
			case WARP -> org.tomopick.io.formats.PickFormat.WARP;
			default -> throw new IllegalArgumentException("format must be one of " + String.join(", ", COPICK, CSV,
					RELION5, RELION4, DYNAMO, IMOD, WARP) + "; was '" + format + "'");
			};
			if (output == null)
				throw new IllegalArgumentException("output: a folder must be given to export as " + format);
			org.tomopick.io.formats.RunGeometry g = CommandInputs.openLevel(tomogram, image);
			written = org.tomopick.io.formats.PickFiles.write(f, output.toPath(), Map.of(runName, particles), r -> g);
		}
		tomogram.unsaved().markSaved();
		particle_count = particles.size();
		written_files = String.join("\n", written.stream().map(Path::toString).toList());
	}

	private static String runNameOf(ImagePlus image) {
		String title = image.getTitle().replaceAll("\\.(zarr|mrc|rec|map)$", "");
		return title.isBlank() ? "run" : title.replaceAll("[\\s/\\\\]", "-");
	}
}
