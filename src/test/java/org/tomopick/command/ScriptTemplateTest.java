package org.tomopick.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.python.core.PyObject;
import org.python.util.PythonInterpreter;
import org.scijava.Context;
import org.scijava.command.CommandService;

/**
 * The shipped Python script template ({@code scripts/tomopick_script_template.py}) runs as Fiji's script editor runs
 * it: Jython 2.7, its {@code #@} parameters given as variables of those names (SciJava's script parameters), its
 * {@code #@output} read back after the script. It opens a simulated CoPick project with its truth, exports the picks
 * and scores them against the truth: 1.0.
 */
class ScriptTemplateTest {

	private static final Pattern PARAMETER = Pattern.compile("^#@(output)?\\s*(\\w+)(?:\\s*\\([^)]*\\))?\\s+(\\w+)\\s*$");

	@TempDir
	Path dir;

	@Test
	void theShippedScriptTemplateRunsAsDocumented() throws Exception {
		Path script = Path.of("scripts/tomopick_script_template.py");
		List<String[]> parameters = new ArrayList<>(); // {output?, type, name}
		for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
			Matcher m = PARAMETER.matcher(line.strip());
			if (m.matches())
				parameters.add(new String[] { m.group(1) == null ? "" : "output", m.group(2), m.group(3) });
		}
		assertEquals(List.of("CommandService command", "File project", "String run_name", "File out", "Double score"),
				parameters.stream().map(p -> p[1] + " " + p[2]).toList(), "the template's parameters");
		Path project = dir.resolve("project");
		Path out = Files.createDirectories(dir.resolve("out"));
		try (Context context = new Context()) {
			CommandTestSupport.run(context, GenerateSyntheticTomogramCommand.class,
					CommandTestSupport.tinySimulation(project.toFile(), "sim_7", 7));
			try (PythonInterpreter python = new PythonInterpreter()) {
				python.set("command", context.service(CommandService.class));
				python.set("project", project.toFile());
				python.set("run_name", "sim_7");
				python.set("out", out.toFile());
				python.execfile(script.toAbsolutePath().toString());
				PyObject score = python.get("score");
				assertTrue(score != null, "the script sets its output 'score'");
				assertEquals(1.0, score.asDouble(), 1e-9, "the truth exported and scored against itself");
			}
		}
		try (var picks = Files.list(out.resolve("ExperimentRuns/sim_7/Picks"))) {
			assertTrue(picks.anyMatch(p -> p.getFileName().toString().startsWith("tomopick_1_")),
					"the picks were exported as tomopick/1");
		}
	}
}
