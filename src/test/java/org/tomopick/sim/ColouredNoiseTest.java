package org.tomopick.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tomopick.progress.Progress;
import org.tomopick.sim.ReconstructionSettings.LowPassShape;
import org.tomopick.sim.ReconstructionSettings.NoiseColour;

/** Noise added after reconstruction: its level, its colour (spectrum shape) and the low-pass applied to it. */
class ColouredNoiseTest {

	private static final int[] SHAPE = { 48, 96, 96 };

	/** A unit-std white volume plus noise of the given kind at 50 times its std (the noise dominates). */
	private static float[] noisy(NoiseColour colour, boolean lowPass, long seed) {
		SplittableRandom r = new SplittableRandom(1);
		float[] v = new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) r.nextGaussian();
		ReconstructionSettings s = ReconstructionSettings.defaults().withAddedNoise(colour, 50);
		if (lowPass)
			s = s.withLowPass(LowPassShape.GAUSSIAN, 0.4);
		ColouredNoise.add(v, SHAPE, s.validate(), seed, Progress.NONE);
		return v;
	}

	/** Mean power per Fourier mode in the radial band [lo, hi) cycles/voxel. */
	private static double bandPower(float[] v, double lo, double hi) {
		int nz = SHAPE[0], ny = SHAPE[1], nx = SHAPE[2];
		float[] c = SimTestSupport.spectrum(v, nz, ny, nx);
		double sum = 0;
		int n = 0;
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) {
					double fz = SimTestSupport.freq(z, nz), fy = SimTestSupport.freq(y, ny),
							fx = SimTestSupport.freq(x, nx);
					double f = Math.sqrt(fz * fz + fy * fy + fx * fx);
					if (f >= lo && f < hi) {
						sum += (double) c[2 * i] * c[2 * i] + (double) c[2 * i + 1] * c[2 * i + 1];
						n++;
					}
				}
		return sum / n;
	}

	private static double std(float[] v) {
		double s = 0, s2 = 0;
		for (float f : v) {
			s += f;
			s2 += (double) f * f;
		}
		return Math.sqrt(s2 / v.length - (s / v.length) * (s / v.length));
	}

	@Test
	void theLevelIsRelativeToTheVolumesStdAndASeedRepeatsIt() {
		for (NoiseColour colour : NoiseColour.values()) {
			float[] v = noisy(colour, false, 4);
			assertEquals(Math.sqrt(1 + 50 * 50), std(v), 0.02 * 50, colour + " std");
			assertArrayEquals(v, noisy(colour, false, 4), colour + " repeats for a seed");
		}
	}

	@Test
	void eachColourHasItsSpectrumShape() {
		double[] ratio = new double[NoiseColour.values().length];
		for (NoiseColour colour : NoiseColour.values()) {
			float[] v = noisy(colour, false, 5);
			ratio[colour.ordinal()] = bandPower(v, 0.30, 0.45) / bandPower(v, 0.04, 0.12);
		}
		assertEquals(1, ratio[NoiseColour.WHITE.ordinal()], 0.15, "white: flat");
		// ramp: amplitude ~ f, power ~ f^2, about (0.375 / 0.08)^2 ~ 20 times more at high frequency
		assertTrue(ratio[NoiseColour.RAMP.ordinal()] > 8, "ramp high/low power " + ratio[NoiseColour.RAMP.ordinal()]);
		assertTrue(ratio[NoiseColour.PINK.ordinal()] < 1 / 8.0, "1/f high/low power "
				+ ratio[NoiseColour.PINK.ordinal()]);
	}

	@Test
	void aLowPassedReconstructionGetsLowPassedNoise() {
		// cutoff 0.4 Nyquist = 0.2 cycles/voxel (gain 1/2): from 0.4 cycles/voxel the gain is below 1/16
		float[] v = noisy(NoiseColour.WHITE, true, 6);
		double ratio = bandPower(v, 0.40, 0.5) / bandPower(v, 0.02, 0.08);
		assertTrue(ratio < 0.01, "low-passed white noise high/low power " + ratio);
	}
}
