package org.tomopick.sim;

import org.tomopick.progress.Progress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Units and small pieces of the imaging model, against values computed by hand or taken from the literature. */
class ImagingPhysicsTest {

	@Test
	void electronWavelengthAndInteractionConstantAt300kV() {
		// 300 kV: lambda = 1.9687 pm, sigma = 6.526e-4 rad/(V A) (Kirkland, Advanced Computing in EM)
		assertEquals(0.019687, ContrastTransfer.wavelengthAngstrom(300), 2e-6);
		assertEquals(0.025079, ContrastTransfer.wavelengthAngstrom(200), 2e-6);
		assertEquals(6.526e-4, ContrastTransfer.interactionConstant(300), 2e-6);
	}

	@Test
	void ctfStartsAtAmplitudeContrastAndHasItsFirstZeroWhereTheoryPutsIt() {
		double df = 30000;
		ContrastTransfer ctf = new ContrastTransfer(300, 0, 0.07, df);
		assertEquals(0.07, ctf.value(0), 1e-12);
		// Cs = 0: T = 0 where chi = pi - atan(A / sqrt(1 - A^2))
		double chiZero = Math.PI - Math.atan(0.07 / Math.sqrt(1 - 0.07 * 0.07));
		double k = Math.sqrt(chiZero / (Math.PI * 0.019687 * df));
		assertEquals(0, ctf.value(k), 1e-3);
		assertTrue(ctf.value(0.8 * k) > 0.5, "first CTF lobe should be positive (protein dark)");
		assertEquals(Math.exp(-100 * 0.01 / 4), ContrastTransfer.envelope(100, 0.1), 1e-12);
	}

	@Test
	void tiltSchemeIsDoseSymmetric() {
		TiltScheme scheme = new TiltScheme(new TiltSeriesSettings(60, 3, 82));
		assertEquals(41, scheme.size());
		assertEquals(-60, scheme.angleDegrees(0), 1e-12);
		assertEquals(60, scheme.angleDegrees(40), 1e-12);
		assertEquals(2, scheme.dosePerTilt(), 1e-12);
		// acquisition order 0, +3, +6, -3, -6, -9, -12, +9, +12, ...
		double[] expectedOrder = { 0, 3, 6, -3, -6, -9, -12, 9, 12 };
		for (int k = 0; k < expectedOrder.length; k++) {
			int index = (int) Math.round(expectedOrder[k] / 3) + 20;
			assertEquals(2.0 * k, scheme.priorDose(index), 1e-12, "dose before " + expectedOrder[k] + " degrees");
		}
		double maxPrior = 0;
		for (int t = 0; t < scheme.size(); t++)
			maxPrior = Math.max(maxPrior, scheme.priorDose(t));
		assertEquals(80, maxPrior, 1e-12);
	}

	@Test
	void projectionConservesMassAndPutsAPointWhereGeometrySays() {
		int nz = 20, ny = 3, nx = 60;
		float[] volume = new float[nz * ny * nx];
		int x0 = 35, z0 = 10, y0 = 1;
		// a smooth blob (gaussian, sigma 2 voxels) of unit mass: ray sampling conserves mass for band-limited objects
		double total = 0;
		for (int z = 0; z < nz; z++)
			for (int x = 0; x < nx; x++)
				total += Math.exp(-((x - x0) * (x - x0) + (z - z0) * (z - z0)) / 8.0);
		for (int z = 0; z < nz; z++)
			for (int x = 0; x < nx; x++)
				volume[(z * ny + y0) * nx + x] = (float) (Math.exp(-((x - x0) * (x - x0) + (z - z0) * (z - z0)) / 8.0)
						/ total);
		double[] angles = { 0, Math.toRadians(30), Math.toRadians(-50) };
		float[][] stack = TiltProjector.project(volume, new int[] { nz, ny, nx }, angles, 10,
				Progress.NONE);
		for (int t = 0; t < angles.length; t++) {
			double mass = 0, moment = 0;
			for (int u = 0; u < nx; u++) {
				mass += stack[t][y0 * nx + u];
				moment += u * stack[t][y0 * nx + u];
				assertEquals(0, stack[t][u], 0, "row y=0 must stay empty");
			}
			assertEquals(10, mass, 0.02, "projected mass at angle " + t);
			double expected = (nx - 1) / 2.0 + (x0 - (nx - 1) / 2.0) * Math.cos(angles[t])
					+ (z0 - (nz - 1) / 2.0) * Math.sin(angles[t]);
			assertEquals(expected, moment / mass, 0.05, "projected position at angle " + t);
		}
	}

	@Test
	void rampFilterIsTheAbsoluteFrequency() {
		int n = 256;
		float[] h = WeightedBackProjector.rampResponse(n, false);
		for (int k = 4; k <= n / 2; k += 4)
			assertEquals(k / (double) n, h[k], 0.004, "ramp at bin " + k);
		assertTrue(h[0] > 0 && h[0] < 0.004, "ramp at DC " + h[0]);
		float[] hamming = WeightedBackProjector.rampResponse(n, true);
		assertEquals(0.08 * 0.5, hamming[n / 2], 0.004);
	}

	@Test
	void projectorRejectsBadInput() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TiltProjector.project(
				new float[10], new int[] { 2, 2, 2 }, new double[] { 0 }, 1, Progress.NONE));
		assertTrue(e.getMessage().contains("volume"));
		e = assertThrows(IllegalArgumentException.class, () -> TiltProjector.project(new float[8],
				new int[] { 2, 2, 2 }, new double[] { Math.PI / 2 }, 1, Progress.NONE));
		assertTrue(e.getMessage().contains("tilt angle"));
	}
}
