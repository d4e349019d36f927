package org.tomopick.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class ScoreReportTest {

	/** ribosome: 4 truth, 3 hit, 1 extra pick, mean error 12 A; thyroglobulin: 2 truth, no picks. */
	private static ScoreReport sample() {
		Map<String, ClassScore> classes = new LinkedHashMap<>();
		classes.put("ribosome", new ClassScore(3, 1, 1, 0.75, 0.75, 0.75, 12.0, 0.25, 0.25, 4, 4));
		classes.put("thyroglobulin", new ClassScore(0, 0, 2, 0, 0, 0, Double.NaN, 0, 1, 2, 0));
		return new ScoreReport(0.75 / 7, classes, Map.of("ribosome", 1.0, "thyroglobulin", 2.0), 4, 0);
	}

	@Test
	void jsonHasTheAgreedShape() {
		JsonObject root = JsonParser.parseString(sample().toJson()).getAsJsonObject();
		assertEquals(List.of("czii_f4", "classes"), new ArrayList<>(root.keySet()));
		assertEquals(0.75 / 7, root.get("czii_f4").getAsDouble(), 0);
		JsonObject classes = root.getAsJsonObject("classes");
		assertEquals(List.of("ribosome", "thyroglobulin"), new ArrayList<>(classes.keySet()));
		JsonObject rib = classes.getAsJsonObject("ribosome");
		assertEquals(List.of("tp", "fp", "fn", "precision", "recall", "f4", "loc_err_A", "fdr", "miss_rate"),
				new ArrayList<>(rib.keySet()));
		assertEquals(3, rib.get("tp").getAsInt());
		assertEquals(1, rib.get("fp").getAsInt());
		assertEquals(1, rib.get("fn").getAsInt());
		assertEquals(0.75, rib.get("f4").getAsDouble(), 0);
		assertEquals(12.0, rib.get("loc_err_A").getAsDouble(), 0);
		assertEquals(0.25, rib.get("fdr").getAsDouble(), 0);
		JsonObject thy = classes.getAsJsonObject("thyroglobulin");
		assertTrue(thy.get("loc_err_A").isJsonNull(), "no hit: no localisation error");
		assertEquals(1.0, thy.get("miss_rate").getAsDouble(), 0);
	}

	@Test
	void tableEndsWithTheWeightedScore() {
		String table = sample().toTable();
		String[] lines = table.strip().split("\n");
		assertEquals(4, lines.length, table);
		assertTrue(lines[0].startsWith("class"), table);
		assertTrue(lines[1].startsWith("ribosome") && lines[1].contains("12.00"), table);
		assertTrue(lines[2].startsWith("thyroglobulin") && lines[2].contains(" - "), table);
		assertEquals(String.format(java.util.Locale.ROOT, "weighted F4 (CZII score): %.6f", 0.75 / 7), lines[3]);
	}

	@Test
	void inconsistentCountsAreRejected() {
		assertThrows(IllegalArgumentException.class, () -> new ClassScore(3, 1, 1, 0, 0, 0, 0, 0, 0, 5, 4));
		assertThrows(IllegalArgumentException.class,
				() -> new ScoreReport(0, sample().classes(), Map.of("ribosome", 1.0), 4, 0));
	}

	@Test
	void classScoreOfFollowsTheOrganisersFormulas() {
		// tp 3 of 5 truth, 6 picks: P 0.5, R 0.6, F4 = 17 * 0.3 / (8 + 0.6)
		ClassScore s = ClassScore.of(3, 5, 6, 30, 4);
		assertEquals(List.of(3, 3, 2), List.of(s.tp(), s.fp(), s.fn()));
		assertEquals(5.1 / 8.6, s.fBeta(), 1e-15);
		assertEquals(10.0, s.meanLocalisationErrorAngstrom(), 0);
		ClassScore none = ClassScore.of(0, 0, 0, 0, 4);
		assertEquals(0.0, none.precision());
		assertEquals(0.0, none.recall());
		assertEquals(0.0, none.fBeta());
	}
}
