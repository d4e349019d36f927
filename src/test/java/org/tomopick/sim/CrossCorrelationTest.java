package org.tomopick.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/**
 * Template matching on a simulated tomogram (with noise, crowders and distractors) finds the apo-ferritins where
 * they were put: the cross-correlation with the (negated: protein is dark) template peaks within 2 voxels of every
 * true centre, well above the background.
 */
class CrossCorrelationTest {

	private static final int NZ = 64, NY = 96, NX = 96;

	@Test
	void phantomTemplatePeaksAtTruePositions() {
		ParticleCatalog catalog = ParticleCatalog.czii();
		TemplateLibrary library = PhantomTemplates.library(catalog, SimulationSettings.CZII_VOXEL_SIZE);
		checkPeaks(library, library.get("apo-ferritin").toVolume());
	}

	@Test
	void realApoFerritinTemplatePeaksAtTruePositions() throws IOException {
		Path mrc = SimTestSupport.TEMPLATES.resolve("8cpv.mrc");
		DenseVolume map = SimTestSupport.readMrc(mrc);
		ParticleCatalog catalog = ParticleCatalog.czii();
		TemplateLibrary library = PhantomTemplates.library(catalog, SimulationSettings.CZII_VOXEL_SIZE)
				.with("apo-ferritin", new DensityTemplate(map, 10.0));
		checkPeaks(library, map);
	}

	private static void checkPeaks(TemplateLibrary library, DenseVolume template) {
		ParticleClass apo = ParticleCatalog.czii().get("apo-ferritin");
		double vs = SimulationSettings.CZII_VOXEL_SIZE;
		List<Particle> truth = new ArrayList<>();
		int[][] grid = { { 20, 22, 30 }, { 50, 25, 28 }, { 75, 20, 36 }, { 22, 70, 34 }, { 48, 48, 30 },
				{ 74, 72, 26 }, { 30, 48, 40 }, { 70, 46, 22 } };
		for (int[] g : grid) // x, y, z in voxels, plus a sub-voxel offset
			truth.add(new Particle(apo, (g[0] + 0.3) * vs, (g[1] - 0.2) * vs, (g[2] + 0.4) * vs, 1, Provenance.IMPORTED));
		SimulationSettings s = SimTestSupport.small(NZ, NY, NX, 60, 5);
		SimulatedTomogram result = new TomogramSimulator(s, library).simulate(new GivenParticleLayout(truth));
		float[] volume = (float[]) result.tomogram().data();
		float[] negated = new float[volume.length];
		for (int i = 0; i < volume.length; i++)
			negated[i] = -volume[i];
		float[] cc = SimTestSupport.crossCorrelate(negated, new int[] { NZ, NY, NX }, template);

		// background: cc far (> 12 voxels) from every particle
		double sum = 0, sum2 = 0;
		int n = 0;
		for (int z = 0; z < NZ; z++)
			for (int y = 0; y < NY; y++)
				for (int x = 0; x < NX; x++) {
					if (nearest(truth, x, y, z, vs) < 12)
						continue;
					double v = cc[(z * NY + y) * NX + x];
					sum += v;
					sum2 += v * v;
					n++;
				}
		double mean = sum / n, std = Math.sqrt(sum2 / n - mean * mean);
		for (Particle p : truth) {
			double px = p.x() / vs, py = p.y() / vs, pz = p.z() / vs;
			int bx = 0, by = 0, bz = 0;
			double best = Double.NEGATIVE_INFINITY;
			for (int z = (int) pz - 5; z <= pz + 5; z++)
				for (int y = (int) py - 5; y <= py + 5; y++)
					for (int x = (int) px - 5; x <= px + 5; x++) {
						double v = cc[(z * NY + y) * NX + x];
						if (v > best) {
							best = v;
							bx = x;
							by = y;
							bz = z;
						}
					}
			double off = Math.sqrt((bx - px) * (bx - px) + (by - py) * (by - py) + (bz - pz) * (bz - pz));
			assertTrue(off <= 2, "cc peak of " + p + " is " + off + " voxels from the truth");
			assertTrue(best > mean + 4 * std, "cc peak of " + p + " is only " + (best - mean) / std
					+ " background std above the background mean");
		}
	}

	private static double nearest(List<Particle> truth, int x, int y, int z, double vs) {
		double best = Double.MAX_VALUE;
		for (Particle p : truth) {
			double dx = x - p.x() / vs, dy = y - p.y() / vs, dz = z - p.z() / vs;
			best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
		}
		return best;
	}
}
