package org.tomopick.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tomopick.model.ParticleCatalog;

/**
 * The missing wedge must come from the tilt geometry: for tilts about y up to tiltMax, the Fourier directions whose
 * angle to the kz axis (in the kx-kz plane) is below 90 - tiltMax are never sampled, so a reconstruction has little
 * power there.
 */
class MissingWedgeTest {

	private static final int N = 64;

	@Test
	void wedgeIsEmptyAndWiderForSmallerTiltRange() {
		double[] profile60 = angularProfile(60);
		double[] profile45 = angularProfile(45);
		// mean power inside the wedge (5 degrees margin) vs outside at the same |k|
		double in60 = mean(profile60, 0, 25), out60 = mean(profile60, 35, 90);
		double in45 = mean(profile45, 0, 40), out45 = mean(profile45, 50, 90);
		assertTrue(in60 < 0.1 * out60, "+-60: wedge/outside power " + in60 / out60);
		assertTrue(in45 < 0.1 * out45, "+-45: wedge/outside power " + in45 / out45);
		// between 32 and 38 degrees from kz: sampled at +-60, missing at +-45
		double band60 = mean(profile60, 32, 38) / out60, band45 = mean(profile45, 32, 38) / out45;
		assertTrue(band60 > 0.3, "+-60 should sample 32-38 degrees from kz, relative power " + band60);
		assertTrue(band45 < 0.1, "+-45 should miss 32-38 degrees from kz, relative power " + band45);
		assertTrue(wedgeHalfWidth(profile45) > wedgeHalfWidth(profile60) + 10,
				"wedge at +-45 (" + wedgeHalfWidth(profile45) + ") not wider than at +-60 ("
						+ wedgeHalfWidth(profile60) + ")");
	}

	/** Mean power per 1-degree bin of the angle between k (in kx-kz) and the kz axis, for 0.08 <= |k| <= 0.35. */
	private static double[] angularProfile(double maxTilt) {
		SimulationSettings s = SimTestSupport.small(N, N, N, maxTilt, 11);
		s = s.withMicroscope(s.microscope().withShotNoise(false)).withSample(s.sample().withContext(3000, 300000));
		ParticleCatalog catalog = ParticleCatalog.czii();
		SimulatedTomogram t = new TomogramSimulator(s, PhantomTemplates.library(catalog, s.voxelSizeAngstrom()))
				.simulate(RandomParticleLayout.uniformMix(catalog, 20000));
		float[] v = SimTestSupport.hann((float[]) t.tomogram().data(), N, N, N);
		float[] f = SimTestSupport.spectrum(v, N, N, N);
		double[] sum = new double[91];
		int[] count = new int[91];
		for (int z = 0; z < N; z++)
			for (int y = 0; y < N; y++)
				for (int x = 0; x < N; x++) {
					double kz = SimTestSupport.freq(z, N), ky = SimTestSupport.freq(y, N), kx = SimTestSupport.freq(x, N);
					double k = Math.sqrt(kx * kx + ky * ky + kz * kz), kxz = Math.hypot(kx, kz);
					if (k < 0.08 || k > 0.35 || kxz < 0.06)
						continue;
					int bin = (int) Math.round(Math.toDegrees(Math.atan2(Math.abs(kx), Math.abs(kz))));
					int i = (z * N + y) * N + x;
					sum[bin] += (double) f[2 * i] * f[2 * i] + (double) f[2 * i + 1] * f[2 * i + 1];
					count[bin]++;
				}
		for (int b = 0; b <= 90; b++)
			sum[b] = count[b] > 0 ? sum[b] / count[b] : 0;
		return sum;
	}

	private static double mean(double[] profile, int from, int to) {
		double s = 0;
		for (int b = from; b <= to; b++)
			s += profile[b];
		return s / (to - from + 1);
	}

	/** The smallest angle from kz at which the power reaches half the mean power beyond 60 degrees. */
	private static int wedgeHalfWidth(double[] profile) {
		double reference = mean(profile, 60, 90);
		for (int b = 0; b <= 90; b++)
			if (profile[b] >= 0.5 * reference)
				return b;
		return 90;
	}
}
