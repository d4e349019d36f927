package org.tomopick.io.copick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.TomoPickIoException;

/**
 * The runs, voxel spacings and tomogram types of a small CoPick project laid out as the CZII challenge lays it out
 * (tomograms in the static root, picks in the overlay root, a config naming both), as Open Tomogram lists them, and
 * the errors of a choice the project lacks.
 */
class CopickTomogramChoicesTest {

	@TempDir
	Path dir;
	Path config;
	Path staticRoot;

	@BeforeEach
	void challengeLayout() throws IOException {
		staticRoot = dir.resolve("train/static");
		Path overlay = dir.resolve("train/overlay");
		for (String type : List.of("wbp", "denoised", "ctfdeconvolved", "wbp_cellcanvas_features"))
			Files.createDirectories(staticRoot.resolve("ExperimentRuns/TS_6_4/VoxelSpacing10.000/" + type + ".zarr"));
		Files.createDirectories(staticRoot.resolve("ExperimentRuns/TS_6_4/VoxelSpacing20.000/wbp.zarr"));
		Files.createDirectories(staticRoot.resolve("ExperimentRuns/TS_5_4/VoxelSpacing10.000/isonetcorrected.zarr"));
		Files.createDirectories(overlay.resolve("ExperimentRuns/TS_5_4/Picks"));
		Files.createDirectories(overlay.resolve("ExperimentRuns/TS_99_9/Picks")); // picks only, no tomogram
		config = dir.resolve("train/copick_config.json");
		Files.writeString(config, "{\"name\": \"challenge\", \"pickable_objects\": [], "
				+ "\"overlay_root\": \"local://" + overlay.toAbsolutePath() + "\", \"static_root\": \"./static\"}");
	}

	private CopickTomogramChoices choices() {
		return CopickTomogramChoices.of(config).orElseThrow();
	}

	@Test
	void listsRunsSpacingsAndTypesOfBothRoots() {
		CopickTomogramChoices c = choices();
		assertEquals(List.of("TS_5_4", "TS_6_4", "TS_99_9"), c.runs());
		assertEquals(List.of(10.0, 20.0), c.voxelSpacings("TS_6_4"));
		assertEquals(List.of(10.0), c.voxelSpacings(""), "empty: the first run");
		assertEquals(List.of(), c.voxelSpacings("TS_99_9"));
		assertEquals(List.of(), c.voxelSpacings("no_such_run"));
		assertEquals(List.of("denoised", "ctfdeconvolved", "wbp"), c.tomogramTypes("TS_6_4", 10.0),
				"the default first, then by name; feature maps are not tomograms");
		assertEquals(List.of("denoised", "ctfdeconvolved", "wbp"), c.tomogramTypes("TS_6_4", 0), "0: the finest");
		assertEquals(List.of("wbp"), c.tomogramTypes("TS_6_4", 20.0004));
		assertEquals(List.of(), c.tomogramTypes("TS_6_4", 15));
		assertEquals(List.of("isonetcorrected"), c.tomogramTypes(null, 0));
		assertEquals("10.000", CopickProject.voxelSpacingText(10));
		assertEquals("10.012", CopickProject.voxelSpacingText(10.012444));
	}

	@Test
	void theProjectFolderListsTheSameAsItsConfig() throws IOException {
		Path folder = dir.resolve("train");
		assertEquals(List.of("TS_5_4", "TS_6_4", "TS_99_9"), CopickTomogramChoices.of(folder).orElseThrow().runs());
		Path plain = Files.createDirectories(dir.resolve("plain.zarr"));
		assertTrue(CopickTomogramChoices.of(plain).isEmpty(), "a plain tomogram is no project");
		assertTrue(CopickTomogramChoices.of(dir.resolve("missing")).isEmpty());
		assertTrue(CopickTomogramChoices.of(null).isEmpty());
	}

	@Test
	void choosesWithTheSharedDefaults() {
		CopickTomogramChoices c = choices();
		CopickTomogramChoices.Choice first = c.choose("", 0, "");
		assertEquals("TS_5_4", first.run());
		assertEquals("isonetcorrected", first.tomoType());
		assertEquals(staticRoot.resolve("ExperimentRuns/TS_5_4/VoxelSpacing10.000/isonetcorrected.zarr"),
				first.tomogram(), "the tomogram is read from the static root");
		CopickTomogramChoices.Choice denoised = c.choose("TS_6_4", 0, null);
		assertEquals(new CopickTomogramChoices.Choice("TS_6_4", 10.0, "denoised",
				staticRoot.resolve("ExperimentRuns/TS_6_4/VoxelSpacing10.000/denoised.zarr")), denoised);
		assertEquals(20.0, c.choose("TS_6_4", 20, "wbp").voxelSpacing());
		assertEquals("wbp", c.choose(" TS_6_4 ", 20.0001, " wbp ").tomoType(), "given text is stripped");
	}

	@Test
	void aChoiceTheProjectLacksFailsNamingTheProjectAndWhatItHas() {
		CopickTomogramChoices c = choices();
		TomoPickIoException run = assertThrows(TomoPickIoException.class, () -> c.choose("TS_1", 0, ""));
		assertEquals(config + ": the CoPick project has no run 'TS_1'; its runs are [TS_5_4, TS_6_4, TS_99_9]",
				run.getMessage());
		TomoPickIoException spacing = assertThrows(TomoPickIoException.class, () -> c.choose("TS_6_4", 13.48, ""));
		assertEquals(config + ": run 'TS_6_4' has no voxel spacing 13.480; it has [10.000, 20.000]",
				spacing.getMessage());
		TomoPickIoException type = assertThrows(TomoPickIoException.class, () -> c.choose("TS_6_4", 20, "denoised"));
		assertEquals(config + ": run 'TS_6_4' has no tomogram type 'denoised' at voxel spacing 20.000; it has [wbp]",
				type.getMessage());
		TomoPickIoException none = assertThrows(TomoPickIoException.class, () -> c.choose("TS_99_9", 0, ""));
		assertTrue(none.getMessage().contains("run 'TS_99_9' has no VoxelSpacing<size> folder"), none.getMessage());
	}
}
