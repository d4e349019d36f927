package org.tomopick.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tomopick.sim.ReconstructionSettings.LowPassShape;
import org.tomopick.sim.ReconstructionSettings.NoiseColour;

/** The wide draw of {@code simulate --vary}: ranges, determinism, and what a draw does to the settings. */
class DomainRandomisationTest {

	@Test
	void aHarsherDoseAndNoiseRangeIsDrawnFromAndNothingElseChanges() {
		ImagingConditions harsh = ImagingConditions.defaults().withDose(1.5, 15).withMaxAddedNoise(2).validate();
		SplittableRandom r = new SplittableRandom(5);
		double minDose = 1e9, maxDose = 0, maxNoise = 0;
		for (int i = 0; i < 2000; i++) {
			ImagingConditions.Draw d = harsh.draw(r);
			assertTrue(d.dose() >= 1.5 && d.dose() <= 15, "dose " + d.dose());
			assertTrue(d.noiseLevel() >= 0 && d.noiseLevel() <= 2, "added noise " + d.noiseLevel());
			minDose = Math.min(minDose, d.dose());
			maxDose = Math.max(maxDose, d.dose());
			maxNoise = Math.max(maxNoise, d.noiseLevel());
		}
		assertTrue(minDose < 1.7 && maxDose > 13, minDose + ".." + maxDose);
		assertTrue(maxNoise > 1.8, "largest added noise " + maxNoise);
		assertEquals(ImagingConditions.defaults().randomisation().withMaxAddedNoise(2), harsh.randomisation());
		assertEquals(ImagingConditions.defaults().minTiltMax(), harsh.minTiltMax());
	}

	@Test
	void wideDrawsStayInTheirRangesAndCoverThem() {
		ImagingConditions c = ImagingConditions.defaults().validate();
		SplittableRandom r = new SplittableRandom(3);
		int n = 3000, belowGeometricMean = 0, denoised = 0, contamination = 0;
		double minDose = 1e9, maxDose = 0, minDefocus = 1e9, maxDefocus = 0, minTilt = 1e9, maxTilt = 0;
		Set<Double> steps = new HashSet<>();
		Set<Integer> vesicles = new HashSet<>(), gold = new HashSet<>();
		Set<NoiseColour> colours = EnumSet.noneOf(NoiseColour.class);
		Set<LowPassShape> shapes = EnumSet.noneOf(LowPassShape.class);
		for (int i = 0; i < n; i++) {
			ImagingConditions.Draw d = c.draw(r);
			assertTrue(d.dose() >= 5 && d.dose() <= 120, "dose " + d.dose());
			belowGeometricMean += d.dose() < Math.sqrt(5 * 120) ? 1 : 0;
			minDose = Math.min(minDose, d.dose());
			maxDose = Math.max(maxDose, d.dose());
			assertTrue(d.tiltMax() >= 40 && d.tiltMax() <= 65, "tilt " + d.tiltMax());
			assertEquals(0, d.tiltMax() % d.tiltStep(), 1e-9, "whole steps: " + d);
			minTilt = Math.min(minTilt, d.tiltMax());
			maxTilt = Math.max(maxTilt, d.tiltMax());
			steps.add(d.tiltStep());
			assertTrue(d.defocusMicrometres() >= 1.5 && d.defocusMicrometres() <= 6, "defocus " + d);
			minDefocus = Math.min(minDefocus, d.defocusMicrometres());
			maxDefocus = Math.max(maxDefocus, d.defocusMicrometres());
			if (d.denoised()) {
				denoised++;
				assertTrue(d.lowPassAngstrom() >= 25 && d.lowPassAngstrom() <= 60, "low-pass " + d);
				shapes.add(d.lowPassShape());
			}
			assertTrue(d.noiseLevel() >= 0 && d.noiseLevel() <= 1.5, "noise " + d);
			colours.add(d.noiseColour());
			assertTrue(d.vesicles() >= 0 && d.vesicles() <= 6 && d.goldBeads() >= 0 && d.goldBeads() <= 10, "" + d);
			vesicles.add(d.vesicles());
			gold.add(d.goldBeads());
			contamination += d.contamination() ? 1 : 0;
		}
		assertTrue(minDose < 5.5 && maxDose > 110, minDose + ".." + maxDose);
		assertEquals(0.5, (double) belowGeometricMean / n, 0.04, "log-uniform dose: half below sqrt(5 * 120)");
		assertTrue(minTilt <= 42 && maxTilt >= 63, minTilt + ".." + maxTilt);
		assertEquals(Set.of(2.0, 3.0, 4.0), steps);
		assertTrue(minDefocus < 1.6 && maxDefocus > 5.9, minDefocus + ".." + maxDefocus);
		assertEquals(0.4, (double) denoised / n, 0.04);
		assertEquals(EnumSet.allOf(LowPassShape.class), shapes);
		assertEquals(EnumSet.allOf(NoiseColour.class), colours);
		assertEquals(7, vesicles.size());
		assertEquals(11, gold.size());
		assertEquals(0.2, (double) contamination / n, 0.03);
	}

