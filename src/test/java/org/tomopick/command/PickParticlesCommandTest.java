package org.tomopick.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.module.Module;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;
import org.tomopick.ui.TomogramSession;
import org.tomopick.unet.UNetModel;
import org.tomopick.unet.UNetModelInfo;
import org.tomopick.unet.UNetSettings;
import org.tomopick.yolo.YoloModel;
import org.tomopick.yolo.YoloModelFile;
import org.tomopick.yolo.YoloSettings;

import com.google.gson.JsonObject;

import ij.ImagePlus;

/** Pick Particles through the CommandService: the particles the pipeline finds land in the open tomogram. */
class PickParticlesCommandTest {

	@TempDir
	Path dir;

	@Test
	void picksTheOpenTomogramIntoItsParticleSet() {
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
		try (Context context = new Context()) {
			Module sim = CommandTestSupport.run(context, GenerateSyntheticTomogramCommand.class,
					CommandTestSupport.tinySimulation(project, "sim_1", 3));
			ImagePlus image = (ImagePlus) sim.getOutput("image");
			TomogramSession session = TomogramSession.require(image);
			assertTrue(session.particles().size() > 0, "the truth is loaded with the synthetic tomogram");

			for (String mode : new String[] { "unet", "full" }) {
				Module pick = CommandTestSupport.run(context, PickParticlesCommand.class, Map.of("image", image,
						"models", models.toFile(), "mode", mode, "tuned_thresholds", false, "threshold", 0.0, "replace", true));

				int count = (Integer) pick.getOutput("particle_count");
				assertEquals(count, session.particles().size(), "replace: only the picked particles are shown");
				double maxX = 63 * 10.0, maxZ = 39 * 10.0;
				for (Particle p : session.particles().snapshot().values()) {
					assertTrue(p.provenance() != Provenance.SIMULATED, "the truth was replaced: " + p);
					assertTrue(p.x() > -20 && p.x() < maxX + 20 && p.z() > -20 && p.z() < maxZ + 20, "in the volume: " + p);
				}
			}
		}
	}

	/** Without a models folder, the models installed in Fiji (Fiji.app/models/TomoPick, as assemble.sh lays out). */
	@Test
	void withoutAModelsFolderTheInstalledModelsAreUsed() throws java.io.IOException {
		Path fiji = dir.resolve("Fiji.app");
		for (String f : java.util.List.of("unet/unet.json", "unet/unet.params", "yolo/yolo.json", "yolo/yolo.params",
				"classifier/classifier.json", "classifier/classifier.forest", "pipeline.json")) {
			Path to = fiji.resolve("models/TomoPick").resolve(f);
			java.nio.file.Files.createDirectories(to.getParent());
			java.nio.file.Files.copy(Path.of("models").resolve(f), to);
		}
		String before = System.getProperty("imagej.dir");
		System.setProperty("imagej.dir", fiji.toString());
		try (Context context = new Context()) {
			ImagePlus image = (ImagePlus) CommandTestSupport.run(context, GenerateSyntheticTomogramCommand.class,
					CommandTestSupport.tinySimulation(dir.resolve("p").toFile(), "sim_1", 5)).getOutput("image");
			java.util.Map<String, Object> inputs = new java.util.HashMap<>(Map.of("image", image, "replace", true));
			inputs.put("models", null);
			int count = (Integer) CommandTestSupport.run(context, PickParticlesCommand.class, inputs)
					.getOutput("particle_count");
			assertEquals(count, TomogramSession.require(image).particles().size());
		} finally {
			if (before == null)
				System.clearProperty("imagej.dir");
			else
				System.setProperty("imagej.dir", before);
		}
	}
}
