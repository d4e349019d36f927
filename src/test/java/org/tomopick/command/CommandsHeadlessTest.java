package org.tomopick.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.module.Module;
import org.tomopick.io.copick.CopickPicksReader;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.csv.CziiCsvReader;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.ui.TomogramSession;
import org.tomopick.ui.ZarrSliceStack;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

/**
 * Every command run headless through a SciJava context and its CommandService, on a tiny simulated tomogram:
 * simulate into a CoPick project, open it lazily with its truth picks, export (CoPick and CSV), import, evaluate.
 */
class CommandsHeadlessTest {

	@TempDir
	Path dir;

	@Test
	void simulateOpenExportImportEvaluate() throws Exception {
		File project = dir.resolve("project").toFile();
		try (Context context = new Context()) {
			Module sim = CommandTestSupport.run(context, GenerateSyntheticTomogramCommand.class,
					CommandTestSupport.tinySimulation(project, "sim_1", 7));
			int truthCount = (Integer) sim.getOutput("particle_count");
			assertTrue(truthCount >= 3, "a tiny tomogram at 60000 per um^3 should hold a few particles, had "
					+ truthCount);
			Path zarr = Path.of((String) sim.getOutput("tomogram_path"));
			assertEquals(project.toPath().resolve("ExperimentRuns/sim_1/VoxelSpacing10.000/wbp.zarr"), zarr);
			assertTrue(Files.isRegularFile(zarr.resolve(".zattrs")));
			assertTrue(Files.isRegularFile(project.toPath().resolve("copick_config.json")));
			ImagePlus simImage = (ImagePlus) sim.getOutput("image");
			assertEquals(40, simImage.getStackSize());

			// open the run lazily with its truth picks, by project root + run + type
			Map<String, Object> open = new HashMap<>();
			open.put("path", project);
			open.put("run", "sim_1");
			open.put("tomo_type", "wbp");
			open.put("level", 0);
			open.put("load_picks", true);
			open.put("picks_user", "simulation");
			open.put("show", false);
			Module opened = CommandTestSupport.run(context, OpenTomogramCommand.class, open);
			ImagePlus image = (ImagePlus) opened.getOutput("image");
			assertEquals(truthCount, opened.getOutput("particle_count"));
			assertTrue(image.getStack() instanceof ZarrSliceStack, "Zarr tomograms open as a chunk-cached virtual stack");
			assertEquals(64, image.getWidth());
			assertEquals(64, image.getHeight());
			assertEquals(40, image.getStackSize());
			assertEquals(20, image.getCurrentSlice(), "opens in the middle of the ice, not at its top");
			assertEquals(10.0, image.getCalibration().pixelWidth, 1e-12);
			assertEquals(10.0, image.getCalibration().pixelDepth, 1e-12);
			assertEquals("\u00C5", image.getCalibration().getUnit());
			// the lazily read planes equal the simulated volume
			float[] lazy = (float[]) image.getStack().getPixels(17);
			float[] memory = (float[]) simImage.getStack().getPixels(17);
			org.junit.jupiter.api.Assertions.assertArrayEquals(memory, lazy);
			TomogramSession session = TomogramSession.require(image);
			assertTrue(image.getOverlay().size() > 0, "the truth particles are drawn");

			// level 1 of the pyramid: half the size, twice the voxel
			open.put("level", 1);
			open.put("load_picks", false);
			ImagePlus level1 = (ImagePlus) CommandTestSupport.run(context, OpenTomogramCommand.class, open)
					.getOutput("image");
			assertEquals(32, level1.getWidth());
			assertEquals(20.0, level1.getCalibration().pixelWidth, 1e-12);

			// export CoPick into another project, and CSV
			File exportRoot = dir.resolve("exported").toFile();
			Map<String, Object> export = new HashMap<>();
			export.put("image", image);
			export.put("format", "CoPick");
			export.put("output", exportRoot);
			export.put("user", "reviewer");
			export.put("session", "1");
			Module exported = CommandTestSupport.run(context, ExportPicksCommand.class, export);
			assertEquals(truthCount, exported.getOutput("particle_count"));
			Path apo = new CopickProject(exportRoot.toPath()).picksPath("sim_1", "reviewer", "1", "apo-ferritin");
			assertTrue(Files.isRegularFile(apo));
			int writtenPoints = 0;
			for (var c : ParticleCatalog.czii().classes())
				writtenPoints += CopickPicksReader.read(new CopickProject(exportRoot.toPath())
						.picksPath("sim_1", "reviewer", "1", c.name()), ParticleCatalog.czii()).particles().size();
			assertEquals(truthCount, writtenPoints);

			File csv = dir.resolve("picks.csv").toFile();
			export.put("format", "CSV");
			export.put("output", csv);
			CommandTestSupport.run(context, ExportPicksCommand.class, export);
			List<Particle> csvParticles = CziiCsvReader.read(csv.toPath(), ParticleCatalog.czii()).get("sim_1");
			assertEquals(truthCount, csvParticles.size());

			// what the view hides is not exported, unless asked for
			var before = session.overlay().settings();
			session.overlay().setSettings(before.withClassVisible("ribosome", false));
			long shownCount = session.particles().snapshot().values().stream()
					.filter(p -> !p.type().name().equals("ribosome")).count();
			assertTrue(shownCount < truthCount, "the simulation has ribosomes");
			File shownCsv = dir.resolve("shown.csv").toFile();
			export.put("output", shownCsv);
			assertEquals((int) shownCount, CommandTestSupport.run(context, ExportPicksCommand.class, export)
					.getOutput("particle_count"));
			Map<String, Object> all = new HashMap<>(export);
			all.put("include_hidden", true);
			assertEquals(truthCount, CommandTestSupport.run(context, ExportPicksCommand.class, all)
					.getOutput("particle_count"));
			// the formats of the field: one file per class in a folder (Warp/M's STAR told from RELION's by its columns)
			for (String format : List.of(ExportPicksCommand.RELION4, ExportPicksCommand.WARP)) {
				Path folder = dir.resolve(format.replaceAll("\\W", ""));
				Map<String, Object> star = new HashMap<>(export);
				star.put("format", format);
				star.put("output", folder.toFile());
				assertEquals((int) shownCount, CommandTestSupport.run(context, ExportPicksCommand.class, star)
						.getOutput("particle_count"));
				assertTrue(Files.isRegularFile(folder.resolve("apo-ferritin.star")), format);
				assertEquals(format.equals(ExportPicksCommand.WARP) ? org.tomopick.io.formats.PickFormat.WARP
						: org.tomopick.io.formats.PickFormat.RELION4,
						ImportPicksCommand.otherFormat(folder.resolve("apo-ferritin.star")));
				// and back: a STAR file of the open level's pixels comes in at the same places
				java.util.Set<Long> idsBefore = new java.util.HashSet<>(session.particles().ids());
				long apoCount = session.particles().snapshot().values().stream()
						.filter(p -> p.type().name().equals("apo-ferritin")).count();
				Map<String, Object> fromStar = new HashMap<>();
				fromStar.put("image", image);
				fromStar.put("source", folder.resolve("apo-ferritin.star").toFile());
				assertEquals((int) apoCount, CommandTestSupport.run(context, ImportPicksCommand.class, fromStar)
						.getOutput("particle_count"));
				List<Long> added = session.particles().ids().stream().filter(id -> !idsBefore.contains(id)).toList();
				assertEquals(apoCount, added.size());
				for (long id : added) {
					Particle copy = session.particles().get(id);
					assertTrue(idsBefore.stream().map(session.particles()::get).anyMatch(p -> p.type().equals(
							copy.type()) && Math.abs(p.x() - copy.x()) < 1e-6 && Math.abs(p.y() - copy.y()) < 1e-6
							&& Math.abs(p.z() - copy.z()) < 1e-6), format + ": the imported copy lies on an original: "
									+ copy);
				}
				session.particles().removeAll(added);
			}

			// particles below the view's score threshold are hidden too, and not exported unless asked for
			long lowId = session.particles().add(new Particle(ParticleCatalog.czii().get("thyroglobulin"), 800, 800,
					200, 0.2, org.tomopick.model.Provenance.FUSED));
			session.overlay().setSettings(before.withMinScore(0.5));
			export.put("output", dir.resolve("above-threshold.csv").toFile());
			assertEquals(truthCount, CommandTestSupport.run(context, ExportPicksCommand.class, export)
					.getOutput("particle_count"), "the 0.2 particle is below the view's 0.5");
			all.put("output", dir.resolve("with-hidden.csv").toFile());
			assertEquals(truthCount + 1, CommandTestSupport.run(context, ExportPicksCommand.class, all)
					.getOutput("particle_count"));
			session.particles().remove(lowId);
			session.overlay().setSettings(before);
			export.put("output", csv);

			// import the CSV into the level-1 view, replacing nothing there
			Map<String, Object> imp = new HashMap<>();
			imp.put("image", level1);
			imp.put("source", csv);
			Module imported = CommandTestSupport.run(context, ImportPicksCommand.class, imp);
			assertEquals(truthCount, imported.getOutput("particle_count"));
			assertEquals(truthCount, TomogramSession.require(level1).particles().size());
			// a run the CSV does not hold: an error that names the runs it holds, never "0 particles"
			Map<String, Object> wrongRun = new HashMap<>(imp);
			wrongRun.put("run", "sim_11");
			TomoPickIoException noRun = assertThrows(TomoPickIoException.class,
					() -> CommandTestSupport.run(context, ImportPicksCommand.class, wrongRun));
			assertTrue(noRun.getMessage().contains("sim_11") && noRun.getMessage().contains("[sim_1]"),
					noRun.getMessage());

			// evaluate: the exported picks against the truth score 1; a picks set without one particle less
			Map<String, Object> eval = new HashMap<>();
			eval.put("truth", project);
			eval.put("truth_user", "simulation");
			eval.put("picks", exportRoot);
			eval.put("user", "reviewer");
			eval.put("session", "1");
			eval.put("show", false);
			Module scored = CommandTestSupport.run(context, EvaluatePicksCommand.class, eval);
			assertEquals(1.0, (Double) scored.getOutput("czii_score"), 1e-12);
			ResultsTable table = (ResultsTable) scored.getOutput("results");
			assertEquals("weighted", table.getLabel(table.size() - 1));
			assertEquals(1.0, table.getValue("F4", table.size() - 1), 1e-12);
			int truthInTable = 0;
			for (int row = 0; row < table.size() - 1; row++)
				truthInTable += (int) table.getValue("truth", row);
			assertEquals(truthCount, truthInTable);
			Plot plot = (Plot) scored.getOutput("plot");
			assertTrue(plot.getImagePlus().getWidth() > 100, "the bar plot renders headless");

			// delete one particle in the session, export again, score below 1
			session.actions().delete(List.of(session.particles().ids().iterator().next()));
			export.put("format", "CoPick");
			export.put("output", exportRoot);
			CommandTestSupport.run(context, ExportPicksCommand.class, export);
			double lower = (Double) CommandTestSupport.run(context, EvaluatePicksCommand.class, eval)
					.getOutput("czii_score");
			assertTrue(lower < 1.0, "one missed particle lowers the score, was " + lower);
		}
	}

	@Test
	void badInputsFailNamingTheProblem() {
		try (Context context = new Context()) {
			Map<String, Object> open = new HashMap<>();
			open.put("path", dir.resolve("missing.zarr").toFile());
			open.put("level", 0);
			open.put("show", false);
			RuntimeException e = assertThrows(RuntimeException.class,
					() -> CommandTestSupport.run(context, OpenTomogramCommand.class, open));
			assertTrue(e.getMessage().contains("missing.zarr"), e.getMessage());
			Map<String, Object> export = new HashMap<>();
			export.put("image", new ImagePlus("plain", new ij.process.ByteProcessor(4, 4)));
			export.put("format", "CSV");
			RuntimeException notOurs = assertThrows(RuntimeException.class,
					() -> CommandTestSupport.run(context, ExportPicksCommand.class, export));
			assertTrue(notOurs.getMessage().contains("was not opened by TomoPick"), notOurs.getMessage());
		}
	}
}
