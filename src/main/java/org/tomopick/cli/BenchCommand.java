package org.tomopick.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import java.util.Map;

import org.tomopick.io.zarr.ZarrReadBenchmark;
import org.tomopick.sim.SimulatedTomogram;
import org.tomopick.sim.SimulationBenchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tomopick bench}: the project's benchmark table. Timings live here, never in unit tests: the machines are
 * shared and noisy, so each number is the best of several repeats and comparisons are made within one run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = { "Prints the benchmark tables: whole-volume "
		+ "read speed of a 184x630x630 float32 blosc-lz4 OME-Zarr tomogram (decoded MB/s next to the size on disk), "
		+ "and seconds per stage to simulate one 184x630x630 tomogram.",
		"--quick uses a volume 1/8 the size and fewer repeats." })
final class BenchCommand implements Runnable {

	static final int[] FULL_TOMOGRAM = { 184, 630, 630 };
	static final int[] EIGHTH_TOMOGRAM = { 92, 315, 315 };

	@Option(names = "--quick", description = "Small volume, fewer repeats (a smoke run, not for reporting).")
	boolean quick;

	@Option(names = "--repeats", paramLabel = "N", description = "Timed repeats per measurement (default 5; 2 with "
			+ "--quick); the best is reported.")
	Integer repeats;

	@Option(names = "--scratch", paramLabel = "DIR", description = "Where to write the temporary data (default: the "
			+ "system temporary folder).")
	Path scratch;

	@Option(names = "--models", paramLabel = "DIR", description = "Models for the picking benchmark (default: ./models, else the shipped ones).")
	Path models = org.tomopick.pipeline.DefaultModels.commandLine();

	@Option(names = "--tomograms", paramLabel = "N", description = "Test tomograms for the picking benchmark "
			+ "(default 6; 1 with --quick).")
	Integer tomograms;

	@Option(names = "--layouts", paramLabel = "ROOT:RUN", description = "CoPick picks whose run gives the test layout "
			+ "(default ../shared/data/czii-picks:TS_73_6, a run used neither for training nor validation; a random "
			+ "layout when absent).")
	String layouts = "../shared/data/czii-picks:TS_73_6";

	@Option(names = "--templates", paramLabel = "DIR", description = "Real density maps, drawn for about half of the test "
			+ "tomograms (default ../shared/data/templates; phantoms only when absent).")
	Path templates = Path.of("../shared/data/templates");

	@Option(names = "--skip-io", description = "Leave out the read and simulation tables.")
	boolean skipIo;

	@Option(names = "--independent-sim", paramLabel = "SCRIPT", description = "The independent simulator for the "
			+ "robustness table (default ../shared/tools/twin_sim.py; its tomograms are cached under --scratch).")
	Path independentSim = Path.of("../shared/tools/twin_sim.py");

	@Option(names = "--independent-seeds", paramLabel = "N", description = "Tomograms per setting of the independent "
			+ "simulator (default 2; 1 with --quick).")
	Integer independentSeeds;

	@Option(names = "--skip-robustness", description = "Leave out the robustness table (independent simulator and "
			+ "noise sweep).")
	boolean skipRobustness;

	@Option(names = "--adapt", description = "Instead of the tables above: adapt the models to one tomogram of the "
			+ "independent simulator (layout --adapt-layout) at its high-noise and variability settings, and score "
			+ "the shipped and the adapted models on its tomograms of the test layout (long: --adapt-minutes each).")
	boolean adapt;

	@Option(names = "--adapt-minutes", paramLabel = "M", description = "Time budget of each adaptation (default 30).")
	double adaptMinutes = 30;

