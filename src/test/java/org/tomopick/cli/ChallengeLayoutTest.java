package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.copick.CopickProject;

/**
 * A project laid out as the CZII challenge and the CryoET Data Portal lay it out: tomograms under a static root
 * ({@code static/ExperimentRuns/<run>/VoxelSpacing10.000/denoised.zarr}, whose NGFF scale says 10.012 Å), picks
 * under an overlay root ({@code overlay/ExperimentRuns/<run>/Picks/<object>.json}, {@code voxel_spacing: null}),
 * and a config that names both. Picked, evaluated and opened without renaming anything.
 */
class ChallengeLayoutTest {

	@TempDir
	Path tmp;
	Path config;
	Path staticRoot;
	Path overlay;

	@BeforeEach
	void challengeLayout() throws IOException {
		Path sim = tmp.resolve("sim");
		assertEquals(0, TomoPickCliTest.cli("simulate", "--out", sim.toString(), "--shape", "32,96,96", "--runs", "1",
				"--density", "20000", "--tomo-type", "denoised").code());
		staticRoot = tmp.resolve("train/static");
		overlay = tmp.resolve("train/overlay");
		Path spacing = staticRoot.resolve("ExperimentRuns/sim_1/VoxelSpacing10.000");
		Files.createDirectories(spacing);
		Files.move(sim.resolve("ExperimentRuns/sim_1/VoxelSpacing10.012/denoised.zarr"),
				spacing.resolve("denoised.zarr"));
		Path picks = Files.createDirectories(overlay.resolve("ExperimentRuns/sim_1/Picks"));
		try (Stream<Path> s = Files.list(sim.resolve("ExperimentRuns/sim_1/Picks"))) {
			for (Path f : s.toList()) {
				String object = f.getFileName().toString().replace("curation_0_", "");
				Files.writeString(picks.resolve(object), Files.readString(f)
						.replaceAll("\"voxel_spacing\": [0-9.]+", "\"voxel_spacing\": null"));
			}
		}
		config = tmp.resolve("train/config/copick_config.json");
		Files.createDirectories(config.getParent());
		Files.writeString(config, Files.readString(sim.resolve("copick_config.json"))
				.replaceAll("\"overlay_root\": \"[^\"]*\"", "\"overlay_root\": \"local://" + overlay.toAbsolutePath()
						+ "\", \"static_root\": \"../static\""));
	}

	@Test
	void pickedEvaluatedAndOpenedFromTheConfig() throws IOException {
		CopickProject project = CopickProject.open(config);
		assertEquals(overlay.toAbsolutePath(), project.root().toAbsolutePath());
		assertEquals(List.of("sim_1"), project.runs());
		assertEquals(List.of(10.0), project.voxelSpacings("sim_1"));
		assertTrue(project.tomograms("sim_1", 10.0).get("denoised").startsWith(staticRoot.toAbsolutePath()));

		Path out = tmp.resolve("out");
		TomoPickCliTest.Run pick = TomoPickCliTest.cli("pick", "--input", config.toString(), "--out", out.toString(),
				"--models", "models");
		assertEquals(0, pick.code(), pick.err());
		assertTrue(pick.out().contains("run sim_1:"), pick.out());
		assertTrue(Files.isRegularFile(out.resolve("copick_config.json")), "copick can open the result");
		TomoPickCliTest.Run eval = TomoPickCliTest.cli("evaluate", "--truth", config.toString(), "--picks",
				out.toString(), "--user", "tomopick");
		assertEquals(0, eval.code(), eval.err());
		assertTrue(eval.out().contains("weighted F4"), eval.out());

		// picks asked into the project go to the overlay root, never into the static one
		assertEquals(0, TomoPickCliTest.cli("pick", "--input", config + ":sim_1", "--out", config.toString(),
				"--models", "models", "--session", "1").code());
		assertTrue(Files.isRegularFile(overlay.resolve("ExperimentRuns/sim_1/Picks/tomopick_1_ribosome.json")));
		assertFalse(Files.exists(staticRoot.resolve("ExperimentRuns/sim_1/Picks")));

		// the folder that holds the config stands for the project too
		TomoPickCliTest.Run again = TomoPickCliTest.cli("evaluate", "--truth", config.getParent().toString(),
				"--truth-user", "curation", "--picks", config.toString(), "--user", "tomopick", "--session", "1");
		assertEquals(0, again.code(), again.err());
	}

	@Test
	void aTomogramFileOfARunIsPickedUnderItsRunsName() {
		Path tomogram = staticRoot.resolve("ExperimentRuns/sim_1/VoxelSpacing10.000/denoised.zarr");
		Path out = tmp.resolve("out");
		TomoPickCliTest.Run pick = TomoPickCliTest.cli("pick", "--input", tomogram.toString(), "--out",
				out.toString(), "--models", "models");
		assertEquals(0, pick.code(), pick.err());
		assertTrue(pick.out().contains("run sim_1:"), "named after its run folder, not 'denoised': " + pick.out());
		TomoPickCliTest.Run named = TomoPickCliTest.cli("pick", "--input", tomogram.toString(), "--out",
				out.toString(), "--models", "models", "--run", "TS_99_1");
		assertEquals(0, named.code(), named.err());
		assertTrue(Files.isDirectory(out.resolve("ExperimentRuns/TS_99_1/Picks")));
	}

	@Test
	void fijiOpensTheStaticTomogramAndKeepsPicksInTheOverlay() throws Exception {
		Class<?> locator = Class.forName("org.tomopick.command.TomogramLocator");
		var locate = locator.getDeclaredMethod("locate", Path.class, String.class, double.class, String.class);
		locate.setAccessible(true);
		Object located = locate.invoke(null, config, "", 0.0, "");
		var volume = located.getClass().getDeclaredMethod("volume");
		var run = located.getClass().getDeclaredMethod("copickRun");
		volume.setAccessible(true);
		run.setAccessible(true);
		assertTrue(((Path) volume.invoke(located)).startsWith(staticRoot.toAbsolutePath()));
		assertEquals(overlay.toAbsolutePath(), ((org.tomopick.ui.CopickRunRef) run.invoke(located)).root()
				.toAbsolutePath());
	}
}
