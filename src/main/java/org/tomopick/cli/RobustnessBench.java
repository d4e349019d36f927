package org.tomopick.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.tomopick.eval.ClassScore;
import org.tomopick.eval.ScoreReport;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.pipeline.AnnotatedTomogram;
import org.tomopick.pipeline.CopickTomograms;
import org.tomopick.pipeline.PickingMode;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.pipeline.RobustnessBenchmark;
import org.tomopick.pipeline.RobustnessBenchmark.SetResult;
import org.tomopick.pipeline.RobustnessBenchmark.TestSet;
import org.tomopick.sim.DatasetSimulator;
import org.tomopick.sim.ImagingConditions;
import org.tomopick.sim.SimulationSettings;
import org.tomopick.sim.TemplateLibrary;

/**
 * The robustness part of {@code bench}: the same models, in the same run as the picking tables, on (a) the own test
 * set (already scored there), (b) tomograms of the test layout rendered by the independent simulator at its three
 * settings ({@link IndependentSimulator#SETTINGS}), {@code seeds} seeds each, and (c) a noise sweep of the own
 * simulator (fixed tilt +-60, doses from high to far below the training range's middle); weighted CZII F4 per set
 * and mode, F4 per class of the full picker, and the ratio independent / own.
 */
final class RobustnessBench {

	/** Seeds of the own simulator's noise sweep start here (the test range; training and validation use < 9000). */
	static final long SWEEP_SEED = 9100;
	static final double[] SWEEP_DOSES = { 100, 30, 10, 5 };

	private final PrintWriter out;
	private final PrintWriter err;
	private final IndependentSimulator independent;
	private final Path picksRoot;
	private final Path templates;
	private final int seeds;

	RobustnessBench(PrintWriter out, PrintWriter err, IndependentSimulator independent, Path picksRoot,
			Path templates, int seeds) {
		this.out = out;
		this.err = err;
		this.independent = independent;
		this.picksRoot = picksRoot;
		this.templates = templates;
		this.seeds = seeds;
	}

	void run(Path models, DatasetSimulator.NamedLayout layout, ParticleCatalog catalog, SimulationSettings base,
			TemplateLibrary phantoms, TemplateLibrary real, Map<PickingMode, ScoreReport> own, int ownCount) {
		List<TestSet> external = new ArrayList<>();
		String why = independent.unavailableBecause();
		if (why == null && "random".equals(layout.name()))
			why = "the test layout is random (give --layouts ROOT:RUN of a CoPick run)";
		for (IndependentSimulator.Setting s : why == null ? IndependentSimulator.SETTINGS
				: List.<IndependentSimulator.Setting>of()) {
			List<Supplier<AnnotatedTomogram>> tomograms = new ArrayList<>();
			for (int seed = 1; seed <= seeds; seed++) {
				int sd = seed;
				tomograms.add(() -> {
					Path project = independent.project(picksRoot, layout.name(), templates, s, sd);
					return new CopickTomograms(project, null).read(layout.name(), catalog, "curation", null, 0);
				});
			}
			external.add(new TestSet("independent: " + s, tomograms));
		}
		List<TestSet> sweep = new ArrayList<>();
		for (int i = 0; i < SWEEP_DOSES.length; i++) {
			double dose = SWEEP_DOSES[i];
			long seed = SWEEP_SEED + i;
			DatasetSimulator sim = new DatasetSimulator(base, phantoms, real,
					ImagingConditions.fixed(dose, 60, real != null, false));
			sweep.add(new TestSet(String.format(Locale.ROOT, "own: dose %.0f e/A^2, tilt +-60%s", dose,
					real != null ? ", real maps" : ", phantoms"), List.of(() -> {
						DatasetSimulator.Example ex = sim.simulateOne(layout, seed);
						return new AnnotatedTomogram(ex.name(), ex.tomogram().tomogram(),
								ex.tomogram().voxelSizeAngstrom(), ex.tomogram().truth());
					})));
		}
		List<SetResult> results = new ArrayList<>();
		results.add(new SetResult("own test set (above)", ownCount, own, Double.NaN));
		try (PickingPipeline pipeline = PickingPipeline.load(models, PickingMode.FULL, null);
				ConsoleProgress progress = new ConsoleProgress(err)) {
			RobustnessBenchmark bench = new RobustnessBenchmark(pipeline, catalog);
			List<TestSet> all = new ArrayList<>(external);
			all.addAll(sweep);
			for (TestSet s : all)
				results.add(bench.run(s, progress));
		}
		print(results, external.size(), why, catalog);
	}

	private void print(List<SetResult> results, int externalSets, String why, ParticleCatalog catalog) {
		out.printf(Locale.ROOT, "Robustness (same models, same run): weighted CZII F4 per test set; independent = "
				+ "tomograms of layout's run rendered by ../shared/tools/twin_sim.py, %d seed(s) per setting, never "
				+ "trained or tuned on%n", seeds);
		if (why != null)
			out.println("  independent simulator: skipped, " + why);
		out.println();
		StringBuilder header = new StringBuilder("| test set | tomograms |");
		StringBuilder rule = new StringBuilder("|---|---|");
		for (PickingMode m : PickingMode.values()) {
			header.append(' ').append(m).append(" |");
			rule.append("---|");
		}
		header.append(" full / own full | full s per tomogram |");
		rule.append("---|---|");
		out.println(header);
		out.println(rule);
		double ownFull = results.get(0).scores().get(PickingMode.FULL).weightedFBeta();
		for (SetResult r : results) {
			StringBuilder row = new StringBuilder("| " + r.name() + " | " + r.tomograms() + " |");
			for (PickingMode m : PickingMode.values()) {
				ScoreReport s = r.scores().get(m);
				row.append(s == null ? " - |" : String.format(Locale.ROOT, " %.3f |", s.weightedFBeta()));
			}
			row.append(String.format(Locale.ROOT, " %.2f | %s |", r.scores().get(PickingMode.FULL).weightedFBeta()
					/ ownFull, Double.isNaN(r.fullSeconds()) ? "-" : String.format(Locale.ROOT, "%.1f", r.fullSeconds())));
			out.println(row);
		}
		if (externalSets > 0) {
			double sum = 0;
			for (int i = 1; i <= externalSets; i++)
				sum += results.get(i).scores().get(PickingMode.FULL).weightedFBeta();
			out.printf(Locale.ROOT, "| **independent mean / own (full)** | | **%.3f / %.3f = %.2f** | | | | | | |%n",
					sum / externalSets, ownFull, sum / externalSets / ownFull);
		}
		out.println();
		Map<String, ParticleClass> classes = new LinkedHashMap<>();
		catalog.classes().forEach(c -> classes.put(c.name(), c));
		StringBuilder h = new StringBuilder("| full: F4 per class | ");
		StringBuilder ru = new StringBuilder("|---|");
		for (ParticleClass c : catalog.classes()) {
			h.append(c.name()).append(" (").append((int) c.scoreWeight()).append(") | ");
			ru.append("---|");
		}
		out.println(h.toString().strip());
		out.println(ru);
		for (SetResult r : results) {
			StringBuilder row = new StringBuilder("| " + r.name() + " |");
			for (ParticleClass c : catalog.classes()) {
				ClassScore cs = r.scores().get(PickingMode.FULL).classes().get(c.name());
				row.append(cs == null ? " - |" : String.format(Locale.ROOT, " %.3f (%d/%d) |", cs.fBeta(), cs.tp(),
						cs.tp() + cs.fn()));
			}
			out.println(row);
		}
		out.println();
		out.flush();
	}
}
