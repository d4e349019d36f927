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
		// Warp/M: an unnamed table; pixels from 0 at the first voxel's centre (100 / 10 = 10), angles 0 (ZYZ), the
		// tilt series' .tomostar name, the score, and the pixel size as M reads it (10 x 10^4 / 10000 = 10 A)
		String warp = written(PickFormat.WARP, "ribosome.star");
		assertTrue(warp.contains("\ndata_\n\nloop_\n_rlnCoordinateX #1\n_rlnCoordinateY #2\n_rlnCoordinateZ #3\n"
				+ "_rlnAngleRot #4\n_rlnAngleTilt #5\n_rlnAnglePsi #6\n_rlnMicrographName #7\n"
				+ "_rlnAutopickFigureOfMerit #8\n_rlnDetectorPixelSize #9\n_rlnMagnification #10\n"
				+ "10.0 25.0 4.0 0 0 0 TS_1.tomostar 0.75 10.0 10000.0\n"), warp);
		assertTrue(warp.contains("600.0 610.0 180.0 0 0 0 TS_2.tomostar 0.9 10.0 10000.0\n"), warp);
		// 3000.5 / 10 = 300.05, 20.25 / 10 = 2.025: plain digits, never E notation
		assertTrue(written(PickFormat.WARP, "apo-ferritin.star").contains("300.05 2.025 90.0 0 0 0 TS_1.tomostar"));
	}

	@Test
	void warpTablesAreReadAsWarpToolsAndMReadThem() throws IOException {
		Map<String, RunGeometry> sizes = Map.of("TS_01", GEOMETRY, "TS_02", new RunGeometry(5, null));
		// the layout of Warp's documentation for ts_export_particles: pixels at --coords_angpix (here the run's
		// tomogram's, 10 A and 5 A), a .tomostar name with a folder, angles (dropped)
		Path doc = Files.writeString(tmp.resolve("ribosome.star"), "data_\n\nloop_\n_rlnCoordinateX #1\n"
				+ "_rlnCoordinateY #2\n_rlnCoordinateZ #3\n_rlnAngleRot #4\n_rlnAngleTilt #5\n_rlnAnglePsi #6\n"
				+ "_rlnMicrographName #7\n443.5 214.25 203.0 54.1 -29.7 92.7 tomostar/TS_01.tomostar\n"
				+ "20 30 40 0 0 0 TS_02.tomostar\n");
		Map<String, List<Particle>> read = PickFiles.read(PickFormat.WARP, doc, CZII, sizes::get, null);
		assertPlace(read.get("TS_01").get(0), 4435, 2142.5, 2030);
		assertPlace(read.get("TS_02").get(0), 100, 150, 200);
		assertEquals("ribosome", read.get("TS_01").get(0).type().name());
		// a table that states its pixel size (detector pixel 7.5 x 10^4 / magnification 10000 = 7.5 A, as Warp writes
		// its particle tables) and origin shifts, subtracted in Angstrom or in pixels: x = 100 x 7.5 - 15 = 735
		Path stated = Files.writeString(tmp.resolve("apo-ferritin.star"), "data_\nloop_\n_rlnCoordinateX #1\n"
				+ "_rlnCoordinateY #2\n_rlnCoordinateZ #3\n_rlnOriginXAngst #4\n_rlnOriginYAngst #5\n"
				+ "_rlnOriginZAngst #6\n_rlnMicrographName #7\n_rlnDetectorPixelSize #8\n_rlnMagnification #9\n"
				+ "_rlnAutopickFigureOfMerit #10\n100 200 10 15 -7.5 0 TS_01.tomostar 7.5 10000.0 6.5\n");
		Particle p = PickFiles.read(PickFormat.WARP, stated, CZII, sizes::get, null).get("TS_01").get(0);
		assertPlace(p, 735, 1507.5, 75);
		assertEquals(6.5, p.score());
		// M's own table: wrpCoordinate*1 already in Angstrom, the run from wrpSourceName
		Path m = Files.writeString(tmp.resolve("thyroglobulin.star"), "data_\nloop_\n_wrpCoordinateX1 #1\n"
				+ "_wrpCoordinateY1 #2\n_wrpCoordinateZ1 #3\n_wrpAngleRot1 #4\n_wrpAngleTilt1 #5\n_wrpAnglePsi1 #6\n"
				+ "_wrpSourceName #7\n_wrpSourceHash #8\n1234.5 678.25 90 0 0 0 TS_02.tomostar abc123\n");
		assertPlace(PickFiles.read(PickFormat.WARP, m, CZII, sizes::get, null).get("TS_02").get(0), 1234.5, 678.25,
				90);
		// Warp's template matching writes coordinates normalised to the volume: refused, not read as pixels
		Path normalised = Files.writeString(tmp.resolve("beta-amylase.star"), "data_\nloop_\n_rlnCoordinateX #1\n"
				+ "_rlnCoordinateY #2\n_rlnCoordinateZ #3\n_rlnMicrographName #4\n0.25 0.5 0.75 TS_01.tomostar\n"
				+ "0.1 0.9 0.4 TS_01.tomostar\n");
		TomoPickIoException e = assertThrows(TomoPickIoException.class,
				() -> PickFiles.read(PickFormat.WARP, normalised, CZII, sizes::get, null));
		assertTrue(e.getMessage().contains("beta-amylase.star") && e.getMessage().contains("normalised"),
				e.getMessage());
		// no tilt-series column: the run must be given
		Path bare = Files.writeString(tmp.resolve("virus-like-particle.star"), "data_\nloop_\n_rlnCoordinateX #1\n"
				+ "_rlnCoordinateY #2\n_rlnCoordinateZ #3\n12 13 14\n");
		e = assertThrows(TomoPickIoException.class,
				() -> PickFiles.read(PickFormat.WARP, bare, CZII, sizes::get, null));
		assertTrue(e.getMessage().contains("virus-like-particle.star") && e.getMessage().contains("run"),
				e.getMessage());
		assertPlace(PickFiles.read(PickFormat.WARP, bare, CZII, sizes::get, "TS_02").get("TS_02").get(0), 60, 65,
				70);
	}

	private static void assertPlace(Particle p, double x, double y, double z) {
		assertEquals(x, p.x(), 1e-9, "x");
		assertEquals(y, p.y(), 1e-9, "y");
		assertEquals(z, p.z(), 1e-9, "z");
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
