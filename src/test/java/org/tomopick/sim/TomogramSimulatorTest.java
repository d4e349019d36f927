package org.tomopick.sim;

import org.tomopick.progress.CancelledException;
import org.tomopick.progress.Progress;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.io.DataType;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/** Whole-pipeline behaviour: determinism, contrast sign and scale, truth output, cancellation, bad input. */
class TomogramSimulatorTest {

	private static final ParticleCatalog CATALOG = ParticleCatalog.czii();

	private static SimulatedTomogram simulate(SimulationSettings s) {
		return new TomogramSimulator(s, PhantomTemplates.library(CATALOG, s.voxelSizeAngstrom()))
				.simulate(RandomParticleLayout.uniformMix(CATALOG, 20000));
	}

	@Test
	void sameSeedIsBitwiseIdenticalAndOtherSeedsDiffer() {
		SimulationSettings s = SimTestSupport.small(32, 48, 40, 60, 42);
		SimulatedTomogram a = simulate(s), b = simulate(s), c = simulate(s.withSeed(43));
		float[] va = (float[]) a.tomogram().data(), vb = (float[]) b.tomogram().data(), vc = (float[]) c.tomogram().data();
		assertArrayEquals(va, vb);
		assertEquals(a.truth(), b.truth());
		assertFalse(Arrays.equals(va, vc));
		assertFalse(a.truth().equals(c.truth()));
	}

	@Test
	void proteinIsDarkAndValuesAreAboutOneTenThousandth() {
		ParticleClass gal = CATALOG.get("beta-galactosidase");
		double vs = SimulationSettings.CZII_VOXEL_SIZE;
		List<Particle> truth = new ArrayList<>();
		for (int i = 0; i < 6; i++)
			truth.add(new Particle(gal, (18 + 30 * (i % 3)) * vs, (20 + 40 * (i / 3)) * vs, (20 + 4 * i) * vs, 1,
					Provenance.IMPORTED));
		SimulationSettings s = SimTestSupport.small(64, 80, 96, 60, 3);
		SimulatedTomogram result = new TomogramSimulator(s, PhantomTemplates.library(CATALOG, vs))
				.simulate(new GivenParticleLayout(truth));
		assertEquals(DataType.FLOAT32, result.tomogram().dataType());
		assertArrayEquals(new int[] { 64, 80, 96 }, result.tomogram().shape());
		float[] v = (float[]) result.tomogram().data();
		double sum = 0, sum2 = 0, max = 0;
		for (float f : v) {
			sum += f;
			sum2 += (double) f * f;
			max = Math.max(max, Math.abs(f));
		}
		double mean = sum / v.length, std = Math.sqrt(sum2 / v.length - mean * mean);
		assertEquals(1e-4, std, 1e-7, "standard deviation of the tomogram");
		assertTrue(max > 2e-4 && max < 5e-3, "largest |value| " + max);
		double inside = 0;
		int n = 0;
		for (Particle p : truth)
			for (int dz = -3; dz <= 3; dz++)
				for (int dy = -3; dy <= 3; dy++)
					for (int dx = -3; dx <= 3; dx++)
						if (dx * dx + dy * dy + dz * dz <= 9) {
							inside += result.tomogram().getDouble((int) Math.round(p.z() / vs) + dz,
									(int) Math.round(p.y() / vs) + dy, (int) Math.round(p.x() / vs) + dx);
							n++;
						}
		inside /= n;
		assertTrue(inside < mean - 0.5 * std, "protein mean " + inside + " is not dark against mean " + mean
				+ " (std " + std + ")");
	}

	@Test
	void truthCarriesRotationsAndProvenance() {
		SimulatedTomogram t = simulate(SimTestSupport.small(32, 64, 64, 60, 7));
		assertFalse(t.truth().isEmpty());
		for (Particle p : t.truth()) {
			assertEquals(Provenance.SIMULATED, p.provenance());
			double[] m = p.transformation();
			double det = m[0] * (m[5] * m[10] - m[6] * m[9]) - m[1] * (m[4] * m[10] - m[6] * m[8])
					+ m[2] * (m[4] * m[9] - m[5] * m[8]);
			assertEquals(1, det, 1e-9, "rotation determinant of " + p);
			assertEquals(1, m[15], 0);
		}
		assertTrue(t.defocusAngstrom() >= 2e4 && t.defocusAngstrom() <= 5e4, "defocus " + t.defocusAngstrom());
	}

	@Test
	void cancellingStopsWithAClearException() {
		SimulationSettings s = SimTestSupport.small(32, 64, 64, 60, 1);
		Progress cancelAtProjection = new Progress() {
			private boolean projecting;

			@Override
			public void report(String stage, double fraction) {
				projecting |= stage.equals("projection");
			}

			@Override
			public boolean isCancelled() {
				return projecting;
			}
		};
		CancelledException e = assertThrows(CancelledException.class,
				() -> new TomogramSimulator(s, PhantomTemplates.library(CATALOG, 10))
						.simulate(RandomParticleLayout.uniformMix(CATALOG, 1000), cancelAtProjection));
		assertEquals("projection", e.stage());
		assertTrue(e.getMessage().contains("cancelled"));
	}

	@Test
	void classWithoutTemplateIsRejectedByName() {
		SimulationSettings s = SimTestSupport.small(32, 32, 32, 60, 1);
		ParticleClass unknown = new ParticleClass("mystery", 9, CATALOG.classes().get(0).color(), 50, 1, "");
		TemplateLibrary library = PhantomTemplates.library(CATALOG, 10);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> new TomogramSimulator(s, library).simulate(new GivenParticleLayout(
						List.of(new Particle(unknown, 100, 100, 100, 1, Provenance.IMPORTED)))));
		assertTrue(e.getMessage().contains("mystery"), e.getMessage());
	}
}
