package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.copick.CopickPicksWriter;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.mrc.MrcReader;
import org.tomopick.io.mrc.MrcVolume;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The CLI contract that other tools depend on: exit codes, printed tables and the JSON keys. */
class TomoPickCliTest {

	private static final Path FIXTURES = Path.of("../shared/data/zarr-fixtures");
	private static final Path TEMPLATES = Path.of("../shared/data/templates");

	@TempDir
	Path tmp;

	record Run(int code, String out, String err) {
	}

	static Run cli(String... args) {
		StringWriter out = new StringWriter(), err = new StringWriter();
		int code = TomoPickCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(code, out.toString(), err.toString());
	}

	@Test
	void evaluateScoresAHandMadeCaseAndWritesTheJsonKeys() throws IOException {
		ParticleCatalog catalog = ParticleCatalog.czii();
		ParticleClass ribosome = catalog.get("ribosome");
		CopickProject truth = new CopickProject(tmp.resolve("truth"));
		CopickProject picks = new CopickProject(tmp.resolve("picks"));
		Files.createDirectories(truth.picksFolder("r1"));
		Files.createDirectories(picks.picksFolder("r1"));
		CopickPicksWriter.writeRun(truth, "r1", "curation", "0", 10.0, List.of(
				new Particle(ribosome, 1000, 1000, 1000, 1, Provenance.IMPORTED),
				new Particle(ribosome, 3000, 3000, 3000, 1, Provenance.IMPORTED)), catalog);
		// 70 A from the first truth point: inside 0.5 x 150 A = 75 A; the second pick hits nothing.
		CopickPicksWriter.writeRun(picks, "r1", "tomopick", "0", 10.0, List.of(
				new Particle(ribosome, 1070, 1000, 1000, 0.9, Provenance.FUSED),
				new Particle(ribosome, 5000, 5000, 5000, 0.8, Provenance.FUSED)), catalog);
		Path json = tmp.resolve("score.json");

		Run run = cli("evaluate", "--truth", truth.root().toString(), "--picks", picks.root().toString(), "--json",
				json.toString());

		assertEquals(0, run.code(), run.err());
		assertTrue(run.out().contains("ribosome"), run.out());
		JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
		JsonObject r = root.getAsJsonObject("classes").getAsJsonObject("ribosome");
		assertEquals(1, r.get("tp").getAsInt());
		assertEquals(1, r.get("fp").getAsInt());
		assertEquals(1, r.get("fn").getAsInt());
		assertEquals(0.5, r.get("precision").getAsDouble(), 1e-12);
		assertEquals(0.5, r.get("recall").getAsDouble(), 1e-12);
		// F4 = 17 P R / (16 P + R) = 17 * 0.25 / 8.5 = 0.5
		assertEquals(0.5, r.get("f4").getAsDouble(), 1e-12);
		assertEquals(70.0, r.get("loc_err_A").getAsDouble(), 1e-9);
		// only the ribosome has truth: 1 x 0.5 / (1 + 0 + 2 + 1 + 2 + 1)
		assertEquals(0.5 / 7, root.get("czii_f4").getAsDouble(), 1e-12);
	}

	@Test
	void badInputGivesExitCode2AndOneLineWithoutStackTrace() throws IOException {
		Path project = tmp.resolve("bad");
		Path picksFile = project.resolve("ExperimentRuns/r1/Picks/curation_0_ribosome.json");
		Files.createDirectories(picksFile.getParent());
		Files.writeString(picksFile, "{\"pickable_object_name\": \"ribosome\", \"points\": [");

		Run run = cli("evaluate", "--truth", project.toString(), "--picks", project.toString());

		assertEquals(2, run.code());
		assertTrue(run.err().contains("curation_0_ribosome.json"), run.err());
		assertEquals(1, run.err().strip().lines().count(), run.err());
		assertFalse(run.err().contains("\tat "), run.err());
	}

	@Test
	void everyCommandsHelpRendersWithoutFormatWarnings() {
		java.io.PrintStream stderr = System.err;
		java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
		System.setErr(new java.io.PrintStream(warnings, true));
		try {
			picocli.CommandLine cli = new picocli.CommandLine(new TomoPickCli());
			for (String name : cli.getSubcommands().keySet()) {
				Run help = cli(name, "--help");
				assertEquals(0, help.code(), name + ": " + help.err());
				assertTrue(help.out().contains("Usage: tomopick " + name), help.out());
				assertFalse(help.out().contains("%n") || help.out().contains("%%"), name + ": " + help.out());
			}
		} finally {
			System.setErr(stderr);
		}
		assertEquals("", warnings.toString(), "picocli's warnings (a lone % in a description)");
	}

