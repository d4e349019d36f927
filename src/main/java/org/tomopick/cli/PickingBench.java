package org.tomopick.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tomopick.eval.ClassScore;
import org.tomopick.eval.ScoreReport;
import org.tomopick.io.copick.CopickPicksLoader;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.PickingBenchmark;
import org.tomopick.pipeline.PickingMode;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.sim.DatasetSimulator;
import org.tomopick.sim.GivenParticleLayout;
import org.tomopick.sim.ImagingConditions;
import org.tomopick.sim.PhantomTemplates;
import org.tomopick.sim.RandomParticleLayout;
import org.tomopick.sim.SimulationSettings;
import org.tomopick.sim.TemplateFolder;
import org.tomopick.sim.TemplateLibrary;

/** The picking part of {@code bench}: accuracy per mode and class, time per stage, memory and scaling. */
final class PickingBench {

	/** Test tomograms use seeds from here on: never used for training (1000+) or validation (2000+) data. */
	static final long TEST_SEED = 9000;

	private final PrintWriter out;
	private final PrintWriter err;
	private final RobustnessBench robustness;
	private final Path memoryCheck;
	/** The heap a user's {@code pick} needs for a CZII-sized tomogram (the README's memory figure uses it). */
	static final String MEMORY_CHECK_HEAP = "3g";

	/**
	 * @param robustness  the robustness tables to print after the picking tables (null: none)
	 * @param memoryCheck scratch folder for the memory check of picking alone (null: no check)
	 */
	PickingBench(PrintWriter out, PrintWriter err, RobustnessBench robustness, Path memoryCheck) {
		this.out = out;
		this.err = err;
		this.robustness = robustness;
		this.memoryCheck = memoryCheck;
	}

