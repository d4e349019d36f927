package org.tomopick.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.classify.TemplateScores.WorkingMap;
import org.tomopick.fuse.FusedParticle;
import org.tomopick.grid.Normalisation;
import org.tomopick.grid.WorkingGrid;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;

import com.google.gson.JsonObject;

class TemplateScoresTest {

	private static final ParticleCatalog CATALOG = ParticleCatalog.czii();
	private static final List<String> NAMES = CATALOG.classes().stream().map(ParticleClass::name).toList();
	private static final double VOXEL = 20;

	@TempDir
	Path tmp;

	/** A rod (half-lengths 6, 2, 2 voxels along x, y, z) and a hollow shell (radii 2 to 3.5), positive = protein. */
	private static Map<String, WorkingMap> maps() {
		int n = 17;
		float[] rod = new float[n * n * n], shell = new float[n * n * n];
		for (int z = 0, i = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++, i++) {
					double dx = x - 8, dy = y - 8, dz = z - 8;
					if (dx * dx / 36 + dy * dy / 4 + dz * dz / 4 <= 1)
						rod[i] = 1;
					double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
					if (r >= 2 && r <= 3.5)
						shell[i] = 1;
				}
		Map<String, WorkingMap> maps = new LinkedHashMap<>();
		maps.put("thyroglobulin", new WorkingMap(n, rod));
		maps.put("apo-ferritin", new WorkingMap(n, shell));
		return maps;
	}

	/** Adds -map (protein dark), turned by the rotation {@code r} (row-major), centred at voxel (cz, cy, cx). */
	private static void place(float[] v, int size, WorkingMap map, double[] r, int cz, int cy, int cx) {
		int n = map.n();
		double c = (n - 1) / 2.0;
		for (int z = -10; z <= 10; z++)
			for (int y = -10; y <= 10; y++)
				for (int x = -10; x <= 10; x++) {
					// the map's point that lands here: the transpose of r applied to the offset
					double mx = r[0] * x + r[3] * y + r[6] * z, my = r[1] * x + r[4] * y + r[7] * z,
							mz = r[2] * x + r[5] * y + r[8] * z;
					int ix = (int) Math.round(c + mx), iy = (int) Math.round(c + my), iz = (int) Math.round(c + mz);
					if (ix < 0 || iy < 0 || iz < 0 || ix >= n || iy >= n || iz >= n)
						continue;
					v[((cz + z) * size + cy + y) * size + cx + x] -= map.data()[(iz * n + iy) * n + ix];
				}
	}

	@Test
	void eachMapScoresHighestOnItsOwnParticleInNoise() {
		Map<String, WorkingMap> maps = maps();
		TemplateScores scores = new TemplateScores(NAMES, maps, VOXEL);
		int size = 64;
		float[] v = new float[size * size * size];
		Random noise = new Random(3);
		for (int i = 0; i < v.length; i++)
			v[i] = (float) (0.5 * noise.nextGaussian());
		double a = Math.toRadians(37), b = Math.toRadians(61);
		double[] turned = { Math.cos(a), -Math.sin(a), 0, Math.sin(a) * Math.cos(b), Math.cos(a) * Math.cos(b),
				-Math.sin(b), Math.sin(a) * Math.sin(b), Math.cos(a) * Math.sin(b), Math.cos(b) };
		place(v, size, maps.get("thyroglobulin"), turned, 20, 20, 20);
		place(v, size, maps.get("apo-ferritin"), new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, 44, 44, 44);
		TomogramSampler sampler = new TomogramSampler(new WorkingGrid(v, new int[] { size, size, size }, 1, VOXEL,
				Normalisation.ROBUST_Z));
		List<FusedParticle> points = new ArrayList<>();
		points.add(point(20, 20, 20)); // the rod
		points.add(point(44, 44, 44)); // the shell
		Random places = new Random(5);
		for (int k = 0; k < 40; k++) // empty places, away from both
			points.add(point(8 + places.nextInt(4), 52 + places.nextInt(4), 8 + places.nextInt(48)));
		double[][] f = scores.score(sampler, points);
		List<String> names = scores.names();
		assertEquals(3 * NAMES.size(), names.size());
		int rodBest = names.indexOf("tm_best_thyroglobulin"), shellBest = names.indexOf("tm_best_apo-ferritin");
		assertTrue(f[0][rodBest] > 0.5, "rod template on the turned rod: " + f[0][rodBest]);
		assertTrue(f[0][rodBest] > f[1][rodBest] && f[1][shellBest] > f[0][shellBest],
				"each template prefers its own particle: " + f[0][rodBest] + " " + f[1][rodBest] + " "
						+ f[1][shellBest] + " " + f[0][shellBest]);
		for (int i = 2; i < points.size(); i++)
			assertTrue(f[i][rodBest] < f[0][rodBest] - 0.2 && f[i][shellBest] < f[1][shellBest] - 0.2,
					"an empty place: " + f[i][rodBest] + " " + f[i][shellBest]);
		// the best rotation beats the mean over rotations for the elongated particle; z-scores stand out
		assertTrue(f[0][rodBest] > f[0][names.indexOf("tm_mean_thyroglobulin")] + 0.05);
		assertTrue(f[0][names.indexOf("tm_z_thyroglobulin")] > 3, "z " + f[0][names.indexOf("tm_z_thyroglobulin")]);
		assertTrue(f[1][names.indexOf("tm_z_apo-ferritin")] > 3, "z " + f[1][names.indexOf("tm_z_apo-ferritin")]);
		// a class without a map scores 0 everywhere
		for (double[] row : f)
			assertEquals(0, row[names.indexOf("tm_best_ribosome")]);
	}

