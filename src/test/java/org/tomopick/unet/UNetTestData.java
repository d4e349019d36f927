package org.tomopick.unet;

import java.util.ArrayList;
import java.util.List;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;
import org.tomopick.nn.DjlRuntime;
import org.tomopick.sim.GivenParticleLayout;
import org.tomopick.sim.PhantomTemplates;
import org.tomopick.sim.SimulatedTomogram;
import org.tomopick.sim.SimulationSettings;
import org.tomopick.sim.TomogramSimulator;

/** Tiny simulated tomograms and settings for the UNet tests. */
final class UNetTestData {

	static {
		DjlRuntime.configure(2);
	}

	static final double VOXEL = 20;

	private UNetTestData() {
	}

	/** Ribosome and apo-ferritin, from the CZII catalog. */
	static ParticleCatalog twoClasses() {
		ParticleCatalog czii = ParticleCatalog.czii();
		return new ParticleCatalog(List.of(czii.get("ribosome"), czii.get("apo-ferritin")));
	}

	/**
	 * A 32 x 64 x 64 tomogram of 20 A voxels (640 x 1280 x 1280 A) with ribosomes and apo-ferritins on a grid in a
	 * thin ice slab, no distractors.
	 */
	static SimulatedTomogram tinyTomogram(long seed) {
		ParticleCatalog classes = twoClasses();
		List<Particle> placed = new ArrayList<>();
		double z = 320;
		int i = 0;
		for (double y = 200; y <= 1100; y += 300)
			for (double x = 200; x <= 1100; x += 300, i++)
				placed.add(new Particle(classes.classes().get(i % 2), x + (i % 3) * 20, y, z + ((i % 4) - 1.5) * 30,
						1, Provenance.SIMULATED));
		SimulationSettings d = SimulationSettings.defaults();
		SimulationSettings s = d.withShape(32, 64, 64).withVoxelSize(VOXEL).withSeed(seed)
				.withTilts(d.tilts().withRange(60, 3))
				.withSample(d.sample().withContext(0, 0).withIceThickness(500, 560));
		return new TomogramSimulator(s, PhantomTemplates.library(classes, VOXEL)).simulate(new GivenParticleLayout(placed));
	}

	/** Settings for a tiny network that trains in seconds. */
	static UNetSettings tinySettings(int epochs, int steps) {
		UNetSettings d = UNetSettings.defaults().withClasses(twoClasses()).withVoxelSize(VOXEL);
		return d.withArchitecture(new UNetArchitecture(8, 2, 2, 2))
				.withTraining(d.training().withEpochs(epochs).withSteps(steps, 32, 2).withOptimizer(3e-3, 0.01, true)
						.withIntervals(epochs, epochs))
				.withTiling(d.tiling().withWindow(32, 64, 64));
	}
}
