package org.tomopick.io.copick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class CopickPicksReaderTest {

	static final Path CZII = Path.of("../shared/data/czii-picks");
	private static final double[] IDENTITY = { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 };

	@TempDir
	Path dir;

	@Test
	void readsAllFiveCziiRunsWithTheirPointCounts() throws IOException {
		CopickProject project = new CopickProject(CZII);
		assertEquals(Set.of("TS_5_4", "TS_69_2", "TS_6_4", "TS_6_6", "TS_73_6"), Set.copyOf(project.runs()));
		ParticleCatalog catalog = ParticleCatalog.czii();
		int total = 0;
		for (String run : project.runs()) {
			List<CopickPicksFileRef> refs = project.picksFiles(run);
			assertEquals(6, refs.size(), run);
			Set<String> objects = new TreeSet<>();
			for (CopickPicksFileRef ref : refs) {
				// an independent look at the file: gson's tree, no TomoPick code
				JsonObject raw = JsonParser.parseString(Files.readString(ref.path())).getAsJsonObject();
				int expected = raw.getAsJsonArray("points").size();
				CopickPicks picks = CopickPicksReader.read(ref.path(), catalog);
				assertEquals(expected, picks.particles().size(), ref.path().toString());
				String stem = ref.path().getFileName().toString().replace(".json", "");
				assertEquals(stem, ref.objectName()); // the name has no user/session: taken from the content
				assertEquals(stem, picks.objectName());
				assertEquals("curation", ref.userId());
				assertEquals("0", ref.sessionId());
				assertEquals(run, picks.runName());
				assertNull(picks.voxelSpacing());
				assertTrue(picks.trustOrientation());
				for (Particle p : picks.particles()) {
					assertEquals(stem, p.type().name());
					assertEquals(1.0, p.score()); // the files have no score
					assertEquals(Provenance.IMPORTED, p.provenance());
				}
				objects.add(ref.objectName());
				total += expected;
			}
			assertEquals(new TreeSet<>(catalog.classes().stream().map(c -> c.name()).toList()), objects);
		}
		assertEquals(836, total); // SOURCE.md
	}

	@Test
	void firstApoFerritinOfTs54() {
		CopickPicks picks = CopickPicksReader.read(CZII.resolve("ExperimentRuns/TS_5_4/Picks/apo-ferritin.json"),
				ParticleCatalog.czii());
		Particle first = picks.particles().get(0);
		assertEquals(468.514, first.x());
		assertEquals(5915.906, first.y());
		assertEquals(604.167, first.z());
		assertEquals(0, first.instanceId());
		assertArrayEquals(IDENTITY, first.transformation());
		assertEquals(60, first.type().radiusAngstrom());
	}

	private Path file(String name, String json) throws IOException {
		Path f = dir.resolve(name);
		Files.writeString(f, json);
		return f;
	}

	@Test
	void acceptsMissingOptionalFields() throws IOException {
		Path f = file("min.json", "{\"pickable_object_name\": \"ribosome\", \"user_id\": \"u\", \"session_id\": \"1\","
				+ " \"points\": [{\"location\": {\"x\": 1, \"y\": 2.5, \"z\": -3}},"
				+ " {\"location\": {\"x\": 4, \"y\": 5, \"z\": 6}, \"score\": 0.25, \"instance_id\": 7,"
				+ " \"transformation_\": [[0,-1,0,10],[1,0,0,20],[0,0,1,30],[0,0,0,1]]}]}");
		CopickPicks picks = CopickPicksReader.read(f, ParticleCatalog.czii());
		assertNull(picks.runName());
		assertNull(picks.voxelSpacing());
		assertTrue(picks.trustOrientation());
		Particle a = picks.particles().get(0);
		assertEquals(1.0, a.score());
		assertEquals(0, a.instanceId());
		assertArrayEquals(IDENTITY, a.transformation());
		assertEquals(-3, a.z());
		Particle b = picks.particles().get(1);
		assertEquals(0.25, b.score());
		assertEquals(7, b.instanceId());
		assertArrayEquals(new double[] { 0, -1, 0, 10, 1, 0, 0, 20, 0, 0, 1, 30, 0, 0, 0, 1 }, b.transformation());
	}

	@Test
	void readsVoxelSpacingAndTrustOrientation() throws IOException {
		Path f = file("vs.json", "{\"pickable_object_name\": \"thyroglobulin\", \"user_id\": \"u\", \"session_id\": \"0\","
				+ " \"run_name\": \"r\", \"voxel_spacing\": 10.012, \"unit\": \"angstrom\", \"trust_orientation\": false,"
				+ " \"points\": []}");
		CopickPicks picks = CopickPicksReader.read(f, ParticleCatalog.czii());
		assertEquals(10.012, picks.voxelSpacing());
		assertEquals(false, picks.trustOrientation());
		assertEquals(0, picks.particles().size());
	}

	private static void assertFails(Path f, String... fragments) {
		TomoPickIoException e = assertThrows(TomoPickIoException.class,
				() -> CopickPicksReader.read(f, ParticleCatalog.czii()));
		assertTrue(e.getMessage().contains(f.getFileName().toString()), e.getMessage());
		for (String s : fragments)
			assertTrue(e.getMessage().contains(s), e.getMessage());
	}

	@Test
	void badFilesFailNamingFileAndProblem() throws IOException {
		String head = "{\"pickable_object_name\": \"ribosome\", \"user_id\": \"u\", \"session_id\": \"0\", ";
		assertFails(file("broken.json", head + "\"points\": [{\"location\": {\"x\": 1,"), "malformed JSON");
		assertFails(file("nan.json", head + "\"points\": [{\"location\": {\"x\": 1, \"y\": 2, \"z\": 3}},"
				+ " {\"location\": {\"x\": NaN, \"y\": 2, \"z\": 3}}]}"), "point 1", "x");
		assertFails(file("nanstring.json", head + "\"points\": [{\"location\": {\"x\": 1, \"y\": \"NaN\", \"z\": 3}}]}"),
				"point 0", "y");
		assertFails(file("inf.json", head + "\"points\": [{\"location\": {\"x\": 1, \"y\": 2, \"z\": 1e999}}]}"),
				"point 0", "z");
		assertFails(file("missing.json", head + "\"points\": [{\"location\": {\"x\": 1, \"y\": 2}}]}"), "point 0",
				"no z");
		assertFails(file("noloc.json", head + "\"points\": [{\"score\": 1}]}"), "point 0", "location");
		assertFails(file("text.json", head + "\"points\": [{\"location\": {\"x\": \"abc\", \"y\": 2, \"z\": 3}}]}"),
				"point 0", "x");
		assertFails(file("unit.json", head + "\"unit\": \"nanometer\", \"points\": []}"), "nanometer");
		assertFails(file("unknown.json", "{\"pickable_object_name\": \"membrane\", \"user_id\": \"u\","
				+ " \"session_id\": \"0\", \"points\": []}"), "membrane");
		assertFails(file("nouser.json", "{\"pickable_object_name\": \"ribosome\", \"session_id\": \"0\"}"), "user_id");
		assertFails(file("matrix.json", head + "\"points\": [{\"location\": {\"x\": 1, \"y\": 2, \"z\": 3},"
				+ " \"transformation_\": [[1,0,0],[0,1,0],[0,0,1]]}]}"), "point 0", "transformation_");
		assertFails(file("array.json", "[1, 2]"), "JSON object");
	}
}
