package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.adapt.AdaptationCard;
import org.tomopick.adapt.ModelAdaptation;
import org.tomopick.eval.CziiScore;
import org.tomopick.io.Sha256;
import org.tomopick.io.copick.CopickPicksLoader;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;

/**
 * {@code tomopick adapt} on tiny data: models fitted to one kind of tomogram (phantom maps, dose 100) are adapted
 * on one tomogram of another kind (the real density maps, dose 30) and then pick a second tomogram of that kind
 * better than before. The scores are computed here, from the picks each models folder gives.
 */
class AdaptCommandTest {

	private static final ParticleCatalog CATALOG = ParticleCatalog.czii();

	@TempDir
	Path tmp;

	@Test
	void adaptedModelsPickTheNewKindOfTomogramBetterAndTheStartingModelsAreUntouched() throws IOException {
		Path source = tmp.resolve("source"), target = tmp.resolve("target"), models = tmp.resolve("models");
		ok(TomoPickCliTest.cli("simulate", "--out", source.toString(), "--shape", "48,160,160", "--runs", "2",
				"--density", "30000", "--seed", "1"));
		ok(TomoPickCliTest.cli("train", "--branch", "unet", "--project", source.toString(), "--epochs", "1",
				"--steps", "2", "--width", "4", "--out", models.resolve("unet").toString()));
		ok(TomoPickCliTest.cli("train", "--branch", "yolo", "--project", source.toString(), "--epochs", "1",
				"--steps", "2", "--width", "4", "--out", models.resolve("yolo").toString()));
		ok(TomoPickCliTest.cli("train-classifier", "--models", models.toString(), "--project", source.toString(),
				"--runs", "sim_1", "--val-project", source.toString(), "--trees", "20"));
		ok(TomoPickCliTest.cli("tune", "--models", models.toString(), "--val", source.toString()));
		ok(TomoPickCliTest.cli("simulate", "--out", target.toString(), "--shape", "64,256,256", "--runs", "2",
				"--density", "60000", "--seed", "200", "--dose", "30", "--templates", "../shared/data/templates"));
		Map<String, String> startHashes = hashes(models);

		Path adapted = tmp.resolve("adapted");
		TomoPickCliTest.Run adapt = TomoPickCliTest.cli("adapt", "--project", target.toString(), "--runs", "sim_200",
				"--models", models.toString(), "--out", adapted.toString(), "--minutes", "1");
		ok(adapt);
		assertTrue(adapt.out().contains("held-out F4 (annotated classes):"), adapt.out());
		assertEquals(startHashes, hashes(models), "the starting models are not modified");
		for (String f : List.of("unet/unet.params", "unet/unet.json", "yolo/yolo.params", "yolo/yolo.json",
				"classifier/classifier.json", "pipeline.json", AdaptationCard.FILE))
			assertTrue(Files.isRegularFile(adapted.resolve(f)), f);
		assertFalse(Files.exists(ModelAdaptation.stagingFolder(adapted)), "no staging folder left");
		String card = Files.readString(adapted.resolve(AdaptationCard.FILE));
		for (Map.Entry<String, String> e : hashes(adapted).entrySet())
			if (!e.getKey().equals(AdaptationCard.FILE))
				assertTrue(card.contains("| `" + e.getKey() + "` | `" + e.getValue() + "` |"), e.getKey() + "\n" + card);
		assertTrue(card.contains("--runs sim_200"), card);

		double before = score(target, models, "before"), after = score(target, adapted, "after");
		System.out.printf(java.util.Locale.ROOT, "AdaptCommandTest: second tomogram of the new kind, weighted F4 %.3f "
				+ "with the starting models, %.3f adapted%n", before, after);
		assertTrue(after > before + 0.1, "second tomogram of the new kind: F4 " + before + " with the starting models, "
				+ after + " adapted\n" + adapt.out());

		// an existing, non-empty --out is never written over
		TomoPickCliTest.Run again = TomoPickCliTest.cli("adapt", "--project", target.toString(), "--runs", "sim_200",
				"--models", models.toString(), "--out", adapted.toString(), "--minutes", "1");
		assertEquals(2, again.code(), again.err());
		assertTrue(again.err().contains("is not empty"), again.err());
	}

	/** The weighted F4 of a models folder's picks of the target's second tomogram. */
	private double score(Path project, Path models, String session) {
		Path picks = tmp.resolve("picks");
		ok(TomoPickCliTest.cli("pick", "--input", project + ":sim_201", "--out", picks.toString(), "--models",
				models.toString(), "--session", session));
		Map<String, List<Particle>> truth = new CopickPicksLoader(new CopickProject(project), CATALOG).load("curation",
				null, List.of("sim_201"));
		Map<String, List<Particle>> picked = new CopickPicksLoader(new CopickProject(picks), CATALOG).load("tomopick",
				session, List.of("sim_201"));
		return new CziiScore(CATALOG).score(truth, picked).weightedFBeta();
	}

	private static Map<String, String> hashes(Path dir) throws IOException {
		Map<String, String> out = new TreeMap<>();
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path f : s.filter(Files::isRegularFile).toList())
				out.put(dir.relativize(f).toString().replace('\\', '/'), Sha256.of(f));
		}
		return out;
	}

	private static void ok(TomoPickCliTest.Run run) {
		assertEquals(0, run.code(), run.out() + run.err());
	}
}
