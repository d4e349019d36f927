package org.tomopick.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.tomopick.eval.CziiScore;
import org.tomopick.eval.ScoreReport;
import org.tomopick.io.AtomicFiles;
import org.tomopick.io.copick.CopickPicksLoader;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.csv.CziiCsvReader;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tomopick evaluate}: scores picks against ground truth with the CZII challenge metric. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
		description = { "Scores picks against ground truth exactly as the CZII challenge does (a hit is within half "
				+ "the particle radius; F-beta with beta 4 per class; weighted mean over classes).",
				"Prints a per-class table; --json writes {\"czii_f4\":..., \"classes\":{...}}." })
final class EvaluateCommand implements Runnable {

	@Option(names = "--truth", required = true, paramLabel = "ROOT|CONFIG", description = "CoPick project with the "
			+ "ground truth: its folder (ExperimentRuns/<run>/Picks/...) or its copick_config.json.")
	Path truth;

	@Option(names = "--picks", required = true, paramLabel = "ROOT|CONFIG|CSV", description = "CoPick project "
			+ "(folder or config file) or a challenge CSV (id,experiment,particle_type,x,y,z in Angstrom) with the picks "
			+ "to score.")
	Path picks;

	@Option(names = "--runs", split = ",", paramLabel = "RUN", description = "Runs to score (default: all runs of "
			+ "the truth).")
	List<String> runs = List.of();

	@Option(names = "--json", paramLabel = "FILE", description = "Also write the scores as JSON.")
	Path json;

	@Option(names = "--config", paramLabel = "FILE", description = "CoPick config whose pickable_objects define the "
			+ "classes (default: the six CZII species with the challenge's radii and weights).")
	Path config;

	@Option(names = "--truth-user", paramLabel = "USER", description = "User of the truth picks (default: the only "
			+ "user there is).")
	String truthUser;

	@Option(names = "--truth-session", paramLabel = "SESSION", description = "Session of the truth picks.")
	String truthSession;

	@Option(names = "--user", paramLabel = "USER", description = "User of the picks to score (CoPick picks only).")
	String user;

	@Option(names = "--session", paramLabel = "SESSION", description = "Session of the picks to score.")
	String session;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		ParticleCatalog catalog = CliCatalogs.load(config);
		CliPaths.requireExists(truth, "--truth");
		Map<String, List<Particle>> truthByRun = new CopickPicksLoader(CopickProject.open(truth), catalog)
				.load(truthUser, truthSession, runs);
		Map<String, List<Particle>> picksByRun;
		if (Files.isRegularFile(picks) && !picks.getFileName().toString().endsWith(".json")) {
			picksByRun = CziiCsvReader.read(picks, catalog);
			if (!runs.isEmpty())
				picksByRun.keySet().retainAll(runs);
		} else {
			CliPaths.requireExists(picks, "--picks");
			List<String> truthRuns = List.copyOf(truthByRun.keySet());
			CopickProject picksProject = CopickProject.open(picks);
			picksByRun = new CopickPicksLoader(picksProject, catalog).load(user, session,
					truthRuns.stream().filter(picksProject.runs()::contains).toList());
		}
		ScoreReport report = new CziiScore(catalog).score(truthByRun, picksByRun);
		spec.commandLine().getOut().print(report.toTable());
		spec.commandLine().getOut().flush();
		if (json != null)
			AtomicFiles.writeString(json, report.toJson());
	}
}
