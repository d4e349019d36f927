package org.tomopick.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.module.Module;
import org.scijava.prefs.PrefService;
import org.tomopick.adapt.AdaptationCard;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.unet.UNetModel;
import org.tomopick.unet.UNetModelInfo;
import org.tomopick.unet.UNetSettings;
import org.tomopick.yolo.YoloModel;
import org.tomopick.yolo.YoloModelFile;
import org.tomopick.yolo.YoloSettings;

import com.google.gson.JsonObject;

import ij.ImagePlus;

/**
 * Adapt Models through the CommandService on the particles of the open tomogram: a complete models folder is
 * written (with a classifier, which the starting folder lacked), and Pick Particles offers it next.
 */
class AdaptModelsCommandTest {

	@TempDir
	Path dir;

	@Test
	void theSuiteHasItsOwnPreferences() {
		// set by the build (pom.xml, surefire): what the tests write stays out of the user's preferences, and each
		// build starts from an empty folder of its own (test-prefs/<build timestamp>), so that a used machine runs the
		// suite as a fresh one does
		assertTrue(System.getProperty("java.util.prefs.userRoot", "").replace('\\', '/')
				.matches(".*/test-prefs/\\d{8}-\\d{6}-\\d{3}/user"),
				"java.util.prefs.userRoot = " + System.getProperty("java.util.prefs.userRoot"));
	}

	@Test
	void adaptsOnTheOpenTomogramsParticlesAndPickParticlesOffersTheNewFolder() throws java.io.IOException {
		Path models = dir.resolve("models");
		UNetSettings unet = UNetSettings.defaults();
		unet = unet.withArchitecture(unet.architecture().withBaseChannels(4).withDepth(2));
		try (UNetModel m = UNetModel.create(UNetModelInfo.untrained(unet), 1)) {
			m.save(models.resolve("unet"));
		}
		YoloSettings yolo = YoloSettings.defaults();
		yolo = yolo.withArchitecture(yolo.architecture().withWidth(4));
		try (YoloModel m = YoloModel.create(yolo, ParticleCatalog.czii())) {
			YoloModelFile.save(m, models.resolve("yolo/yolo.params"), new JsonObject());
		}
		File project = dir.resolve("project").toFile();
		Path out = dir.resolve("adapted");
		try (Context context = new Context()) {
			Map<String, Object> sim = CommandTestSupport.tinySimulation(project, "sim_1", 3);
			sim.put("size_x", 128);
			sim.put("size_y", 128);
			ImagePlus image = (ImagePlus) CommandTestSupport.run(context, GenerateSyntheticTomogramCommand.class, sim)
					.getOutput("image");
			Map<String, Object> in = new HashMap<>();
			in.put("source", AdaptModelsCommand.OPEN_TOMOGRAM);
			in.put("image", image);
			in.put("models", models.toFile());
			in.put("output", out.toFile());
			in.put("minutes", 0.3);
			in.put("seed", 1L);
			in.put("show", false);
			Module module = CommandTestSupport.run(context, AdaptModelsCommand.class, in);

			double after = (Double) module.getOutput("score_after");
			assertTrue(after >= 0 && after <= 1, "a CZII score on the held-out part: " + after);
			for (String f : new String[] { "unet/unet.params", "yolo/yolo.params", "classifier/classifier.json",
					"pipeline.json", AdaptationCard.FILE })
				assertTrue(Files.isRegularFile(out.resolve(f)), f);
			assertFalse(Files.exists(models.resolve("classifier")), "the starting folder is not written to");
			assertTrue(Files.readString(out.resolve(AdaptationCard.FILE)).contains("open tomogram"));
			assertEquals(out.toAbsolutePath().toString(),
					context.service(PrefService.class).get(PickParticlesCommand.class, "models"));

			// the folder now holds models: a second adaptation into it is refused, nothing is changed
			Map<String, Object> again = new HashMap<>(in);
			assertThrows(IllegalArgumentException.class,
					() -> CommandTestSupport.run(context, AdaptModelsCommand.class, again));
		}
	}
}
