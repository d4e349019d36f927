package org.tomopick.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The real CZII training truth (5 runs, read in place from ../shared/data/czii-picks) scored against edits of itself. */
class CziiScoreRealDataTest {

	private static final Path RUNS = Path.of("../shared/data/czii-picks/ExperimentRuns");
	private static final ParticleCatalog CZII = ParticleCatalog.czii();
	private static Map<String, List<Particle>> truth;

	@BeforeAll
	static void load() throws IOException {
		assertTrue(Files.isDirectory(RUNS), "shared CZII picks (../shared beside the checkout) not found at " + RUNS.toAbsolutePath());
		truth = new TreeMap<>();
		try (Stream<Path> files = Files.walk(RUNS)) {
			for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
				String run = f.getParent().getParent().getFileName().toString();
				try (Reader in = Files.newBufferedReader(f)) {
					JsonObject o = JsonParser.parseReader(in).getAsJsonObject();
					ParticleClass c = CZII.get(o.get("pickable_object_name").getAsString());
					for (JsonElement e : o.getAsJsonArray("points")) {
						JsonObject loc = e.getAsJsonObject().getAsJsonObject("location");
						Particle p = new Particle(c, loc.get("x").getAsDouble(), loc.get("y").getAsDouble(),
								loc.get("z").getAsDouble(), 1, Provenance.IMPORTED);
						truth.computeIfAbsent(run, k -> new ArrayList<>()).add(p);
					}
				}
			}
		}
	}

	@Test
	void truthAgainstItselfShiftedByTenAngstromScoresOne() {
		Map<String, List<Particle>> picks = new HashMap<>();
		truth.forEach((run, list) -> picks.put(run,
				list.stream().map(p -> p.withPosition(p.x() + 6, p.y() + 8, p.z())).toList()));
		ScoreReport r = new CziiScore(CZII).score(truth, picks);
		assertEquals(836, truth.values().stream().mapToInt(List::size).sum());
		assertEquals(1.0, r.weightedFBeta(), 1e-12);
		for (ClassScore s : r.classes().values()) {
			assertEquals(0, s.fp());
			assertEquals(0, s.fn());
			assertEquals(10.0, s.meanLocalisationErrorAngstrom(), 1e-9);
		}
	}

	@Test
	void missingOneRunLowersRecallByItsShare() {
		String dropped = "TS_73_6";
		Map<String, List<Particle>> picks = new HashMap<>(truth);
		picks.remove(dropped);
		ScoreReport r = new CziiScore(CZII).score(truth, picks);
		double weighted = 0;
		for (ParticleClass c : CZII.classes()) {
			long all = truth.values().stream().flatMap(List::stream).filter(p -> p.type().equals(c)).count();
			long lost = truth.get(dropped).stream().filter(p -> p.type().equals(c)).count();
			double recall = (double) (all - lost) / all;
			double f4 = 17 * recall / (16 + recall); // precision 1
			ClassScore s = r.classes().get(c.name());
			assertEquals(all - lost, s.tp());
			assertEquals(lost, s.fn());
			assertEquals(f4, s.fBeta(), 1e-12);
			weighted += c.scoreWeight() * f4;
		}
		assertEquals(weighted / 7, r.weightedFBeta(), 1e-12);
	}
}
