package org.tomopick.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.unet.UNetModel;
import org.tomopick.yolo.YoloModel;
import org.tomopick.yolo.YoloModelFile;

/**
 * The class colours stay apart (no two classes in near colours, as ribosome and thyroglobulin were: two greens), and
 * the shipped models name the classes exactly as the catalog does (their particles are compared with the
 * catalog's classes, colours included).
 */
class CatalogColoursTest {

	@Test
	void everyTwoClassesDifferClearlyInColour() {
		List<ParticleClass> classes = ParticleCatalog.czii().classes();
		for (int i = 0; i < classes.size(); i++)
			for (int j = i + 1; j < classes.size(); j++) {
				ParticleColor a = classes.get(i).color(), b = classes.get(j).color();
				double d = Math.sqrt(Math.pow(a.red() - b.red(), 2) + Math.pow(a.green() - b.green(), 2)
						+ Math.pow(a.blue() - b.blue(), 2));
				assertTrue(d > 110, classes.get(i).name() + " and " + classes.get(j).name() + " are " + d + " apart");
			}
		// nor close to the selection's yellow, drawn thicker
		for (ParticleClass c : classes) {
			ParticleColor a = c.color();
			double d = Math.sqrt(Math.pow(a.red() - 255, 2) + Math.pow(a.green() - 255, 2) + Math.pow(a.blue(), 2));
			assertTrue(d > 90, c.name() + " is " + d + " from the selection colour");
		}
	}

	@Test
	void theShippedModelsNameTheCatalogsClasses() {
		try (UNetModel unet = UNetModel.load(Path.of("models/unet"));
				YoloModel yolo = YoloModelFile.load(Path.of("models/yolo/yolo.params"))) {
			assertEquals(ParticleCatalog.czii().classes(),
					unet.info().classes().stream().map(c -> c.particleClass()).toList());
			assertEquals(ParticleCatalog.czii().classes(), yolo.catalog().classes());
		}
	}

	@Test
	void aClassOfAnOlderColourStillFindsItsPlace() {
		ParticleCatalog czii = ParticleCatalog.czii();
		ParticleClass ribosome = czii.get("ribosome");
		ParticleClass older = new ParticleClass("ribosome", ribosome.label(), new ParticleColor(0, 92, 49, 128),
				ribosome.radiusAngstrom(), ribosome.scoreWeight(), ribosome.pdbId());
		assertEquals(czii.indexOf(ribosome), czii.indexOf(older));
	}
}
