package org.tomopick.sim;

import org.tomopick.progress.CancelledException;
import org.tomopick.progress.Progress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;

/**
 * The tomogram simulator: builds the Coulomb potential of a specimen (ice slab, target particles from a layout,
 * distractors, crowders), images it as a tilt series through a physical model (projection, CTF with dose-dependent
 * envelope, shot noise, phase flipping) and reconstructs it by weighted back-projection, so that the missing wedge,
 * its streaks and the coloured noise come from the process itself; optionally adds noise of another colour after
 * reconstruction ({@link ColouredNoise}). Deterministic from the settings' seed.
 *
 * <pre>
 * SimulatedTomogram result = new TomogramSimulator(SimulationSettings.defaults(),
 * 		PhantomTemplates.library(ParticleCatalog.czii(), SimulationSettings.CZII_VOXEL_SIZE))
 * 		.simulate(RandomParticleLayout.uniformMix(ParticleCatalog.czii(), 4000), Progress.NONE);
 * </pre>
 */
public final class TomogramSimulator {

	private final SimulationSettings settings;
	private final TemplateLibrary templates;

	public TomogramSimulator(SimulationSettings settings, TemplateLibrary templates) {
		this.settings = settings.validate();
		this.templates = templates;
	}

	public SimulatedTomogram simulate(ParticleLayout layout) {
		return simulate(layout, Progress.NONE);
	}

	/**
	 * Runs all stages: placement, projection, imaging, reconstruction.
	 *
	 * @throws CancelledException when the progress asks to cancel
	 * @throws IllegalArgumentException     when the layout has a class without a template
	 */
	public SimulatedTomogram simulate(ParticleLayout layout, Progress progress) {
		int[] size = settings.shape();
		long voxels = (long) size[0] * size[1] * size[2]; // at most one array's worth: SimulationSettings checks
		// the potential, the reconstruction and its working copies: about three float volumes at the peak (bench)
		org.tomopick.io.MemoryCheck.requireHeap(3 * 4 * voxels, "simulating a " + size[0] + "x" + size[1] + "x"
				+ size[2] + " tomogram");
		Map<String, Double> seconds = new LinkedHashMap<>();
		long t0 = System.nanoTime();
		SplittableRandom tomogramRandom = SeedStreams.stream(settings.seed(), SeedStreams.Purpose.TOMOGRAM, 0);
		MicroscopeSettings m = settings.microscope();
		double defocus = 1e4 * (m.defocusMinMicrometres()
				+ tomogramRandom.nextDouble() * (m.defocusMaxMicrometres() - m.defocusMinMicrometres()));
		IceSlab slab = IceSlab.random(settings, tomogramRandom);
		List<Particle> particles = layout.arrange(settings, slab,
				SeedStreams.stream(settings.seed(), SeedStreams.Purpose.LAYOUT, 0));
		SampleComposer composer = new SampleComposer(settings, templates, slab);
		composer.compose(particles);
		float[] volume = PotentialBuilder.build(settings, slab, composer.stamps(), progress);
		long t1 = System.nanoTime();
		seconds.put("placement", (t1 - t0) * 1e-9);

		TiltScheme scheme = new TiltScheme(settings.tilts());
		double[] angles = new double[scheme.size()];
		for (int t = 0; t < angles.length; t++)
			angles[t] = scheme.angleRadians(t);
		int[] shape = settings.shape();
		float[][] stack = TiltProjector.project(volume, shape, angles, settings.voxelSizeAngstrom(), progress);
		long t2 = System.nanoTime();
		seconds.put("projection", (t2 - t1) * 1e-9);

		new TiltImager(settings, scheme, defocus).image(stack, progress);
		long t3 = System.nanoTime();
		seconds.put("imaging", (t3 - t2) * 1e-9);

		WeightedBackProjector.filter(stack, settings.sizeY(), settings.sizeX(),
				settings.reconstruction().hammingTaper(), progress);
		WeightedBackProjector.backProject(stack, angles, Math.toRadians(settings.tilts().tiltStepDegrees()), volume,
				shape, progress);
		long t4 = System.nanoTime();
		seconds.put("reconstruction", (t4 - t3) * 1e-9);
		if (settings.reconstruction().addedNoiseLevel() > 0) {
			ColouredNoise.add(volume, shape, settings.reconstruction(), settings.seed(), progress);
			seconds.put("added noise", (System.nanoTime() - t4) * 1e-9);
		}
		scaleToStd(volume, settings.reconstruction().outputStd());
		t4 = System.nanoTime();
		seconds.put("total", (t4 - t0) * 1e-9);
		return new SimulatedTomogram(DenseVolume.ofFloats(shape, volume), settings.voxelSizeAngstrom(),
				composer.truth(), defocus, slab, composer.distractorCount(), composer.crowderCount(), seconds);
	}

	private static void scaleToStd(float[] volume, double std) {
		double sum = 0, sum2 = 0;
		for (float v : volume) {
			sum += v;
			sum2 += (double) v * v;
		}
		double mean = sum / volume.length;
		double variance = Math.max(0, sum2 / volume.length - mean * mean);
		if (!(variance > 0))
			return;
		float scale = (float) (std / Math.sqrt(variance));
		for (int i = 0; i < volume.length; i++)
			volume[i] *= scale;
	}

	public SimulationSettings settings() {
		return settings;
	}

	public TemplateLibrary templates() {
		return templates;
	}
}