	@Test
	void pickFindsTheShippedModelsFromAnyFolder() throws Exception {
		Path project = tmp.resolve("p");
		assertEquals(0, cli("simulate", "--out", project.toString(), "--shape", "16,64,64", "--runs", "1", "--density",
				"20000").code());
		Path log = tmp.resolve("child.log");
		// as the tomopick launcher runs it: from another working folder, with its own folder as tomopick.home
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "-Dtomopick.home=" + Path.of("").toAbsolutePath(),
				TomoPickCli.class.getName(), "pick", "--input", project.toString(), "--out",
				tmp.resolve("o").toString()).directory(tmp.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile()).start();
		assertEquals(0, child.waitFor(), Files.readString(log));
		assertTrue(Files.readString(log).contains("run sim_1:"), Files.readString(log));
	}

	@Test
	void missingFilesAndUnknownOptionsAreUsageErrors() {
		assertEquals(2, cli("info", tmp.resolve("nothing.mrc").toString()).code());
		assertEquals(2, cli("evaluate", "--truth", tmp.toString()).code());
		assertEquals(2, cli("no-such-command").code());
	}

	@Test
	void infoOfTheOmeZarrFixtureMatchesZarrPython() throws IOException {
		Path json = tmp.resolve("info.json");
		JsonObject expected = JsonParser.parseString(Files.readString(FIXTURES.resolve("expected.json")))
				.getAsJsonObject().getAsJsonObject("ome_multiscale/0");

		Run run = cli("info", FIXTURES.resolve("ome_multiscale.zarr").toString(), "--json", json.toString());

		assertEquals(0, run.code(), run.err());
		String text = Files.readString(json);
		assertTrue(text.contains("\"dtype\": \"<f4\""), text);
		JsonObject info = JsonParser.parseString(text).getAsJsonObject();
		assertEquals(expected.get("shape"), info.get("shape"));
		assertEquals("<f4", info.get("dtype").getAsString());
		assertEquals(10.012444, info.get("voxel_size").getAsDouble(), 1e-9);
		assertEquals(3, info.get("levels").getAsInt());
		assertEquals(expected.get("sum").getAsDouble(), info.get("sum").getAsDouble(), 1e-9);
		assertTrue(info.get("min").getAsDouble() <= info.get("mean").getAsDouble());
		assertTrue(info.get("mean").getAsDouble() <= info.get("max").getAsDouble());
	}

	@Test
	void convertMrcToOmeZarrAndBackKeepsValuesAndVoxelSize() {
		Path mrc = TEMPLATES.resolve("8cpv.mrc");
		Path zarr = tmp.resolve("8cpv.zarr");
		Path back = tmp.resolve("8cpv-back.mrc");

		assertEquals(0, cli("convert", mrc.toString(), zarr.toString()).code());
		Run second = cli("convert", zarr.toString(), back.toString());

		assertEquals(0, second.code(), second.err());
		MrcVolume original = MrcReader.read(mrc);
		MrcVolume roundTrip = MrcReader.read(back);
		assertArrayEquals(original.volume().shape(), roundTrip.volume().shape());
		assertArrayEquals((float[]) original.volume().data(), (float[]) roundTrip.volume().data());
		assertArrayEquals(original.voxelSizeZyx(), roundTrip.voxelSizeZyx(), 1e-4);
	}

	@Test
	void convertRefusesToOverwriteWithoutTheOption() throws IOException {
		Path out = tmp.resolve("existing.mrc");
		Files.writeString(out, "precious");

		Run run = cli("convert", TEMPLATES.resolve("8cpv.mrc").toString(), out.toString());

		assertEquals(2, run.code());
		assertTrue(run.err().contains("--overwrite"), run.err());
		assertEquals("precious", Files.readString(out));
		assertEquals(0, cli("convert", TEMPLATES.resolve("8cpv.mrc").toString(), out.toString(), "--overwrite").code());
		DenseVolume replaced = MrcReader.read(out).volume();
		assertArrayEquals(new int[] { 52, 52, 52 }, replaced.shape());
	}
}
