package org.tomopick.yolo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;
import org.tomopick.nn.DjlRuntime;
import org.tomopick.progress.Progress;
import org.tomopick.sim.GivenParticleLayout;
import org.tomopick.sim.PhantomTemplates;
import org.tomopick.sim.SimulatedTomogram;
import org.tomopick.sim.SimulationSettings;
import org.tomopick.sim.TomogramSimulator;

/** A tiny model overfits a tiny simulated tomogram: the loss falls and the branch finds the particles. */
class YoloOverfitTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();

	static SimulatedTomogram tinyTomogram() {
		SimulationSettings d = SimulationSettings.defaults();
		SimulationSettings s = d.withShape(32, 96, 96).withVoxelSize(10).withSeed(11)
				.withMicroscope(d.microscope().withShotNoise(false));
		List<Particle> layout = List.of(
				new Particle(CZII.get("ribosome"), 300, 320, 160, 1, Provenance.SIMULATED),
				new Particle(CZII.get("apo-ferritin"), 700, 250, 150, 1, Provenance.SIMULATED),
				new Particle(CZII.get("apo-ferritin"), 650, 700, 170, 1, Provenance.SIMULATED));
		return new TomogramSimulator(s, PhantomTemplates.library(CZII, 10)).simulate(new GivenParticleLayout(layout));
	}

	@Test
	void tinyModelOverfitsAFewSlices() {
		DjlRuntime.configure(2);
		SimulatedTomogram tomo = tinyTomogram();
		YoloExample example = new YoloExample("tiny", tomo.tomogram(), tomo.voxelSizeAngstrom(), tomo.truth());
		YoloSettings settings = YoloSettings.defaults().withArchitecture(new YoloArchitecture(6, 1, 0, 6))
				.withWorkingVoxel(10)
				.withTraining(YoloTrainingSettings.defaults().withSchedule(10, 20, 4).withCropSize(96)
						.withLearningRate(3e-3).withAugmentation(YoloAugmentation.none()).withBackgroundSliceFraction(0.0));
		List<YoloEpochReport> reports = new ArrayList<>();
		YoloTrainingResult result = new YoloTrainer(settings, CZII).onEpoch(reports::add)
				.train(List.of(example), List.of(example), Progress.NONE);
		YoloEpochReport first = reports.get(0), last = reports.get(reports.size() - 1);
		assertTrue(last.loss() < 0.3 * first.loss(), "loss " + first.loss() + " -> " + last.loss());
		try (YoloModel model = result.best()) {
			List<Particle> picks = new SlicewiseYoloDetector(model).pick(tomo.tomogram(), 10, Progress.NONE);
			for (Particle t : tomo.truth()) {
				double nearest = picks.stream().filter(p -> p.type().equals(t.type())).mapToDouble(p -> p.distanceTo(t))
						.min().orElse(Double.POSITIVE_INFINITY);
				// the CZII criterion: a pick of the same class within half the particle radius
				assertTrue(nearest <= 0.5 * t.type().radiusAngstrom(), t + ": nearest pick " + nearest + " A; " + picks);
			}
			assertTrue(result.bestScore() > 0.2, "validation score " + result.bestScore());
		}
	}
}
