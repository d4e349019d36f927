package org.tomopick.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.csv.CziiCsvReader;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;

import ij.IJ;
import ij.Menus;

/**
 * Plain ImageJ 1.x macros calling TomoPick in a headless JVM: the entries of our plugins.config are registered the
 * way ImageJ registers a jar's plugins.config (its command table), then a macro runs them with snake_case keys.
 */
class MacroCommandBridgeTest {

	private static final Pattern ENTRY = Pattern.compile("^([^,#]+),\\s*\"([^\"]+)\",\\s*(.+)$");

	@TempDir
	Path dir;

	/** Label -> "class(\"arg\")" of every line of plugins.config (from the classpath, as ImageJ reads the jar). */
	static Map<String, String> pluginsConfigEntries() throws IOException {
		Map<String, String> entries = new java.util.LinkedHashMap<>();
		try (InputStream in = MacroCommandBridgeTest.class.getResourceAsStream("/plugins.config")) {
			assertNotNull(in, "plugins.config is not on the classpath (it belongs at the root of the jar)");
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				Matcher m = ENTRY.matcher(line.strip());
				if (m.matches())
					entries.put(m.group(2), m.group(3).strip());
			}
		}
		return entries;
	}

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void registerPluginsConfig() throws Exception {
		// headless ImageJ cannot build its menu bar, so its command table is filled here, from our plugins.config
		Field table = Menus.class.getDeclaredField("pluginsTable");
		table.setAccessible(true);
		if (table.get(null) == null)
			table.set(null, new Hashtable<String, String>());
		((Hashtable<String, String>) table.get(null)).putAll(pluginsConfigEntries());
	}

	@Test
	void everyCommandHasAMacroEntry() throws IOException {
		Map<String, String> entries = pluginsConfigEntries();
		for (String command : List.of("Open Tomogram", "Import Picks", "Export Picks", "Evaluate Picks",
				"Generate Synthetic Tomogram", "Pick Particles", "Train Model")) {
			String target = entries.get("TomoPick " + command);
			assertNotNull(target, "plugins.config has no entry 'TomoPick " + command + "'");
			String cls = "org.tomopick.command." + command.replace(" ", "") + "Command";
			assertEquals("org.tomopick.command.MacroCommandBridge(\"" + cls + "\")", target);
		}
	}

	@Test
	void batchMacroSimulatesOpensExportsAndEvaluates() throws IOException {
		Path project = dir.resolve("my project");
		Path csv = dir.resolve("picks.csv");
		String macro = String.join("\n",
				"run(\"TomoPick Generate Synthetic Tomogram\", \"output=[" + project + "] run=sim_m size_x=64 "
						+ "size_y=64 size_z=40 voxel_size=10 density=60000 max_tilt=60 tilt_step=6 dose=100 seed=3\");",
				"run(\"TomoPick Open Tomogram\", \"path=[" + project + "] run=sim_m tomo_type=wbp level=0 load_picks "
						+ "picks_user=curation\");",
				"n = nSlices;",
				"run(\"TomoPick Export Picks\", \"format=CSV output=[" + csv + "]\");",
				"run(\"TomoPick Evaluate Picks\", \"truth=[" + project + "] truth_user=curation picks=[" + csv
						+ "]\");",
				"return \"\" + n;");
		String result = IJ.runMacro(macro);
		assertEquals("40", result, "the macro sees the opened tomogram as its current image");
		assertTrue(Files.isDirectory(project.resolve("ExperimentRuns/sim_m/VoxelSpacing10.000/wbp.zarr")));
		List<Particle> exported = CziiCsvReader.read(csv, ParticleCatalog.czii()).get("sim_m");
		assertTrue(exported.size() >= 3, "the truth picks went through open -> export, had " + exported.size());
	}

	@Test
	void aFailingCommandStopsTheMacro() {
		String result = IJ.runMacro("run(\"TomoPick Open Tomogram\", \"path=[" + dir.resolve("none.zarr")
				+ "]\");\nreturn \"went on\";");
		assertNotEquals("went on", result, "the macro must stop at the failed command");
	}

	@Test
	void checkboxKeysFollowImageJsRule() {
		assertNull(ij.Macro.getValue("path=/a load_picks ", "load_picks", null),
				"ImageJ gives no value for a bare key, so the bridge looks for the bare word");
		assertEquals(3, MacroCommandBridge.convert("level", "3", int.class));
		IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
				() -> MacroCommandBridge.convert("level", "three", int.class));
		assertTrue(e.getMessage().startsWith("level:"), e.getMessage());
	}

	/**
	 * The shipped batch macro, run as the README says (its options as the argument, keys in any order, one of them
	 * holding a space): every run opened, exported twice, and scored; the keys are read as whole words, so
	 * {@code truth_user=} is not taken for {@code user=}.
	 */
	@Test
	void theShippedBatchMacroRunsAsDocumented() throws IOException {
		Path project = dir.resolve("batch project");
		Path out = Files.createDirectories(dir.resolve("batch out"));
		for (String run : List.of("sim_a", "sim_b"))
			IJ.runMacro("run(\"TomoPick Generate Synthetic Tomogram\", \"output=[" + project + "] run=" + run
					+ " size_x=64 size_y=64 size_z=32 voxel_size=10 density=60000 max_tilt=60 tilt_step=6 dose=100 "
					+ "seed=4\");");
		String result = IJ.runMacroFile(Path.of("scripts/tomopick_batch.ijm").toAbsolutePath().toString(),
				"out=[" + out + "] session=0 user=curation project=[" + project + "]");
		assertNotEquals("[aborted]", result);
		for (String run : List.of("sim_a", "sim_b")) {
			assertTrue(Files.isRegularFile(out.resolve(run + ".csv")), run);
			assertTrue(Files.isRegularFile(out.resolve("copick/ExperimentRuns/" + run
					+ "/Picks/tomopick_1_ribosome.json")), run);
		}
		com.google.gson.JsonObject score = com.google.gson.JsonParser.parseString(
				Files.readString(out.resolve("score.json"))).getAsJsonObject();
		assertEquals(1.0, score.get("czii_f4").getAsDouble(), 1e-9, "the truth exported and scored against itself");
	}

	@Test
	void keysAreWholeWordsInAnyOrder() {
		MacroOptions o = MacroOptions.parse("truth_user=curation picks=[/my data/p] user=tomopick load_picks");
		assertEquals("tomopick", o.value("user").orElseThrow());
		assertEquals("curation", o.value("truth_user").orElseThrow());
		assertEquals("/my data/p", o.value("picks").orElseThrow());
		assertTrue(o.has("load_picks") && o.value("load_picks").isEmpty());
		assertFalse(o.has("session"));
		assertEquals("curation", ij.Macro.getValue("truth_user=curation user=tomopick", "user", null),
				"ImageJ's own reader finds user= inside truth_user= (why MacroOptions exists)");
		assertTrue(MacroOptions.parse("truth_user=curation").value("user").isEmpty());
	}
}
