package org.tomopick.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tomopick.eval.CziiScore;
import org.tomopick.eval.ScoreReport;
import org.tomopick.io.copick.CopickPicksWriter;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.PickingMode;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.pipeline.PickingResult;
import org.tomopick.sim.PhantomTemplates;
import org.tomopick.sim.RandomParticleLayout;
import org.tomopick.sim.SimulatedRunWriter;
import org.tomopick.sim.SimulatedTomogram;
import org.tomopick.sim.SimulationSettings;
import org.tomopick.sim.TomogramSimulator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tomopick demo}: the whole job on a built-in example that needs nothing but the repository: simulate a
 * tomogram with known particles (built-in phantom maps, random layout, fixed seed), pick it with the shipped models,
 * score the picks, and write the CoPick project, the picks and a PNG of the middle slice with truth and picks.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = { "Simulates a CZII-sized tomogram with known "
		+ "particles (built-in phantoms, seeded), picks it with the models in --models, scores the picks with the CZII "
		+ "metric and writes the CoPick project, the picks and OUT/demo-slice.png (truth: circles, picks: crosses)." })
final class DemoCommand implements Runnable {

	@Option(names = "--out", paramLabel = "DIR", description = "Where to write (default tomopick-demo).")
	Path out = Path.of("tomopick-demo");

	@Option(names = "--models", paramLabel = "DIR", description = "Models folder (default: ./models, else the shipped models beside the launcher).")
	Path models = org.tomopick.pipeline.DefaultModels.commandLine();

	@Option(names = "--mode", paramLabel = "MODE", description = "full (default), unet, yolo, no-dbscan or no-classifier.")
	String mode = "full";

	@Option(names = "--seed", paramLabel = "S", description = "Seed of the example (default 7).")
	long seed = 7;

	@Option(names = "--shape", split = ",", paramLabel = "Z,Y,X", description = "Shape (default 184,630,630).")
	int[] shape = { 184, 630, 630 };

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		if (shape.length != 3)
			throw new UserInputException("--shape needs three numbers Z,Y,X");
		PickingMode pickingMode = PickingMode.parse(mode);
		ParticleCatalog catalog = ParticleCatalog.czii();
		SimulationSettings settings = SimulationSettings.defaults().withShape(shape[0], shape[1], shape[2])
				.withSeed(seed).validate();
		PrintWriter stdout = spec.commandLine().getOut();
		String run = "demo_" + seed;
		try (PickingPipeline pipeline = PickingPipeline.load(models, pickingMode, null);
				ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
			long t0 = System.nanoTime();
			SimulatedTomogram sim = new TomogramSimulator(settings,
					PhantomTemplates.library(catalog, settings.voxelSizeAngstrom()))
					.simulate(RandomParticleLayout.uniformMix(catalog, 4000), progress);
			double simSeconds = (System.nanoTime() - t0) * 1e-9;
			SimulatedRunWriter writer = new SimulatedRunWriter(out, catalog, "wbp");
			writer.write(run, sim, true);
			PickingResult result = pipeline.pick(sim.tomogram(), sim.voxelSizeAngstrom(), progress);
			CopickPicksWriter.writeRun(writer.project(), run, "tomopick", "0", sim.voxelSizeAngstrom(),
					result.particles(), catalog);
			Path png = out.resolve("demo-slice.png");
			SlicePng.write(png, sim.tomogram(), sim.voxelSizeAngstrom(), shape[0] / 2, sim.truth(), result.particles());
			ScoreReport report = new CziiScore(catalog).score(Map.of(run, sim.truth()),
					Map.of(run, (List<Particle>) result.particles()));
			stdout.printf(Locale.ROOT, "simulated %s: %d particles (%.1f s); picked %d with mode %s in %.1f s%n", run,
					sim.truth().size(), simSeconds, result.particles().size(), pickingMode, result.totalSeconds());
			stdout.print(report.toTable());
			stdout.printf("CoPick project: %s (truth: curation/0, picks: tomopick/0)%nslice: %s%n", out, png);
			stdout.flush();
		}
	}
}
