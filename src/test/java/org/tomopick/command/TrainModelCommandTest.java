package org.tomopick.command;

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

/** Train Model through the CommandService on a tiny project: a model folder comes out, with its best epoch. */
class TrainModelCommandTest {

	@TempDir
	Path dir;

	@Test
	void trainsTheYoloBranchOnACopickProject() {
		// load the engine on this thread first, as Fiji may have: the command then trains on another thread, whose
		// PyTorch gradient mode starts switched on
		try (var warm = org.tomopick.yolo.YoloModel.create(org.tomopick.yolo.YoloSettings.defaults(),
				org.tomopick.model.ParticleCatalog.czii())) {
			// nothing
		}
		File project = dir.resolve("project").toFile();
		File out = dir.resolve("models/yolo").toFile();
		try (Context context = new Context()) {
			for (int i = 1; i <= 2; i++)
				CommandTestSupport.run(context, GenerateSyntheticTomogramCommand.class,
						CommandTestSupport.tinySimulation(project, "sim_" + i, i));
			Map<String, Object> in = new HashMap<>();
			in.put("project", project);
			in.put("branch", "yolo");
			in.put("val_runs", "sim_2");
			in.put("epochs", 2);
			in.put("steps", 2);
			in.put("seed", 1L);
			in.put("output", out);
			in.put("truth_user", "simulation");
			in.put("show", false);

			Module module = CommandTestSupport.run(context, TrainModelCommand.class, in);

			int best = (Integer) module.getOutput("best_epoch");
			assertTrue(best == 1 || best == 2, "best epoch " + best);
			double score = (Double) module.getOutput("validation_score");
			assertTrue(score >= 0 && score <= 1, "a CZII score: " + score);
			assertTrue(Files.isRegularFile(out.toPath().resolve("yolo.params")));
			assertTrue(Files.isRegularFile(out.toPath().resolve("yolo.json")));
		}
	}
}
