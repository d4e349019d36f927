package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleColor;
import org.tomopick.model.Provenance;

/** The demo's slice PNG: the particles in their colours and a legend that names each class by its colour. */
class SlicePngTest {

	@TempDir
	Path tmp;

	@Test
	void drawsParticlesAndALegend() throws Exception {
		float[] v = new float[4 * 200 * 200];
		for (int i = 0; i < v.length; i++)
			v[i] = (i * 7919 % 1000) / 1000f;
		ParticleCatalog czii = ParticleCatalog.czii();
		Particle ribosome = new Particle(czii.get("ribosome"), 1500, 1500, 20, 1, Provenance.SIMULATED);
		Particle apo = new Particle(czii.get("apo-ferritin"), 600, 1700, 20, 0.8, Provenance.FUSED);
		Path png = tmp.resolve("slice.png");
		SlicePng.write(png, DenseVolume.ofFloats(new int[] { 4, 200, 200 }, v), 10, 2, List.of(ribosome), List.of(apo));
		BufferedImage image = ImageIO.read(png.toFile());
		// the legend lists apo-ferritin first (by name), its colour square at (9..17, 4 + 2*13 - 9 ..)
		assertEquals(rgb(czii.get("apo-ferritin").color()), image.getRGB(12, 4 + 2 * 13 - 5) & 0xffffff);
		assertEquals(rgb(czii.get("ribosome").color()), image.getRGB(12, 4 + 3 * 13 - 5) & 0xffffff);
		// the ribosome's circle: radius 150 A = 15 pixels around (150, 150), on the slice through its centre
		assertEquals(rgb(czii.get("ribosome").color()), image.getRGB(150 + 15, 150) & 0xffffff);
		assertTrue(image.getWidth() == 200 && image.getHeight() == 200);
	}

	private static int rgb(ParticleColor c) {
		return (c.red() << 16) | (c.green() << 8) | c.blue();
	}
}
