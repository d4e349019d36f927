package org.tomopick.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;

class CziiCsvTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();

	@TempDir
	Path dir;

	private static Particle particle(String type, double x, double y, double z) {
		return new Particle(CZII.get(type), x, y, z, 1.0, Provenance.IMPORTED);
	}

	@Test
	void writesIdsInOrderAndReadsBack() throws IOException {
		Map<String, List<Particle>> byRun = new LinkedHashMap<>();
		byRun.put("TS_6_4", List.of(particle("ribosome", 1.5, 2.25, 3), particle("apo-ferritin", 6300.123456789, 0.1, 1e-4)));
		byRun.put("TS_5_4", List.of(particle("virus-like-particle", 10, 20, 30)));
		byRun.put("TS_empty", List.of());
		Path file = dir.resolve("submission.csv");
		CziiCsvWriter.write(file, byRun);

		List<String> lines = Files.readAllLines(file);
		assertEquals(List.of("id,experiment,particle_type,x,y,z", "0,TS_6_4,ribosome,1.5,2.25,3.0",
				"1,TS_6_4,apo-ferritin,6300.123456789,0.1,1.0E-4", "2,TS_5_4,virus-like-particle,10.0,20.0,30.0"),
				lines);

		Map<String, List<Particle>> read = CziiCsvReader.read(file, CZII);
		assertEquals(List.of("TS_6_4", "TS_5_4"), List.copyOf(read.keySet()));
		assertEquals(byRun.get("TS_6_4"), read.get("TS_6_4"));
		assertEquals(byRun.get("TS_5_4"), read.get("TS_5_4"));
	}

	@Test
	void readsAHandWrittenSubmission() throws IOException {
		Path file = dir.resolve("in.csv");
		Files.writeString(file, "\uFEFFid,experiment,particle_type,x,y,z\r\n"
				+ "0,TS_69_2,beta-amylase,100,200.5,-3\r\n\r\n"
				+ "1,TS_69_2, thyroglobulin ,1e3,2,3\r\n"
				+ "7,TS_73_6,beta-galactosidase,4,5,6\r\n");
		Map<String, List<Particle>> read = CziiCsvReader.read(file, CZII);
		assertEquals(2, read.get("TS_69_2").size());
		Particle t = read.get("TS_69_2").get(1);
		assertEquals("thyroglobulin", t.type().name());
		assertArrayEquals(new double[] { 1000, 2, 3 }, new double[] { t.x(), t.y(), t.z() });
		assertEquals(-3, read.get("TS_69_2").get(0).z());
		assertEquals("beta-galactosidase", read.get("TS_73_6").get(0).type().name());
	}

	private void assertFails(String content, String... fragments) throws IOException {
		Path file = dir.resolve("bad.csv");
		Files.writeString(file, content);
		TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> CziiCsvReader.read(file, CZII));
		assertTrue(e.getMessage().contains("bad.csv"), e.getMessage());
		for (String f : fragments)
			assertTrue(e.getMessage().contains(f), e.getMessage());
	}

	@Test
	void badLinesFailNamingFileAndLine() throws IOException {
		String h = "id,experiment,particle_type,x,y,z\n";
		assertFails(h + "0,TS_1,ribosome,1,2,3\n1,TS_1,membrane,1,2,3\n", "line 3", "membrane");
		assertFails(h + "0,TS_1,ribosome,1,abc,3\n", "line 2", "y", "abc");
		assertFails(h + "0,TS_1,ribosome,1,2,NaN\n", "line 2", "z");
		assertFails(h + "0,TS_1,ribosome,1,2\n", "line 2", "6 fields");
		assertFails(h + "x,TS_1,ribosome,1,2,3\n", "line 2", "id");
		assertFails("experiment,particle_type,x,y,z\n", "line 1", "header");
		assertFails("", "header");
	}

	@Test
	void writeRefusesNamesThatNeedQuotingAndKeepsTheOldFile() throws IOException {
		Path file = dir.resolve("keep.csv");
		Files.writeString(file, "old");
		assertThrows(IllegalArgumentException.class,
				() -> CziiCsvWriter.write(file, Map.of("TS,1", List.of(particle("ribosome", 1, 2, 3)))));
		assertEquals("old", Files.readString(file));
	}
}
