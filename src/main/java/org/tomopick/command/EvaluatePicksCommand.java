package org.tomopick.command;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomopick.eval.CziiScore;
import org.tomopick.eval.ScoreReport;
import org.tomopick.io.copick.CopickPicksLoader;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.csv.CziiCsvReader;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.ui.ScoreDisplays;

import ij.gui.Plot;
import ij.measure.ResultsTable;

/**
 * Plugins &gt; TomoPick &gt; Evaluate Picks: scores picks (CoPick user/session, or a challenge CSV) against the
 * ground truth of a CoPick project with the CZII challenge metric; gives a per-class results table and a bar plot.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TomoPick>Evaluate Picks", headless = true,
		description = "Scores picks against ground truth with the CZII metric (F-beta 4)")
public class EvaluatePicksCommand implements Command {

	@Parameter(label = "Ground truth (CoPick project)", style = "directory", persist = false)
	private File truth;

	@Parameter(label = "Truth user", required = false, description = "empty: the only user there is", persist = false)
	private String truth_user = "";

	@Parameter(label = "Truth session", required = false, persist = false)
	private String truth_session = "";

	@Parameter(label = "Picks (CoPick project or CSV)", style = "both", persist = false)
	private File picks;

	@Parameter(label = "Picks user (CoPick)", required = false, persist = false)
	private String user = "";

	@Parameter(label = "Picks session (CoPick)", required = false, persist = false)
	private String session = "";

	@Parameter(label = "Runs (comma-separated)", required = false,
			description = "empty: every run of the truth", persist = false)
	private String runs = "";

	@Parameter(label = "Show table and plot", required = false)
	private boolean show = true;

	@Parameter(label = "Also write the scores as JSON (empty: no)", required = false, style = "save",
			persist = false, description = "the keys of 'tomopick evaluate --json'")
	private File json;

	@Parameter(type = ItemIO.OUTPUT)
	private double czii_score;

	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable results;

	@Parameter(type = ItemIO.OUTPUT)
	private Plot plot;

	@Override
	public void run() {
		ParticleCatalog catalog = ParticleCatalog.czii();
		List<String> runList = CommandInputs.list(runs);
		Map<String, List<Particle>> truthByRun = new CopickPicksLoader(
				CopickProject.open(truth.toPath()), catalog)
				.load(CommandInputs.orNull(truth_user), CommandInputs.orNull(truth_session), runList);
		Path picksPath = picks.toPath();
		Map<String, List<Particle>> picksByRun;
		if (Files.isRegularFile(picksPath) && picksPath.getFileName().toString().toLowerCase().endsWith(".csv")) {
			picksByRun = new LinkedHashMap<>(CziiCsvReader.read(picksPath, catalog));
			if (!runList.isEmpty())
				picksByRun.keySet().retainAll(runList);
		} else {
			CopickProject project = CopickProject.open(picksPath);
			List<String> shared = truthByRun.keySet().stream().filter(project.runs()::contains).toList();
			picksByRun = shared.isEmpty() ? Map.of()
					: new CopickPicksLoader(project, catalog).load(CommandInputs.orNull(user),
							CommandInputs.orNull(session), shared);
		}
		ScoreReport report = new CziiScore(catalog).score(truthByRun, picksByRun);
		czii_score = report.weightedFBeta();
		if (json != null && !json.getPath().isBlank())
			org.tomopick.io.AtomicFiles.writeString(json.toPath(), report.toJson());
		results = ScoreDisplays.table(report);
		plot = ScoreDisplays.barPlot(report);
		if (show && CommandInputs.canShowWindows()) {
			results.show("TomoPick score");
			plot.show();
		}
	}
}
