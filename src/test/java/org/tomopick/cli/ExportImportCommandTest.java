package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

/**
 * {@code export} then {@code import} in every format, through the command line: a simulated run's truth goes out
 * and comes back into another project, and scores 1.0 against itself (every particle within the CZII distance of
 * where it was, with its class).
 */
class ExportImportCommandTest {

	@TempDir
	Path tmp;

	@Test
	void everyFormatGoesOutAndComesBackWhole() throws IOException {
		Path project = tmp.resolve("project");
		assertEquals(0, TomoPickCliTest.cli("simulate", "--out", project.toString(), "--shape", "32,96,96", "--runs",
				"1", "--density", "40000").code());
		for (String format : List.of("relion5", "relion4", "dynamo", "imod", "csv", "warp")) {
			Path out = tmp.resolve("out-" + format), back = tmp.resolve("back-" + format);
			TomoPickCliTest.Run export = TomoPickCliTest.cli("export", "--picks", project.toString(), "--format",
					format, "--out", out.toString());
			assertEquals(0, export.code(), format + ": " + export.err());
			try (Stream<Path> files = Files.list(out)) {
				for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".doc")).toList()) {
					TomoPickCliTest.Run imp = TomoPickCliTest.cli("import", "--in", f.toString(), "--format", format,
							"--out", back.toString(), "--project", project.toString());
					assertEquals(0, imp.code(), format + " " + f.getFileName() + ": " + imp.err());
				}
			}
			Path json = tmp.resolve(format + ".json");
			TomoPickCliTest.Run eval = TomoPickCliTest.cli("evaluate", "--truth", project.toString(), "--picks",
					back.toString(), "--user", "imported", "--json", json.toString());
			assertEquals(0, eval.code(), format + ": " + eval.err());
			double f4 = JsonParser.parseString(Files.readString(json)).getAsJsonObject().get("czii_f4").getAsDouble();
			assertEquals(1.0, f4, 1e-9, format + ": " + eval.out());
		}
		TomoPickCliTest.Run bad = TomoPickCliTest.cli("export", "--picks", project.toString(), "--format", "pdb",
				"--out", tmp.resolve("x").toString());
		assertEquals(2, bad.code());
		assertTrue(bad.err().contains("relion5"), bad.err());
	}
}