	@Option(names = "--adapt-layout", paramLabel = "RUN", description = "Layout (run of --layouts' root) of the "
			+ "tomogram adapted on (default TS_6_6; the test layout is --layouts' run).")
	String adaptLayout = "TS_6_6";

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		int[] shape = quick ? EIGHTH_TOMOGRAM : FULL_TOMOGRAM;
		int n = repeats != null ? repeats : quick ? 2 : 5;
		if (n < 1)
			throw new UserInputException("--repeats must be >= 1, was " + n);
		Path dir = scratchDir();
		PrintWriter out = spec.commandLine().getOut();
		out.printf(Locale.ROOT, "TomoPick benchmark (%d cores available to the JVM, max heap %.1f GB)%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9);
		out.println();
		if (adapt) {
			int seeds = independentSeeds != null ? independentSeeds : quick ? 1 : 2;
			RootAndRuns layout = RootAndRuns.parse(layouts);
			if (layout.runs().size() != 1)
				throw new UserInputException("--adapt needs --layouts ROOT:RUN with one test run");
			new AdaptBench(out, spec.commandLine().getErr(), new IndependentSimulator(independentSim,
					dir.resolve("tomopick-independent")), layout.root(), templates, dir).run(models, adaptLayout,
							layout.runs().get(0), seeds, adaptMinutes);
			return;
		}
		if (!skipIo)
			ioAndSimulation(out, shape, n, dir);
		RobustnessBench robustness = null;
		if (!skipRobustness) {
			int seeds = independentSeeds != null ? independentSeeds : quick ? 1 : 2;
			if (seeds < 1)
				throw new UserInputException("--independent-seeds must be >= 1, was " + seeds);
			robustness = new RobustnessBench(out, spec.commandLine().getErr(), new IndependentSimulator(
					independentSim, dir.resolve("tomopick-independent")), RootAndRuns.parse(layouts).root(), templates,
					seeds);
		}
		new PickingBench(out, spec.commandLine().getErr(), robustness, quick ? null : dir).run(models, layouts, templates,
				tomograms != null ? tomograms : quick ? 1 : 6, quick ? EIGHTH_TOMOGRAM : FULL_TOMOGRAM, !quick);
	}

	private void ioAndSimulation(PrintWriter out, int[] shape, int n, Path dir) {
		out.println("| stage | volume (z,y,x) | on disk (MB) | decoded (MB) | best of " + n + " (s) | MB/s |");
		out.println("|---|---|---|---|---|---|");
		out.flush();
		ZarrReadBenchmark.Result r = ZarrReadBenchmark.run(shape, n, dir);
		out.printf(Locale.ROOT, "| OME-Zarr read, float32 blosc-lz4, whole volume | %dx%dx%d | %.1f | %.1f | %.3f | %.0f |%n",
				shape[0], shape[1], shape[2], r.bytesOnDisk() / 1e6, r.decodedMB(), r.bestSeconds(),
				r.megabytesPerSecond());
		out.println();
		out.flush();
		simulation(out, shape);
	}

	/** One simulated tomogram (phantom templates, random layout, 41 tilts): seconds per stage. */
	private static void simulation(PrintWriter out, int[] shape) {
		SimulationBenchmark.run(new int[] { 32, 64, 64 }, 0); // warm-up: JIT and the FFT plans
		System.gc();
		PeakHeap.reset();
		SimulatedTomogram sim = SimulationBenchmark.run(shape, 1);
		double peakGb = PeakHeap.bytes() / 1e9;
		double volumeGb = 4.0 * shape[0] * shape[1] * shape[2] / 1e9;
		StringBuilder header = new StringBuilder("| simulate " + shape[0] + "x" + shape[1] + "x" + shape[2]
				+ " (" + sim.truth().size() + " particles, 41 tilts) |");
		StringBuilder rule = new StringBuilder("|---|");
		StringBuilder row = new StringBuilder("| seconds |");
		for (Map.Entry<String, Double> e : sim.stageSeconds().entrySet()) {
			header.append(' ').append(e.getKey()).append(" |");
			rule.append("---|");
			row.append(String.format(Locale.ROOT, " %.2f |", e.getValue()));
		}
		header.append(" peak heap (GB) | volume (GB) |");
		rule.append("---|---|");
		row.append(String.format(Locale.ROOT, " %.2f | %.2f |", peakGb, volumeGb));
		out.println(header);
		out.println(rule);
		out.println(row);
		out.println();
		out.flush();
	}

	private Path scratchDir() {
		Path dir = scratch != null ? scratch : Path.of(System.getProperty("java.io.tmpdir"));
		try {
			Files.createDirectories(dir);
		} catch (IOException e) {
			throw new UserInputException("--scratch " + dir + ": cannot create: " + e.getMessage());
		}
		return dir;
	}
}
