package org.tomopick.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.zarr.OmeZarrWriter;
import org.tomopick.io.zarr.OmeZarrWriterSettings;

import ij.ImagePlus;

/**
 * Open Tomogram on a CoPick project laid out as the CZII challenge lays it out (tomograms in the static root, a
 * config naming both roots): the dialog's lists of runs, voxel spacings and tomogram types, filled in as SciJava's
 * input harvester fills them (the initializer when the dialog opens, a callback after each choice), and the same
 * keys given as text in a macro.
 */
class OpenTomogramCommandTest {

	@TempDir
	Path dir;
	Path config;

	@BeforeEach
	void project() throws IOException {
		Path runs = dir.resolve("train/static/ExperimentRuns");
		tomogram(runs.resolve("TS_5_4/VoxelSpacing10.000/wbp.zarr"), new int[] { 6, 8, 10 }, 10);
		tomogram(runs.resolve("TS_6_4/VoxelSpacing10.000/denoised.zarr"), new int[] { 8, 12, 14 }, 10);
		tomogram(runs.resolve("TS_6_4/VoxelSpacing10.000/ctfdeconvolved.zarr"), new int[] { 8, 12, 14 }, 10);
		tomogram(runs.resolve("TS_6_4/VoxelSpacing20.000/wbp.zarr"), new int[] { 4, 6, 7 }, 20);
		Files.createDirectories(dir.resolve("train/overlay/ExperimentRuns"));
		config = dir.resolve("train/copick_config.json");
		Files.writeString(config, "{\"name\": \"challenge\", \"pickable_objects\": [], "
				+ "\"overlay_root\": \"local://./overlay\", \"static_root\": \"local://./static\"}");
	}

	private static void tomogram(Path zarr, int[] shape, double voxel) throws IOException {
		Files.createDirectories(zarr.getParent());
		OmeZarrWriter.write(DenseVolume.ofFloats(shape, new float[shape[0] * shape[1] * shape[2]]), zarr,
				OmeZarrWriterSettings.defaults(voxel).withChunkSize(8).withLevels(1), false);
	}

	@Test
	void theDialogListsRunsThenTheRunsSpacingsAndTypes() throws Exception {
		try (Context context = new Context()) {
			Module module = context.service(ModuleService.class)
					.createModule(context.service(CommandService.class).getCommand(OpenTomogramCommand.class));
			module.initialize(); // the dialog opens: no path yet, one empty choice in each list
			assertEquals(List.of(""), choices(module, "run"));
			assertEquals(List.of(""), choices(module, "tomo_type"));

			choose(module, "path", config.toFile());
			assertEquals(List.of("TS_5_4", "TS_6_4"), choices(module, "run"));
			assertEquals(List.of("10.000"), choices(module, "voxel_spacing"));
			assertEquals(List.of("wbp"), choices(module, "tomo_type"));
			assertEquals("TS_5_4", module.getInput("run"));

			choose(module, "run", "TS_6_4");
			assertEquals(List.of("10.000", "20.000"), choices(module, "voxel_spacing"));
			assertEquals(List.of("denoised", "ctfdeconvolved"), choices(module, "tomo_type"), "the default first");
			assertEquals("10.000", module.getInput("voxel_spacing"));
			assertEquals("denoised", module.getInput("tomo_type"));

			choose(module, "voxel_spacing", "20.000");
			assertEquals(List.of("wbp"), choices(module, "tomo_type"));
			assertEquals("wbp", module.getInput("tomo_type"));

			choose(module, "path", dir.resolve("train").toFile()); // the project's folder lists the same
			assertEquals(List.of("TS_5_4", "TS_6_4"), choices(module, "run"));
			assertEquals("TS_5_4", module.getInput("run"), "a new project starts again at its first run");
			choose(module, "path", dir.resolve("tr").toFile()); // while typing: nothing to list, nothing fails
			assertEquals(List.of(""), choices(module, "run"));
		}
	}

	/** Sets an input and calls its callback, as the input harvester does when the user changes a widget. */
	private static void choose(Module module, String key, Object value) throws Exception {
		module.setInput(key, value);
		module.getInfo().getInput(key).callback(module);
	}

	private static List<?> choices(Module module, String key) {
		ModuleItem<?> item = module.getInfo().getInput(key);
		return item.getChoices();
	}

	@Test
	void aMacroGivesTheSameKeysAsText() {
		ImagePlus coarse = (ImagePlus) MacroCommandBridge.execute(OpenTomogramCommand.class,
				"path=[" + config + "] run=TS_6_4 voxel_spacing=20 tomo_type=wbp level=0").getOutput("image");
		assertEquals(7, coarse.getWidth());
		assertEquals(20.0, coarse.getCalibration().pixelWidth, 1e-12);
		assertEquals("TS_6_4 wbp.zarr", coarse.getTitle());
		assertEquals(2, coarse.getCurrentSlice(), "opens in the middle of the ice");
		ImagePlus defaults = (ImagePlus) MacroCommandBridge.execute(OpenTomogramCommand.class,
				"run=TS_6_4 path=[" + config + "]").getOutput("image");
		assertEquals("TS_6_4 denoised.zarr", defaults.getTitle(), "the finest spacing, denoised");
		ImagePlus first = (ImagePlus) MacroCommandBridge.execute(OpenTomogramCommand.class,
				"path=[" + dir.resolve("train") + "] voxel_spacing=0").getOutput("image");
		assertEquals("TS_5_4 wbp.zarr", first.getTitle(), "no run: the first");
	}

	@Test
	void aMacroNamingARunTheProjectLacksFailsNamingTheProjectAndItsRuns() {
		TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> MacroCommandBridge
				.execute(OpenTomogramCommand.class, "path=[" + config + "] run=TS_99_9 tomo_type=wbp"));
		assertEquals(config + ": the CoPick project has no run 'TS_99_9'; its runs are [TS_5_4, TS_6_4]",
				e.getMessage());
		IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class, () -> MacroCommandBridge
				.execute(OpenTomogramCommand.class, "path=[" + config + "] run=TS_6_4 voxel_spacing=fine"));
		assertTrue(notANumber.getMessage().startsWith("voxel_spacing:"), notANumber.getMessage());
		// a run whose tomograms are in the static root, without picks in the overlay: "no picks", not "no run"
		TomoPickIoException noPicks = assertThrows(TomoPickIoException.class, () -> MacroCommandBridge
				.execute(OpenTomogramCommand.class, "path=[" + config + "] run=TS_6_4 load_picks"));
		assertTrue(noPicks.getMessage().contains("no picks"), noPicks.getMessage());
	}

	@Test
	void scriptsMayStillGiveTheVoxelSpacingAsANumber() {
		try (Context context = new Context()) {
			Map<String, Object> in = new java.util.HashMap<>();
			in.put("path", config.toFile());
			in.put("run", "TS_6_4");
			in.put("voxel_spacing", 20.0);
			in.put("load_picks", false); // SciJava remembers it from other tests
			in.put("show", false);
			Module opened = CommandTestSupport.run(context, OpenTomogramCommand.class, in);
			assertEquals(7, ((ImagePlus) opened.getOutput("image")).getWidth());
			assertEquals(new File(config.toString()), opened.getInput("path"));
		}
	}
}