	@Test
	void aDrawIsDeterministicForASeedAndIsAppliedToTheSettings() {
		ImagingConditions c = ImagingConditions.defaults();
		ImagingConditions.Draw a = c.draw(SeedStreams.stream(8, SeedStreams.Purpose.CONDITIONS, 0));
		ImagingConditions.Draw b = c.draw(SeedStreams.stream(8, SeedStreams.Purpose.CONDITIONS, 0));
		assertEquals(a, b);
		assertEquals(a.toString(), b.toString());
		assertFalse(a.equals(c.draw(SeedStreams.stream(9, SeedStreams.Purpose.CONDITIONS, 0))));

		ImagingConditions.Draw d = new ImagingConditions.Draw(8, 48, 4, 4.1, true, true, LowPassShape.COSINE, 40,
				NoiseColour.RAMP, 0.6, 3, 5, true, DomainRandomisation.defaults());
		SimulationSettings s = d.applyTo(SimulationSettings.defaults()).validate();
		assertEquals(8, s.tilts().totalDose(), 0);
		assertEquals(48, s.tilts().maxTiltDegrees(), 0);
		assertEquals(4, s.tilts().tiltStepDegrees(), 0);
		assertEquals(4.1, s.microscope().defocusMinMicrometres(), 0);
		assertEquals(4.1, s.microscope().defocusMaxMicrometres(), 0);
		assertTrue(s.reconstruction().denoised());
		assertEquals(LowPassShape.COSINE, s.reconstruction().lowPassShape());
		assertEquals(2 * SimulationSettings.CZII_VOXEL_SIZE / 40, s.reconstruction().denoiseCutoff(), 1e-12);
		assertEquals(NoiseColour.RAMP, s.reconstruction().addedNoiseColour());
		assertEquals(0.6, s.reconstruction().addedNoiseLevel(), 0);
		assertEquals(0.08, s.sample().instanceScaleJitter(), 0);
		assertEquals(0.25, s.sample().instanceAmplitudeJitter(), 0);
		assertEquals(12, s.sample().instanceBlurMaxAngstrom(), 0);
		assertEquals(0.15, s.sample().instanceCapProbability(), 0);
		assertEquals(3, s.clutter().vesicles());
		assertEquals(5, s.clutter().goldBeads());
		assertTrue(s.clutter().contamination());
		assertEquals("dose 8 e/A^2, tilt +-48 step 4, defocus 4.1 um, ramp noise 0.60, cosine low-pass 40 A, "
				+ "3 vesicles, 5 gold, contamination, real maps", d.toString());
	}

	@Test
	void plainSettingsAndTheNarrowDrawAddNothing() {
		SimulationSettings d = SimulationSettings.defaults();
		assertEquals(0, d.reconstruction().addedNoiseLevel(), 0);
		assertEquals(0, d.sample().instanceBlurMaxAngstrom(), 0);
		assertEquals(0, d.sample().instanceCapProbability(), 0);
		assertFalse(d.clutter().any());
		ImagingConditions.Draw n = ImagingConditions.narrow().draw(new SplittableRandom(1));
		SimulationSettings s = n.applyTo(d);
		assertEquals(d.microscope(), s.microscope());
		assertEquals(d.sample(), s.sample());
		assertEquals(d.clutter(), s.clutter());
		assertEquals(3, s.tilts().tiltStepDegrees(), 0);
		assertFalse(n.toString().contains("step"), n.toString());
	}

	@Test
	void aWideDrawSimulatesReproducibly() {
		ImagingConditions.Draw d = new ImagingConditions.Draw(10, 51, 3, 3, false, true, LowPassShape.GAUSSIAN, 30,
				NoiseColour.PINK, 1.0, 2, 4, true, DomainRandomisation.defaults());
		SimulationSettings s = d.applyTo(SimTestSupport.small(48, 96, 96, 60, 11));
		TemplateLibrary phantoms = PhantomTemplates.library(org.tomopick.model.ParticleCatalog.czii(), 10);
		ParticleLayout layout = RandomParticleLayout.uniformMix(org.tomopick.model.ParticleCatalog.czii(), 20000);
		SimulatedTomogram a = new TomogramSimulator(s, phantoms).simulate(layout);
		SimulatedTomogram b = new TomogramSimulator(s, phantoms).simulate(layout);
		assertArrayEquals((float[]) a.tomogram().data(), (float[]) b.tomogram().data());
		assertEquals(a.truth(), b.truth());
		assertTrue(a.stageSeconds().containsKey("added noise"));
	}
}
