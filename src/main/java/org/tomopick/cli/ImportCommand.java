package org.tomopick.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.tomopick.io.copick.CopickPicksLoader;
import org.tomopick.io.copick.CopickPicksWriter;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.formats.PickFiles;
import org.tomopick.io.formats.PickFormat;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reads picks of a format of the field into a CoPick project (see {@link PickFormat}). */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Reads a RELION 5 or 3/4 STAR file, a "
		+ "Dynamo table (with tomograms.doc beside it), an IMOD point list, a challenge CSV or a Warp/M particle STAR "
		+ "file into CoPick picks of --user/--session in --out. The class is the file's name (<class>.star, "
		+ "<class>.tbl, <run>_<class>.txt) or, for the CSV, its rows; classes already there and not in the file are "
		+ "kept.")
public final class ImportCommand implements Runnable {

	@Option(names = "--in", required = true, paramLabel = "FILE", description = "The file to read.")
	Path in;

	@Option(names = "--format", required = true, paramLabel = "F", description = "relion5, relion4, dynamo, imod, "
			+ "csv or warp.")
	String format;

	@Option(names = "--out", required = true, paramLabel = "ROOT|CONFIG", description = "CoPick project to write the "
			+ "picks into (its overlay root).")
	Path out;

	@Option(names = "--user", paramLabel = "USER", description = "User of the picks written (default imported).")
	String user = "imported";

	@Option(names = "--session", paramLabel = "SESSION", description = "Session (default 0).")
	String session = "0";

	@Option(names = "--run", paramLabel = "RUN", description = "Run of an IMOD list whose name does not say it, or "
			+ "of a Warp STAR file without _rlnMicrographName.")
	String run;

	@Option(names = "--project", paramLabel = "ROOT|CONFIG", description = "Project with the runs' tomograms, for "
			+ "their pixel and tomogram sizes (default --out).")
	Path project;

	@picocli.CommandLine.Mixin
	PickFormatGeometry sizes;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		PickFormat f = PickFormat.of(format);
		CliPaths.requireExists(in, "--in");
		ParticleCatalog catalog = ParticleCatalog.czii();
		CopickProject target = CopickProject.open(out);
		for (ParticleClass c : catalog.classes())
			target.picksPath("check", user, session, c.name()); // names checked before anything is read
		Map<String, List<Particle>> byRun = PickFiles.read(f, in, catalog,
				sizes.geometry(project != null ? project : out), run);
		int count = 0;
		for (Map.Entry<String, List<Particle>> e : byRun.entrySet()) {
			Set<ParticleClass> imported = e.getValue().stream().map(Particle::type).collect(Collectors.toSet());
			List<Particle> all = new ArrayList<>(e.getValue());
			if (target.runs().contains(e.getKey()) && target.picksFiles(e.getKey()).stream()
					.anyMatch(r -> r.userId().equals(user) && r.sessionId().equals(session)))
				new CopickPicksLoader(target, catalog).load(user, session, List.of(e.getKey()))
						.getOrDefault(e.getKey(), List.of()).stream().filter(p -> !imported.contains(p.type()))
						.forEach(all::add);
			CopickPicksWriter.writeRun(target, e.getKey(), user, session, null, all, catalog);
			count += e.getValue().size();
		}
		spec.commandLine().getOut().printf("%d particles of %d runs imported from %s into %s (%s/%s)%n", count,
				byRun.size(), in, target.root(), user, session);
	}
}
