package org.tomopick.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.tomopick.io.copick.CopickPicksLoader;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.formats.PickFiles;
import org.tomopick.io.formats.PickFormat;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the CoPick picks of a user/session in a format of the field (see {@link PickFormat}). */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Writes CoPick picks as RELION 5 STAR "
		+ "(centred, Angstrom), RELION 3/4 STAR (pixels), Dynamo tables, IMOD point lists, the challenge CSV with "
		+ "scores or Warp/M particle STAR files (pixels, <run>.tomostar; give WarpTools ts_export_particles "
		+ "--coords_angpix the pixel size): one file per class (IMOD: per run and class) in --out. Pixel sizes and "
		+ "tomogram sizes come from the project's tomograms, or --pixel-size / --tomogram-size.")
public final class ExportCommand implements Runnable {

	@Option(names = "--picks", required = true, paramLabel = "ROOT|CONFIG", description = "CoPick project with the "
			+ "picks (its folder or copick_config.json).")
	Path picks;

	@Option(names = "--format", required = true, paramLabel = "F", description = "relion5, relion4, dynamo, imod, "
			+ "csv or warp.")
	String format;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the files into.")
	Path out;

	@Option(names = "--user", paramLabel = "USER", description = "User of the picks (default: the only one).")
	String user;

	@Option(names = "--session", paramLabel = "SESSION", description = "Session of the picks (default: the only one).")
	String session;

	@Option(names = "--runs", split = ",", paramLabel = "RUN", description = "Runs (default: all).")
	List<String> runs = List.of();

	@picocli.CommandLine.Mixin
	PickFormatGeometry sizes;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		PickFormat f = PickFormat.of(format);
		CliPaths.requireExists(picks, "--picks");
		Map<String, List<Particle>> byRun = new CopickPicksLoader(CopickProject.open(picks), ParticleCatalog.czii())
				.load(user, session, runs);
		List<Path> written = PickFiles.write(f, out, byRun, sizes.geometry(picks));
		spec.commandLine().getOut().printf("%d particles of %d runs written as %s: %s%n",
				byRun.values().stream().mapToInt(List::size).sum(), byRun.size(), f, written);
	}
}
