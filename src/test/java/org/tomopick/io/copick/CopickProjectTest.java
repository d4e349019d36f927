package org.tomopick.io.copick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopickProjectTest {

	@TempDir
	Path dir;

	@Test
	void listsRunsVoxelSpacingsAndTomograms() throws IOException {
		Path vs10 = dir.resolve("ExperimentRuns/TS_1/VoxelSpacing10.012");
		Files.createDirectories(vs10.resolve("denoised.zarr"));
		Files.createDirectories(vs10.resolve("wbp.zarr"));
		Files.createDirectories(vs10.resolve("wbp_cellcanvas_features.zarr"));
		Files.createDirectories(vs10.resolve(".hidden.zarr"));
		Files.createFile(vs10.resolve("notes.zarr")); // a file, not a zarr folder
		Files.createDirectories(dir.resolve("ExperimentRuns/TS_1/VoxelSpacing20.024"));
		Files.createDirectories(dir.resolve("ExperimentRuns/TS_1/Segmentations"));
		Files.createDirectories(dir.resolve("ExperimentRuns/TS_2"));
		Files.createFile(dir.resolve("ExperimentRuns/readme.txt"));

		CopickProject project = new CopickProject(dir);
		assertEquals(List.of("TS_1", "TS_2"), project.runs());
		assertEquals(List.of(10.012, 20.024), project.voxelSpacings("TS_1"));
		assertEquals(List.of(), project.voxelSpacings("TS_2"));
		Map<String, Path> tomograms = project.tomograms("TS_1", 10.012);
		assertEquals(Map.of("denoised", vs10.resolve("denoised.zarr"), "wbp", vs10.resolve("wbp.zarr")), tomograms);
		assertEquals(vs10.resolve("denoised.zarr"), project.tomogramPath("TS_1", 10.0124, "denoised"));
		assertEquals(Map.of(), project.tomograms("TS_1", 5));
		assertEquals(List.of(), new CopickProject(dir.resolve("nowhere")).runs());
	}

	@Test
	void voxelSpacingFolderHasThreeDecimals() {
		assertEquals("VoxelSpacing10.000", CopickProject.voxelSpacingFolderName(10));
		assertEquals("VoxelSpacing10.012", CopickProject.voxelSpacingFolderName(10.012444));
		assertEquals("VoxelSpacing7.500", CopickProject.voxelSpacingFolderName(7.4999999));
	}

	@Test
	void picksPathsFollowCopickNaming() {
		CopickProject project = new CopickProject(dir);
		assertEquals(dir.resolve("ExperimentRuns/TS_5_4/Picks/tomopick_0_beta-amylase.json"),
				project.picksPath("TS_5_4", "tomopick", "0", "beta-amylase"));
		assertThrows(IllegalArgumentException.class, () -> project.picksPath("r", "my_user", "0", "ribosome"));
		assertThrows(IllegalArgumentException.class, () -> project.picksPath("r", "u", "0", "a/b"));
		assertThrows(IllegalArgumentException.class, () -> project.picksPath("../x", "u", "0", "ribosome"));
		assertThrows(IllegalArgumentException.class, () -> project.picksPath("r", "", "0", "ribosome"));
	}

	@Test
	void defaultTomogramIsDenoisedThenWbpThenTheFirst() {
		assertEquals("denoised", CopickProject.defaultTomogramType(List.of("isonetcorrected", "wbp", "denoised")));
		assertEquals("wbp", CopickProject.defaultTomogramType(List.of("isonetcorrected", "wbp", "ctfdeconvolved")));
		assertEquals("isonetcorrected", CopickProject.defaultTomogramType(List.of("isonetcorrected", "other")));
		assertEquals(null, CopickProject.defaultTomogramType(List.of()));
	}
}
