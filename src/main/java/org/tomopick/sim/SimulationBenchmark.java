package org.tomopick.sim;

import java.util.Map;

import org.tomopick.model.ParticleCatalog;

/**
 * Times one full-size simulation (the default 184 x 630 x 630 CZII-like tomogram with about 250 phantom particles at 5000 per um^3 of ice)
 * and prints the seconds per stage. Run with {@code java -Xmx2g -cp ... org.tomopick.sim.SimulationBenchmark [seed]}.
 */
public final class SimulationBenchmark {

	private SimulationBenchmark() {
	}

	/** Runs the benchmark simulation and returns it (its stage timings are in {@code stageSeconds()}). */
	public static SimulatedTomogram run(long seed) {
		return run(SimulationSettings.defaults().shape(), seed);
	}

	/** The same with another shape (z, y, x); the particle number density stays the same. */
	public static SimulatedTomogram run(int[] shapeZyx, long seed) {
		SimulationSettings settings = SimulationSettings.defaults().withShape(shapeZyx[0], shapeZyx[1], shapeZyx[2])
				.withSeed(seed);
		ParticleCatalog catalog = ParticleCatalog.czii();
		TemplateLibrary templates = PhantomTemplates.library(catalog, settings.voxelSizeAngstrom());
		return new TomogramSimulator(settings, templates).simulate(RandomParticleLayout.uniformMix(catalog, 5000));
	}

	public static void main(String[] args) {
		long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
		SimulatedTomogram result = run(seed);
		System.out.printf("simulated %d particles, %d distractors, %d crowders, defocus %.2f um%n",
				result.truth().size(), result.distractorCount(), result.crowderCount(), result.defocusAngstrom() / 1e4);
		for (Map.Entry<String, Double> e : result.stageSeconds().entrySet())
			System.out.printf("%-15s %7.2f s%n", e.getKey(), e.getValue());
		// JTransforms keeps idle non-daemon pool threads alive for a minute; do not wait for them
		System.exit(0);
	}
}
