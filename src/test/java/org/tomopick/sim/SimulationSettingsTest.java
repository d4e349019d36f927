package org.tomopick.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.ParticleCatalog;

/** Settings defaults and validation; template normalisation (phantoms and a real map). */
class SimulationSettingsTest {

	@Test
	void defaultsAreACziiLikeTomogram() {
		SimulationSettings s = SimulationSettings.defaults().validate();
		assertEquals(184, s.sizeZ());
		assertEquals(630, s.sizeY());
		assertEquals(630, s.sizeX());
		assertEquals(10.012444, s.voxelSizeAngstrom(), 0);
		assertEquals(41, new TiltScheme(s.tilts()).size());
		assertEquals(300, s.microscope().voltageKv(), 0);
		assertEquals(2.7, s.microscope().sphericalAberrationMm(), 0);
		assertEquals(0.07, s.microscope().amplitudeContrast(), 0);
		assertEquals(1e-4, s.reconstruction().outputStd(), 0);
	}

	@Test
	void badValuesNameTheirField() {
		SimulationSettings d = SimulationSettings.defaults();
		assertMessage(() -> d.withShape(0, 10, 10).validate(), "sizeZ");
		assertMessage(() -> d.withTilts(d.tilts().withRange(95, 3)).validate(), "tilts.maxTiltDegrees");
		assertMessage(() -> d.withTilts(d.tilts().withTotalDose(-1)).validate(), "tilts.totalDose");
		assertMessage(() -> d.withMicroscope(d.microscope().withDefocusRange(5, 2)).validate(),
				"microscope.defocusMaxMicrometres");
		assertMessage(() -> d.withSample(d.sample().withIceThickness(-5, 10)).validate(),
				"sample.iceThicknessMinAngstrom");
		assertMessage(() -> d.withVoxelSize(Double.NaN).validate(), "voxelSizeAngstrom");
	}

	private static void assertMessage(Runnable r, String field) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
		assertTrue(e.getMessage().contains(field), e.getMessage());
	}

	@Test
	void phantomShellsHaveTheirRadii() {
		DensityTemplate apo = PhantomTemplates.shell(40, 60, 0, 10);
		DenseVolume v = apo.toVolume();
		int c = v.sizeX() / 2;
		assertEquals(0, v.getDouble(c, c, c), 1e-6, "hollow centre");
		assertTrue(v.getDouble(c, c, c + 5) > 0.9, "inside the shell at 50 A");
		assertEquals(0, v.getDouble(c, c, c + 7), 1e-6, "outside at 70 A");
		ParticleCatalog catalog = ParticleCatalog.czii();
		TemplateLibrary library = PhantomTemplates.library(catalog, 10);
		assertEquals(catalog.size(), library.classNames().size());
		// the ribosome blob: radial mean density falls to half its plateau near its catalog radius (150 A)
		DenseVolume ribo = library.get("ribosome").toVolume();
		int n = ribo.sizeX();
		double centre = (n - 1) / 2.0;
		double[] sum = new double[n];
		int[] count = new int[n];
		for (int z = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					int r = (int) Math.round(Math.sqrt((z - centre) * (z - centre) + (y - centre) * (y - centre)
							+ (x - centre) * (x - centre)));
					sum[r] += ribo.getDouble(z, y, x);
					count[r]++;
				}
		double plateau = sum[0] / count[0];
		int half = 0;
		while (sum[half] / count[half] > plateau / 2)
			half++;
		assertTrue(half * 10 >= 0.75 * 150 && half * 10 <= 1.0 * 150, "ribosome half-density radius " + half * 10);
		assertTrue(library.get("ribosome").supportRadius() * 10 < 1.6 * 150, "ribosome phantom support");
	}

	@Test
	void realTemplateIsNormalisedToUnitProteinDensity() throws IOException {
		Path mrc = SimTestSupport.TEMPLATES.resolve("8cpv.mrc");
		DensityTemplate t = new DensityTemplate(SimTestSupport.readMrc(mrc), 10);
		// computed with mrcfile/numpy: |v| > 1% max reaches 8.29 voxels from (n-1)/2; sum / mean(v > 10% max) = 1381.28
		assertEquals(9.2916, t.supportRadius(), 1e-3);
		double sum = 0;
		for (float f : t.toVolume().toFloatArray())
			sum += f;
		assertEquals(1381.28, sum, 0.05);
	}
}
