package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

/**
 * The same particles (a CZII layout, same seed and physical extent) simulated at 10.012 Å, 13.48 Å and 7.84 Å and
 * picked with the shipped 20 Å models: 10.012 Å is binned by 2, the others are resampled to exactly 20 Å, and the
 * picks score within 0.05 of each other. Before resampling, the other two were refused.
 */
class AnyVoxelSizeTest {

	@TempDir
	Path tmp;

	@Test
	void theSameParticlesAtThreeVoxelSizesScoreAlike() throws IOException {
		Map<String, String> shapes = new LinkedHashMap<>();
		shapes.put("10.012444", "96,320,320");
		shapes.put("13.48", "71,237,237");
		shapes.put("7.84", "122,408,408");
		Map<String, Double> scores = new LinkedHashMap<>();
		for (Map.Entry<String, String> e : shapes.entrySet()) {
			Path project = tmp.resolve("p" + e.getKey()), picks = tmp.resolve("o" + e.getKey());
			assertEquals(0, TomoPickCliTest.cli("simulate", "--out", project.toString(), "--layout",
					"czii:../shared/data/czii-picks:TS_73_6", "--runs", "1", "--seed", "5", "--voxel", e.getKey(),
					"--shape", e.getValue(), "--templates", "../shared/data/templates").code());
			TomoPickCliTest.Run pick = TomoPickCliTest.cli("pick", "--input", project.toString(), "--out",
					picks.toString(), "--models", "models");
			assertEquals(0, pick.code(), pick.err());
			Path json = tmp.resolve("score" + e.getKey() + ".json");
			assertEquals(0, TomoPickCliTest.cli("evaluate", "--truth", project.toString(), "--picks",
					picks.toString(), "--user", "tomopick", "--json", json.toString()).code());
			scores.put(e.getKey(), JsonParser.parseString(Files.readString(json)).getAsJsonObject()
					.get("czii_f4").getAsDouble());
		}
		double reference = scores.get("10.012444");
		assertTrue(reference > 0.8, "the reference picks well: " + scores);
		for (double s : scores.values())
			assertEquals(reference, s, 0.05, "voxel size changes the score: " + scores);
		System.out.println("weighted F4 by voxel size (A): " + scores);
	}
}
