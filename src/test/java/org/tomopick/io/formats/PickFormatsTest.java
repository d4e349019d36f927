package org.tomopick.io.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;

/**
 * Each pick format's conventions pinned by hand-worked numbers (a particle at x = 100 Å, y = 250 Å, z = 40 Å in a
 * 630 x 630 x 184 tomogram of 10 Å pixels), and every format round-tripped.
 */
class PickFormatsTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();
	private static final RunGeometry GEOMETRY = new RunGeometry(10, new int[] { 630, 630, 184 });

	@TempDir
	Path tmp;

	private static Map<String, List<Particle>> picks() {
		Map<String, List<Particle>> m = new LinkedHashMap<>();
		m.put("TS_1", List.of(new Particle(CZII.get("ribosome"), 100, 250, 40, 0.75, Provenance.FUSED),
				new Particle(CZII.get("apo-ferritin"), 3000.5, 20.25, 900, 0.5, Provenance.FUSED)));
		m.put("TS_2", List.of(new Particle(CZII.get("ribosome"), 6000, 6100, 1800, 0.9, Provenance.FUSED)));
		return m;
	}

	private String written(PickFormat f, String name) throws IOException {
		Path dir = tmp.resolve(f.id());
		PickFiles.write(f, dir, picks(), run -> GEOMETRY);
		return Files.readString(dir.resolve(name));
	}

	@Test
	void conventionsArePinned() throws IOException {
		// RELION 4: pixels, the first pixel's centre at 0: 100 / 10 = 10
		assertTrue(written(PickFormat.RELION4, "ribosome.star").contains("TS_1 10.0 25.0 4.0 0.75"));
		// RELION 5: Angstrom from the centre at pixel size/2: 100 - 315 * 10 = -3050, 40 - 92 * 10 = -880
		assertTrue(written(PickFormat.RELION5, "ribosome.star").contains("TS_1 -3050.0 -2900.0 -880.0 0.75"));
		// Dynamo: pixels from 1 (MATLAB): 100 / 10 + 1 = 11; tomogram number 1 = TS_1 in tomograms.doc
		String tbl = written(PickFormat.DYNAMO, "ribosome.tbl");
		String[] first = tbl.lines().findFirst().orElseThrow().split(" ");
		assertEquals(26, first.length);
		assertEquals("1", first[0]);
		assertEquals("1", first[19]);
		assertEquals(11.0, Double.parseDouble(first[23]));
		assertEquals(26.0, Double.parseDouble(first[24]));
		assertEquals(5.0, Double.parseDouble(first[25]));
		assertEquals("1 TS_1\n2 TS_2\n", Files.readString(tmp.resolve("dynamo/tomograms.doc")));
		// IMOD point list: pixels from 0
		assertEquals("10.0 25.0 4.0\n", written(PickFormat.IMOD, "TS_1_ribosome.txt"));
		// the challenge CSV with a score
		assertTrue(written(PickFormat.CSV, "picks.csv").startsWith("id,experiment,particle_type,x,y,z,score\n"
				+ "0,TS_1,ribosome,100.0,250.0,40.0,0.75\n"));
	}

	@Test
	void everyFormatRoundTrips() {
		for (PickFormat f : PickFormat.values()) {
			Path dir = tmp.resolve("rt-" + f.id());
			List<Path> files = PickFiles.write(f, dir, picks(), run -> GEOMETRY);
			Map<String, List<Particle>> back = new LinkedHashMap<>();
			for (Path file : files)
				if (!file.getFileName().toString().equals(PickFiles.DYNAMO_DOC))
					PickFiles.read(f, file, CZII, run -> GEOMETRY, null)
							.forEach((run, ps) -> back.computeIfAbsent(run, k -> new ArrayList<>()).addAll(ps));
			for (Map.Entry<String, List<Particle>> e : picks().entrySet()) {
				List<Particle> got = back.get(e.getKey());
				assertEquals(e.getValue().size(), got.size(), f + " " + e.getKey());
				for (Particle p : e.getValue())
					assertTrue(got.stream().anyMatch(q -> q.type().equals(p.type()) && Math.abs(q.x() - p.x()) < 1e-6
							&& Math.abs(q.y() - p.y()) < 1e-6 && Math.abs(q.z() - p.z()) < 1e-6), f + ": " + p);
			}
		}
	}

	@Test
	void badFilesNameTheFileAndWhatIsWrong() throws IOException {
		Path star = Files.writeString(tmp.resolve("ribosome.star"), "data_particles\nloop_\n_rlnTomoName #1\n"
				+ "_rlnCoordinateX #2\n_rlnCoordinateY #3\n_rlnCoordinateZ #4\nTS_1 1 2 nan\n");
		TomoPickIoException e = assertThrows(TomoPickIoException.class,
				() -> PickFiles.read(PickFormat.RELION4, star, CZII, run -> GEOMETRY, null));
		assertTrue(e.getMessage().contains("ribosome.star") && e.getMessage().contains("finite"), e.getMessage());
		Path unknown = Files.writeString(tmp.resolve("spliceosome.star"), "data_particles\nloop_\n_rlnTomoName #1\n");
		e = assertThrows(TomoPickIoException.class,
				() -> PickFiles.read(PickFormat.RELION4, unknown, CZII, run -> GEOMETRY, null));
		assertTrue(e.getMessage().contains("spliceosome") && e.getMessage().contains("not a particle class"));
		RunGeometry noSize = new RunGeometry(10, null);
		IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
				() -> PickFiles.write(PickFormat.RELION5, tmp.resolve("r5"), picks(), run -> noSize));
		assertTrue(size.getMessage().contains("--tomogram-size"), size.getMessage());
	}
}
