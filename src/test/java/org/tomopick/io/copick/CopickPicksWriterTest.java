package org.tomopick.io.copick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class CopickPicksWriterTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();

	@TempDir
	Path dir;

	private static List<Particle> particles(ParticleClass type, int n, long seed) {
		Random r = new Random(seed);
		List<Particle> list = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			double a = r.nextDouble() * Math.PI;
			double[] t = { Math.cos(a), -Math.sin(a), 0, r.nextDouble(), Math.sin(a), Math.cos(a), 0, 0, 0, 0, 1,
					-2.5, 0, 0, 0, 1 };
			list.add(new Particle(type, r.nextDouble() * 6300, r.nextDouble() * 6300, r.nextDouble() * 1840,
					r.nextDouble(), Provenance.IMPORTED, t, i + 1));
		}
		return list;
	}

	@Test
	void roundTripKeepsEverything() {
		CopickProject project = new CopickProject(dir);
		ParticleClass ribosome = CZII.get("ribosome");
		CopickPicks picks = new CopickPicks("ribosome", "tomopick", "1", "TS_5_4", 10.012, false,
				particles(ribosome, 25, 1));
		Path file = CopickPicksWriter.write(project, picks);
		assertEquals(dir.resolve("ExperimentRuns/TS_5_4/Picks/tomopick_1_ribosome.json"), file);
		CopickPicks read = CopickPicksReader.read(file, CZII);
		assertEquals(picks, read); // record equality: every field and every particle (position, score, matrix, id)
	}

	@Test
	void writesCopickSchemaInKeyOrder() throws IOException {
		Path file = dir.resolve("picks.json");
		Particle p = particles(CZII.get("apo-ferritin"), 1, 2).get(0);
		CopickPicksWriter.write(file, new CopickPicks("apo-ferritin", "u", "0", "run1", null, true, List.of(p)));
		String text = Files.readString(file);
		String[] keys = { "\"pickable_object_name\"", "\"user_id\"", "\"session_id\"", "\"run_name\"",
				"\"voxel_spacing\"", "\"unit\"", "\"trust_orientation\"", "\"points\"", "\"location\"", "\"x\"",
				"\"y\"", "\"z\"", "\"transformation_\"", "\"instance_id\"", "\"score\"" };
		int last = -1;
		for (String k : keys) {
			int at = text.indexOf(k);
			assertTrue(at > last, k + " out of order in\n" + text);
			last = at;
		}
		JsonObject root = JsonParser.parseString(text).getAsJsonObject();
		assertTrue(root.get("voxel_spacing").isJsonNull());
		assertEquals("angstrom", root.get("unit").getAsString());
		JsonObject point = root.getAsJsonArray("points").get(0).getAsJsonObject();
		assertEquals(p.x(), point.getAsJsonObject("location").get("x").getAsDouble());
		JsonArray t = point.getAsJsonArray("transformation_");
		assertEquals(4, t.size());
		double[] expected = p.transformation();
		for (int r = 0; r < 4; r++)
			for (int c = 0; c < 4; c++)
				assertEquals(expected[4 * r + c], t.get(r).getAsJsonArray().get(c).getAsDouble());
		assertEquals(1, point.get("instance_id").getAsInt());
	}

	@Test
	void failureHalfWayLeavesExistingFileByteIdentical() throws IOException {
		CopickProject project = new CopickProject(dir);
		List<Particle> good = particles(CZII.get("ribosome"), 5, 3);
		Path file = CopickPicksWriter.write(project, new CopickPicks("ribosome", "u", "0", "r", null, true, good));
		byte[] before = Files.readAllBytes(file);
		Iterable<Particle> failing = () -> new Iterator<>() {
			int i;

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public Particle next() {
				if (i == 3)
					throw new IllegalStateException("particle source failed");
				return particles(CZII.get("ribosome"), 1, 100 + i++).get(0);
			}
		};
		assertThrows(IllegalStateException.class,
				() -> CopickPicksWriter.write(file, "ribosome", "u", "0", "r", null, true, failing));
		assertArrayEquals(before, Files.readAllBytes(file));
		try (Stream<Path> s = Files.list(file.getParent())) {
			assertEquals(1, s.count(), "no temporary file is left behind");
		}
		// a particle of the wrong class fails too, also after some points are out
		List<Particle> mixed = new ArrayList<>(good);
		mixed.add(particles(CZII.get("thyroglobulin"), 1, 4).get(0));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CopickPicksWriter.write(file,
				new CopickPicks("ribosome", "u", "0", "r", null, true, mixed)));
		assertTrue(e.getMessage().contains("thyroglobulin"), e.getMessage());
		assertArrayEquals(before, Files.readAllBytes(file));
	}

	@Test
	void writeRunGivesOneFilePerCatalogClass() {
		CopickProject project = new CopickProject(dir);
		List<Particle> all = new ArrayList<>(particles(CZII.get("ribosome"), 4, 5));
		all.addAll(particles(CZII.get("apo-ferritin"), 3, 6));
		all.add(particles(CZII.get("ribosome"), 1, 7).get(0));
		List<Path> files = CopickPicksWriter.writeRun(project, "TS_1", "tomopick", "2", 10.0, all, CZII);
		assertEquals(6, files.size());
		List<CopickPicksFileRef> refs = project.picksFiles("TS_1");
		assertEquals(6, refs.size());
		int total = 0;
		for (CopickPicksFileRef ref : refs) {
			assertEquals("tomopick", ref.userId());
			assertEquals("2", ref.sessionId());
			CopickPicks picks = CopickPicksReader.read(ref.path(), CZII);
			assertEquals(ref.objectName(), picks.objectName());
			int expected = switch (ref.objectName()) {
			case "ribosome" -> 5;
			case "apo-ferritin" -> 3;
			default -> 0;
			};
			assertEquals(expected, picks.particles().size(), ref.objectName());
			total += picks.particles().size();
		}
		assertEquals(8, total);
		List<Particle> ribosomes = CopickPicksReader.read(project.picksPath("TS_1", "tomopick", "2", "ribosome"), CZII)
				.particles();
		assertEquals(all.get(7), ribosomes.get(4)); // order within a class is kept
	}
}
