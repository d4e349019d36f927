package org.tomopick.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tomopick.grid.Normalisation;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

class ParticleDescriptorTest {

	private static final ParticleCatalog CATALOG = ParticleCatalog.czii();

	/** A dark ball of radius {@code r} voxels at the centre of a noisy 48^3 volume (10 A voxels). */
	private static DenseVolume ball(double r) {
		int n = 48;
		float[] v = new float[n * n * n];
		Random random = new Random(5);
		for (int z = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					double d = Math.sqrt((x - 24) * (x - 24) + (y - 24) * (y - 24) + (z - 24) * (z - 24));
					v[(z * n + y) * n + x] = (float) ((d <= r ? -3 : 0) + 0.5 * random.nextGaussian());
				}
		return DenseVolume.ofFloats(new int[] { n, n, n }, v);
	}

	@Test
	void radialProfileShowsTheSizeOfAnObject() {
		ParticleDescriptor d = new ParticleDescriptor(CATALOG);
		BranchEvidence none = new BranchEvidence(CATALOG, List.of(), List.of());
		for (int radius : new int[] { 6, 12 }) {
			TomogramSampler t = TomogramSampler.unbinned(ball(radius), 10, Normalisation.ROBUST_Z);
			double[] f = d.describe(t, none, null, 240, 240, 240);
			List<String> names = d.names();
			double inside = f[names.indexOf("shell_mean_" + (radius - 2) * 10)];
			double outside = f[names.indexOf("shell_mean_" + (radius + 2) * 10)];
			assertTrue(inside < -3, "inside the ball of radius " + radius + ": " + inside);
			assertTrue(Math.abs(outside) < 0.5, "outside the ball of radius " + radius + ": " + outside);
			assertTrue(f[names.indexOf("shell_sd_" + (radius - 2) * 10)] < 1.5, "a ball is round");
		}
	}

	@Test
	void profileShapeIsTheSameAtAnyContrast() {
		ParticleDescriptor d = new ParticleDescriptor(CATALOG);
		BranchEvidence none = new BranchEvidence(CATALOG, List.of(), List.of());
		List<String> names = d.names();
		// the same ball at two contrasts on a noise-free grid: the shape features agree, the rms scales
		double[][] f = new double[2][];
		for (int k = 0; k < 2; k++) {
			int n = 48;
			float[] v = new float[n * n * n];
			for (int z = 0, i = 0; z < n; z++)
				for (int y = 0; y < n; y++)
					for (int x = 0; x < n; x++, i++)
						v[i] = Math.sqrt((x - 24) * (x - 24) + (y - 24) * (y - 24) + (z - 24) * (z - 24)) <= 8
								? -(k + 1) * 0.5f : 0;
			f[k] = d.describe(new TomogramSampler(new org.tomopick.grid.WorkingGrid(v, new int[] { n, n, n }, 1, 10,
					Normalisation.ROBUST_Z)), none, null, 240, 240, 240);
		}
		assertEquals(2 * f[0][names.indexOf("shell_rms")], f[1][names.indexOf("shell_rms")], 1e-9);
		for (int s = 0; s <= 200; s += 10)
			assertEquals(f[0][names.indexOf("shell_shape_" + s)], f[1][names.indexOf("shell_shape_" + s)], 1e-9);
		assertTrue(f[0][names.indexOf("shell_shape_40")] < -1, "inside the ball: " + f[0][names.indexOf("shell_shape_40")]);
	}

	@Test
	void branchEvidenceCountsOnlyCandidatesWithinReach() {
		ParticleClass ribosome = CATALOG.get("ribosome");
		double reach = BranchEvidence.reach(ribosome); // 75 A
		List<Particle> unet = List.of(new Particle(ribosome, 100 + reach - 1, 100, 100, 0.7, Provenance.UNET),
				new Particle(ribosome, 100, 100 + reach + 1, 100, 0.9, Provenance.UNET));
		List<Particle> yolo = List.of(new Particle(ribosome, 100, 100, 110, 0.4, Provenance.YOLO),
				new Particle(ribosome, 100, 100, 90, 0.6, Provenance.YOLO),
				new Particle(CATALOG.get("apo-ferritin"), 100, 100, 100, 0.8, Provenance.YOLO));
		ParticleDescriptor d = new ParticleDescriptor(CATALOG);
		double[] f = d.describe(TomogramSampler.unbinned(ball(3), 10, Normalisation.ROBUST_Z), new BranchEvidence(CATALOG, unet, yolo), null, 100,
				100, 100);
		List<String> names = d.names();
		assertEquals(0.7, f[names.indexOf("unet_best_ribosome")], 1e-12, "the 0.9 one is out of reach");
		assertEquals(0.6, f[names.indexOf("yolo_best_ribosome")], 1e-12);
		assertEquals(2, f[names.indexOf("yolo_count_ribosome")], 1e-12);
		assertEquals(0.8, f[names.indexOf("yolo_best_apo-ferritin")], 1e-12);
		assertEquals(0, f[names.indexOf("unet_best_apo-ferritin")], 1e-12);
		assertEquals(0, f[names.indexOf("unet_map_ribosome")], 0, "no maps: 0");
		assertEquals(d.size(), names.size());
	}
}
