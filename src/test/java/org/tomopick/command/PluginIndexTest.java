package org.tomopick.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/**
 * The SciJava annotation processor indexes our commands into META-INF/json/org.scijava.plugin.Plugin (what Fiji
 * reads to build its menus): every command is there with its menu path, and a context finds each of them.
 */
class PluginIndexTest {

	private static final Map<String, String> MENU_PATHS = Map.of(
			"org.tomopick.command.OpenTomogramCommand", "Plugins>TomoPick>Open Tomogram",
			"org.tomopick.command.ImportPicksCommand", "Plugins>TomoPick>Import Picks",
			"org.tomopick.command.ExportPicksCommand", "Plugins>TomoPick>Export Picks",
			"org.tomopick.command.EvaluatePicksCommand", "Plugins>TomoPick>Evaluate Picks",
			"org.tomopick.command.GenerateSyntheticTomogramCommand", "Plugins>TomoPick>Generate Synthetic Tomogram",
			"org.tomopick.command.PickParticlesCommand", "Plugins>TomoPick>Pick Particles",
			"org.tomopick.command.TrainModelCommand", "Plugins>TomoPick>Train Model",
			"org.tomopick.command.AdaptModelsCommand", "Plugins>TomoPick>Adapt Models");

	@Test
	void indexListsEveryCommandWithItsMenuPath() throws IOException {
		String index;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/json/org.scijava.plugin.Plugin")) {
			assertNotNull(in, "no SciJava plugin index on the classpath");
			index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, String> found = new LinkedHashMap<>();
		Matcher m = Pattern.compile("\\{\"class\":\"(org\\.tomopick\\.[^\"]+)\",\"values\":\\{([^}]*)\\}").matcher(index);
		while (m.find()) {
			Matcher menu = Pattern.compile("\"menuPath\":\"([^\"]+)\"").matcher(m.group(2));
			found.put(m.group(1), menu.find() ? menu.group(1) : null);
		}
		assertEquals(MENU_PATHS, found);
	}

	@Test
	void contextFindsEveryCommandUnderPluginsTomoPick() {
		try (Context context = new Context()) {
			CommandService commands = context.service(CommandService.class);
			MENU_PATHS.forEach((cls, path) -> {
				CommandInfo info = commands.getCommand(cls);
				assertNotNull(info, cls + " is not known to the CommandService");
				assertEquals(path.replace(">", " > "), info.getMenuPath().getMenuString());
			});
		}
	}

	/**
	 * Values that belong to one project (its folder, runs, users, sessions, output) are never remembered between
	 * calls: a macro that leaves one out must not get the last project's value in silence (SciJava would fill it from
	 * its preferences). Nor are the choices that lose or leak particles when carried over: "replace the current
	 * particles" (Import, Pick) and "export the hidden particles too". The models folder and the settings are
	 * remembered.
	 */
	@Test
	void projectValuesAreNeverRemembered() throws ClassNotFoundException {
		java.util.Set<String> projectValues = java.util.Set.of("path", "project", "source", "truth", "picks", "run",
				"runs", "val_runs", "user", "session", "truth_user", "truth_session", "picks_user", "picks_session",
				"output", "include_hidden", "replace");
		int checked = 0;
		for (String cls : MENU_PATHS.keySet())
			for (java.lang.reflect.Field f : Class.forName(cls).getDeclaredFields()) {
				org.scijava.plugin.Parameter p = f.getAnnotation(org.scijava.plugin.Parameter.class);
				boolean choice = p != null && p.choices().length > 0;
				if (p == null || p.type() == org.scijava.ItemIO.OUTPUT || choice || !projectValues.contains(f.getName())
						|| !(f.getType() == String.class || f.getType() == java.io.File.class
								|| f.getType() == boolean.class))
					continue;
				checked++;
				org.junit.jupiter.api.Assertions.assertFalse(p.persist(), cls + "." + f.getName() + " is remembered");
			}
		org.junit.jupiter.api.Assertions.assertTrue(checked >= 25, "checked " + checked);
	}
}
