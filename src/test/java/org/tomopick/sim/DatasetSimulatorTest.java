package org.tomopick.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.progress.Progress;

class DatasetSimulatorTest {

	@Test
	void narrowDrawsSpanTheConfiguredRanges() {
		ImagingConditions c = ImagingConditions.narrow();
		SplittableRandom r = new SplittableRandom(1);
		double minDose = 1e9, maxDose = 0;
		Set<Double> tilts = new HashSet<>();
		int real = 0, denoised = 0, n = 2000;
		for (int i = 0; i < n; i++) {
			ImagingConditions.Draw d = c.draw(r);
			minDose = Math.min(minDose, d.dose());
			maxDose = Math.max(maxDose, d.dose());
			tilts.add(d.tiltMax());
			assertEquals(0, d.tiltMax() % 3, 1e-9, "whole 3-degree steps");
			real += d.realTemplates() ? 1 : 0;
			denoised += d.denoised() ? 1 : 0;
		}
		assertTrue(minDose < 20 && maxDose > 110, minDose + ".." + maxDose);
		assertTrue(tilts.contains(39.0) || tilts.contains(42.0), "narrow wedges drawn: " + tilts);
		assertTrue(tilts.contains(63.0) || tilts.contains(66.0), "wide tilt ranges drawn: " + tilts);
		assertEquals(0.5, (double) real / n, 0.05);
		assertEquals(0.3, (double) denoised / n, 0.05);
		assertThrows(IllegalArgumentException.class, () -> new ImagingConditions(50, 10, 40, 60, 0, 0).validate());
	}

	@Test
	void aSetIsReproducibleAndItsTomogramsDiffer() {
		ParticleCatalog catalog = ParticleCatalog.czii();
		SimulationSettings base = SimulationSettings.defaults().withShape(24, 48, 48);
		TemplateLibrary phantoms = PhantomTemplates.library(catalog, base.voxelSizeAngstrom());
		DatasetSimulator sim = new DatasetSimulator(base, phantoms, null, ImagingConditions.defaults());
		List<DatasetSimulator.NamedLayout> layouts = List.of(
				new DatasetSimulator.NamedLayout("rand", RandomParticleLayout.uniformMix(catalog, 20000)));

		List<DatasetSimulator.Example> a = sim.simulate(layouts, 3, 10, Progress.NONE);
		List<DatasetSimulator.Example> b = sim.simulate(layouts, 3, 10, Progress.NONE);

		assertEquals(List.of("rand_s10", "rand_s11", "rand_s12"), a.stream().map(DatasetSimulator.Example::name).toList());
		for (int i = 0; i < 3; i++) {
			assertEquals(a.get(i).conditions(), b.get(i).conditions());
			assertArrayEquals(a.get(i).tomogram().tomogram().toFloatArray(), b.get(i).tomogram().tomogram().toFloatArray());
		}
		assertNotEquals(a.get(0).conditions(), a.get(1).conditions());
	}
}