	private static FusedParticle point(int z, int y, int x) {
		// the grid's voxel centres are at (i + 0.5) * 20 A for a scale-1 grid of 20 A voxels
		return new FusedParticle(CATALOG.classes().get(0), (x + 0.5) * VOXEL, (y + 0.5) * VOXEL, (z + 0.5) * VOXEL, 1,
				1, 1, 0);
	}

	@Test
	void mapsFileRoundTripsAndRefusesDamage() {
		Map<String, WorkingMap> maps = maps();
		byte[] bytes = TemplateMapsFile.toBytes(VOXEL, maps);
		TemplateMapsFile.Contents back = TemplateMapsFile.parse(bytes);
		assertEquals(VOXEL, back.workingAngstrom());
		assertEquals(maps.keySet(), back.maps().keySet());
		for (String k : maps.keySet())
			assertArrayEquals(maps.get(k).data(), back.maps().get(k).data());
		assertThrows(IllegalArgumentException.class,
				() -> TemplateMapsFile.parse(java.util.Arrays.copyOf(bytes, bytes.length - 3)));
		byte[] huge = bytes.clone();
		// the first map's side (after magic, version, voxel, count, name length and 13 name bytes) claims 64^3
		int side = 4 + 4 + 8 + 4 + 4 + "thyroglobulin".length();
		java.nio.ByteBuffer.wrap(huge).putInt(side, 64);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TemplateMapsFile.parse(huge));
		assertTrue(e.getMessage().contains("cut short"), e.getMessage());
		byte[] wrong = bytes.clone();
		wrong[0] = 'X';
		assertThrows(IllegalArgumentException.class, () -> TemplateMapsFile.parse(wrong));
	}

	@Test
	void classifierFolderKeepsItsTemplatesAndRefusesAChangedMapsFile() throws Exception {
		TemplateScores templates = new TemplateScores(NAMES, maps(), VOXEL);
		ParticleDescriptor descriptor = new ParticleDescriptor(CATALOG, templates);
		Random r = new Random(1);
		int n = 300;
		double[][] x = new double[n][descriptor.size()];
		int[] y = new int[n];
		for (int i = 0; i < n; i++) {
			y[i] = r.nextInt(3);
			for (int j = 0; j < x[i].length; j++)
				x[i][j] = r.nextGaussian() + y[i];
		}
		CandidateClassifier c = CandidateClassifier.fit(x, y, descriptor.names(), NAMES,
				new CandidateClassifier.Settings(10, 6, 16, 2, 3), ProposalSettings.defaults());
		Path dir = tmp.resolve("classifier");
		assertThrows(IllegalArgumentException.class, () -> ClassifierFile.save(c, dir, new JsonObject()));
		ClassifierFile.save(c, dir, new JsonObject(), templates);
		ParticleDescriptor loaded = ClassifierFile.descriptor(dir, CATALOG);
		assertEquals(descriptor.names(), loaded.names());
		assertEquals(templates.maps().keySet(), loaded.templates().maps().keySet());
		CandidateClassifier back = ClassifierFile.load(dir, loaded.names());
		assertArrayEquals(c.probabilities(x[0]), back.probabilities(x[0]), 1e-12);
		// without template scores, a folder gives the plain descriptor
		assertNull(ClassifierFile.descriptor(tmp.resolve("none"), CATALOG).templates());
		// a sidecar whose template entry is malformed is refused with its name, not a stack trace
		Path sidecar = dir.resolve(ClassifierFile.SIDECAR);
		String json = Files.readString(sidecar);
		for (String bad : List.of("\"rotations\": \"many\"", "\"rotations\": 7", "\"rotations\": {}")) {
			Files.writeString(sidecar, json.replaceFirst("\"rotations\": \\d+", java.util.regex.Matcher
					.quoteReplacement(bad)));
			TomoPickIoException e = assertThrows(TomoPickIoException.class,
					() -> ClassifierFile.descriptor(dir, CATALOG), bad);
			assertTrue(e.getMessage().contains(ClassifierFile.SIDECAR), e.getMessage());
		}
		Files.writeString(sidecar, json);
		Path file = dir.resolve(TemplateMapsFile.NAME);
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length - 1] ^= 1;
		Files.write(file, bytes);
		TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> ClassifierFile.descriptor(dir, CATALOG));
		assertTrue(e.getMessage().contains(TemplateMapsFile.NAME) && e.getMessage().contains("SHA-256"),
				e.getMessage());
	}
}
