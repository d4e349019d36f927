package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DataType;
import org.tomopick.io.VolumeSource;
import org.tomopick.io.VolumeStatistics;
import org.tomopick.io.copick.CopickConfigCodec;
import org.tomopick.io.copick.CopickPicksLoader;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/** {@code tomopick simulate} writes a CoPick project that the Foundation readers read back, with the truth. */
class SimulateCommandTest {

	private static final double VS = 10.012444;

	@TempDir
	Path tmp;

	@Test
	void writesReadableTomogramsAndTruthForEveryRun() {
		Path root = tmp.resolve("sim");
		TomoPickCliTest.Run run = TomoPickCliTest.cli("simulate", "--out", root.toString(), "--shape", "40,96,96",
				"--runs", "2", "--seed", "5", "--density", "20000");

		assertEquals(0, run.code(), run.err());
		CopickProject project = new CopickProject(root);
		assertEquals(List.of("sim_5", "sim_6"), project.runs());
		ParticleCatalog catalog = CopickConfigCodec.read(root.resolve("copick_config.json")).toCatalog();
		assertEquals(ParticleCatalog.czii().classes().stream().map(c -> c.name()).toList(),
				catalog.classes().stream().map(c -> c.name()).toList());
		Map<String, List<Particle>> truth = new CopickPicksLoader(project, catalog).load("curation", "0", List.of());
		for (String r : project.runs()) {
			VolumeSource tomo = VolumeSource.open(project.tomogramPath(r, VS, "wbp"));
			assertEquals(VolumeSource.Format.OME_ZARR, tomo.format());
			assertEquals(3, tomo.levels());
			assertArrayEquals(new int[] { 40, 96, 96 }, tomo.shape(0));
			assertEquals(DataType.FLOAT32, tomo.dataType(0));
			assertEquals(VS, tomo.geometry().orElseThrow().voxelSize(0)[2], 1e-9);
			VolumeStatistics stats = VolumeStatistics.of(tomo.read(0));
			assertTrue(stats.std() > 1e-5 && stats.std() < 1e-3, "values at the scale of real data: " + stats.std());
			List<Particle> particles = truth.get(r);
			assertFalse(particles.isEmpty(), "run " + r + " has truth");
			assertTrue(run.out().contains("run " + r + ":") && run.out().contains(particles.size() + " particles"),
					run.out());
			for (Particle p : particles)
				assertTrue(p.x() >= 0 && p.x() <= 95 * VS && p.y() >= 0 && p.y() <= 95 * VS && p.z() >= 0
						&& p.z() <= 39 * VS, "inside the volume: " + p);
		}
		assertFalse(truth.get("sim_5").equals(truth.get("sim_6")), "runs differ");
	}

	@Test
	void theSameSeedWritesTheSameBytes() throws IOException {
		String[] args = { "--shape", "32,64,64", "--seed", "9", "--density", "20000" };
		Path a = tmp.resolve("a"), b = tmp.resolve("b");
		assertEquals(0, TomoPickCliTest.cli(concat("simulate", "--out", a.toString(), args)).code());
		assertEquals(0, TomoPickCliTest.cli(concat("simulate", "--out", b.toString(), args)).code());

		Path level0 = Path.of("ExperimentRuns/sim_9/VoxelSpacing10.012/wbp.zarr/0");
		List<Path> chunks = files(a.resolve(level0));
		assertFalse(chunks.isEmpty());
		for (Path chunk : chunks)
			assertArrayEquals(Files.readAllBytes(a.resolve(level0).resolve(chunk)),
					Files.readAllBytes(b.resolve(level0).resolve(chunk)), chunk.toString());
		Path picks = Path.of("ExperimentRuns/sim_9/Picks/curation_0_ribosome.json");
		assertEquals(Files.readString(a.resolve(picks)), Files.readString(b.resolve(picks)));
	}

	@Test
	void aCziiLayoutPlacesTheRealPicksThatFallInsideTheVolume() throws IOException {
		Path picksRoot = Path.of("../shared/data/czii-picks");
		int z = 40, y = 200, x = 200;
		int expected = 0;
		try (Stream<Path> files = Files.list(picksRoot.resolve("ExperimentRuns/TS_6_4/Picks"))) {
			for (Path f : files.toList())
				for (JsonElement p : JsonParser.parseString(Files.readString(f)).getAsJsonObject().getAsJsonArray("points")) {
					var l = p.getAsJsonObject().getAsJsonObject("location");
					if (l.get("x").getAsDouble() <= (x - 1) * VS && l.get("y").getAsDouble() <= (y - 1) * VS
							&& l.get("z").getAsDouble() <= (z - 1) * VS)
						expected++;
				}
		}
		Path root = tmp.resolve("czii");

		TomoPickCliTest.Run run = TomoPickCliTest.cli("simulate", "--out", root.toString(), "--layout",
				"czii:" + picksRoot + ":TS_6_4", "--shape", z + "," + y + "," + x, "--seed", "3");

		assertEquals(0, run.code(), run.err());
		assertTrue(expected > 0, "the test volume should hold some real picks");
		CopickProject project = new CopickProject(root);
		assertEquals(List.of("TS_6_4_s3"), project.runs());
		List<Particle> truth = new CopickPicksLoader(project, ParticleCatalog.czii()).load("curation", "0", List.of())
				.get("TS_6_4_s3");
		assertEquals(expected, truth.size());
	}

	@Test
	void badOptionsAreUsageErrors() {
		assertEquals(2, TomoPickCliTest.cli("simulate", "--out", tmp.toString(), "--shape", "10,10").code());
		// too large for the heap (the tests run with 6 GB) or for one array: refused up front, no OutOfMemoryError
		for (String shape : new String[] { "1200,1200,1200", "2000,2000,2000" }) {
			TomoPickCliTest.Run big = TomoPickCliTest.cli("simulate", "--out", tmp.toString(), "--shape", shape);
			assertEquals(2, big.code(), big.err());
			assertTrue(big.err().contains("too many voxels") || big.err().contains("GB of memory"), big.err());
		}
		assertEquals(2, TomoPickCliTest.cli("simulate", "--out", tmp.toString(), "--layout", "grid").code());
		assertEquals(2, TomoPickCliTest.cli("simulate", "--out", tmp.toString(), "--tilt-max", "95").code());
		assertEquals(2, TomoPickCliTest.cli("simulate", "--out", tmp.toString(), "--templates",
				tmp.resolve("none").toString()).code());
	}

	private static String[] concat(String a, String b, String c, String[] rest) {
		String[] all = new String[3 + rest.length];
		all[0] = a;
		all[1] = b;
		all[2] = c;
		System.arraycopy(rest, 0, all, 3, rest.length);
		return all;
	}

	private static List<Path> files(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
		}
	}
}