	void run(Path models, String layoutSpec, Path templates, int count, int[] shape, boolean scaling) {
		if (!Files.isDirectory(models.resolve(PickingPipeline.UNET_FOLDER))
				|| !Files.isDirectory(models.resolve(PickingPipeline.YOLO_FOLDER))) {
			out.println("picking: skipped, no models in " + models + " (unet/ and yolo/)");
			out.flush();
			return;
		}
		ParticleCatalog catalog = ParticleCatalog.czii();
		SimulationSettings base = SimulationSettings.defaults().withShape(shape[0], shape[1], shape[2]);
		TemplateLibrary phantoms = PhantomTemplates.library(catalog, base.voxelSizeAngstrom());
		TemplateLibrary real = Files.isDirectory(templates)
				? TemplateFolder.load(templates, catalog, base.voxelSizeAngstrom()).library() : null;
		DatasetSimulator simulator = new DatasetSimulator(base, phantoms, real, ImagingConditions.narrow());
		DatasetSimulator.NamedLayout layout = layout(layoutSpec, catalog);
		PickingBenchmark.Result r;
		PickingBenchmark.peakResidentBytes();
		PeakHeap.reset();
		try (PickingPipeline pipeline = PickingPipeline.load(models, PickingMode.FULL, null);
				ConsoleProgress progress = new ConsoleProgress(err)) {
			r = new PickingBenchmark(pipeline, catalog).run(simulator, layout, count, TEST_SEED, scaling, progress);
		}
		double heapGb = PeakHeap.bytes() / 1e9;
		long rss = PickingBenchmark.peakResidentBytes();
		out.printf(Locale.ROOT, "Picking: %d test tomogram(s) %dx%dx%d from layout %s, seeds %d.., conditions drawn "
				+ "from dose 15-120 e/A^2, tilt +-40..65, real or phantom maps:%n", count, shape[0], shape[1], shape[2],
				layout.name(), TEST_SEED);
		for (int i = 0; i < r.tomograms().size(); i++)
			out.printf(Locale.ROOT, "  %s: full F4 %.3f%n", r.tomograms().get(i), r.fullScorePerTomogram().get(i));
		out.println();
		accuracy(out, r.scores(), catalog);
		timing(out, r.timings(), heapGb, rss);
		if (!r.scaling().isEmpty())
			scalingTable(out, r.scaling());
		out.flush();
		if (memoryCheck != null) {
			DatasetSimulator.Example first = simulator.simulateOne(layout, TEST_SEED);
			PickingMemory.Result m = PickingMemory.measure(models, first.tomogram().tomogram(),
					first.tomogram().voxelSizeAngstrom(), memoryCheck, MEMORY_CHECK_HEAP);
			out.println("| picking one tomogram alone (child JVM, -Xmx" + MEMORY_CHECK_HEAP + ", read + pick + write) "
					+ "| seconds | peak resident (GB) | exit |");
			out.println("|---|---|---|---|");
			out.printf(Locale.ROOT, "| %s %dx%dx%d | %.1f | %s | %d |%n", first.name(), shape[0], shape[1], shape[2],
					m.seconds(), m.peakResidentBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f",
							m.peakResidentBytes() / 1e9), m.exitCode());
			out.println();
			out.flush();
		}
		if (robustness != null)
			robustness.run(models, layout, catalog, base, phantoms, real, r.scores(), count);
	}

	static void accuracy(PrintWriter out, Map<PickingMode, ScoreReport> scores, ParticleCatalog catalog) {
		StringBuilder header = new StringBuilder("| CZII F4 | weight |");
		StringBuilder rule = new StringBuilder("|---|---|");
		for (PickingMode m : scores.keySet()) {
			header.append(' ').append(m).append(" |");
			rule.append("---|");
		}
		out.println(header);
		out.println(rule);
		for (var c : catalog.classes()) {
			StringBuilder row = new StringBuilder("| " + c.name() + " | " + (int) c.scoreWeight() + " |");
			for (ScoreReport s : scores.values()) {
				ClassScore cs = s.classes().get(c.name());
				row.append(cs == null ? " - |" : String.format(Locale.ROOT, " %.3f |", cs.fBeta()));
			}
			out.println(row);
		}
		StringBuilder total = new StringBuilder("| **weighted** | |");
		for (ScoreReport s : scores.values())
			total.append(String.format(Locale.ROOT, " **%.3f** |", s.weightedFBeta()));
		out.println(total);
		out.println();
	}

	private static void timing(PrintWriter out, List<PickingBenchmark.Timing> timings, double heapGb, long rss) {
		double unet = 0, yolo = 0, fusion = 0, voxels = 0;
		for (PickingBenchmark.Timing t : timings) {
			unet += t.unetSeconds();
			yolo += t.yoloSeconds();
			fusion += t.fusionSeconds();
			voxels += t.voxels();
		}
		int n = timings.size();
		double total = (unet + yolo + fusion) / n;
		out.println("| full pipeline, mean per tomogram | UNet3D (s) | YOLO (s) | fusion (s) | total (s) | voxels/s "
				+ "| peak heap (GB) | peak resident (GB) |");
		out.println("|---|---|---|---|---|---|---|---|");
		out.printf(Locale.ROOT, "| %d tomogram(s) | %.2f | %.2f | %.2f | %.2f | %.2e | %.2f | %s |%n", n, unet / n,
				yolo / n, fusion / n, total, voxels / n / total, heapGb, rss < 0 ? "n/a" : String.format(Locale.ROOT,
						"%.2f", rss / 1e9));
		out.println();
	}

	private static void scalingTable(PrintWriter out, List<PickingBenchmark.ScalingPoint> points) {
		out.println("| scaling: volume fraction | shape (z,y,x) | seconds | seconds / volume fraction |");
		out.println("|---|---|---|---|");
		for (PickingBenchmark.ScalingPoint p : points)
			out.printf(Locale.ROOT, "| %.3f | %dx%dx%d | %.2f | %.2f |%n", p.volumeFraction(), p.shape()[0],
					p.shape()[1], p.shape()[2], p.seconds(), p.seconds() / p.volumeFraction());
		out.println();
	}

	static DatasetSimulator.NamedLayout layout(String spec, ParticleCatalog catalog) {
		RootAndRuns parsed = RootAndRuns.parse(spec);
		String run = parsed.runs().size() == 1 ? parsed.runs().get(0) : null;
		if (run != null && Files.isDirectory(parsed.root().resolve("ExperimentRuns").resolve(run))) {
			List<Particle> picks = new CopickPicksLoader(new CopickProject(parsed.root()), catalog)
					.load(null, null, List.of(run)).get(run);
			return new DatasetSimulator.NamedLayout(run, new GivenParticleLayout(picks));
		}
		return new DatasetSimulator.NamedLayout("random", RandomParticleLayout.uniformMix(catalog, 4000));
	}
}
