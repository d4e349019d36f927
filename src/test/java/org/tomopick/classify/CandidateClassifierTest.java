package org.tomopick.classify;

import org.tomopick.io.Sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.grid.Normalisation;
import org.tomopick.io.TomoPickIoException;

import com.google.gson.JsonObject;

class CandidateClassifierTest {

	@TempDir
	Path tmp;

	private static final List<String> FEATURES = List.of("size", "noise");
	private static final List<String> CLASSES = List.of("small", "medium", "large");

	/** Label = which size band the first feature falls in (0 background below 1); the second is noise. */
	private static double[][] rows(int n, long seed, int[] labels, boolean skipMedium) {
		Random r = new Random(seed);
		double[][] x = new double[n][];
		for (int i = 0; i < n; i++) {
			double size;
			do
				size = 4 * r.nextDouble();
			while (skipMedium && size >= 2 && size < 3);
			x[i] = new double[] { size, r.nextGaussian() };
			labels[i] = (int) Math.floor(size);
		}
		return x;
	}

	private static CandidateClassifier.Settings small() {
		return new CandidateClassifier.Settings(30, 8, 32, 2, 7);
	}

	@Test
	void learnsSizeBandsAndSurvivesSaveAndLoad() {
		int[] y = new int[400];
		CandidateClassifier c = CandidateClassifier.fit(rows(400, 1, y, false), y, FEATURES, CLASSES, small(), ProposalSettings.defaults());
		int[] testY = new int[200];
		double[][] test = rows(200, 2, testY, false);
		int right = 0;
		for (int i = 0; i < test.length; i++) {
			double[] p = c.probabilities(test[i]);
			assertEquals(1, p[0] + p[1] + p[2] + p[3], 1e-9);
			int best = 0;
			for (int k = 1; k < p.length; k++)
				if (p[k] > p[best])
					best = k;
			if (best == testY[i])
				right++;
		}
		assertTrue(right >= 180, right + "/200 right");

		ClassifierFile.save(c, tmp, new JsonObject());
		CandidateClassifier back = ClassifierFile.load(tmp, FEATURES);
		for (double[] row : test)
			assertArrayEquals(c.probabilities(row), back.probabilities(row), 0);
		assertEquals(List.of("background", "small", "medium", "large"), back.classes());
	}

	@Test
	void theForestAsDataGivesSmilesProbabilitiesExactly() {
		int[] y = new int[600];
		double[][] x = rows(600, 11, y, false);
		smile.data.DataFrame data = smile.data.DataFrame.of(x, FEATURES.toArray(String[]::new))
				.merge(smile.data.vector.IntVector.of("label", y));
		smile.classification.RandomForest fitted = smile.classification.RandomForest.fit(
				smile.data.formula.Formula.lhs("label"), data, 40, 1, smile.base.cart.SplitRule.GINI, 10, 64, 2, 1.0,
				null, java.util.stream.LongStream.range(0, 40).map(i -> 5 + i));
		TreeEnsemble ours = TreeEnsemble.of(fitted, FEATURES.size());
		TreeEnsemble parsed = TreeEnsemble.parse(ours.toBytes());
		smile.data.type.StructType schema = smile.data.DataFrame.of(new double[1][2], FEATURES.toArray(String[]::new))
				.schema();
		int[] testY = new int[300];
		double[][] test = rows(300, 12, testY, false);
		test[0] = new double[] { Double.NaN, 0 }; // a missing value goes the same way in both
		for (double[] row : test) {
			double[] expected = new double[4];
			fitted.predict(smile.data.Tuple.of(row, schema), expected);
			assertArrayEquals(expected, ours.probabilities(row), 1e-12);
			assertArrayEquals(expected, parsed.probabilities(row), 0);
		}
	}

	@Test
	void aBlendHoldsBothForestsTreesWithTheGivenShareOfTheWeight() {
		int[] y1 = new int[300], y2 = new int[300];
		CandidateClassifier a = CandidateClassifier.fit(rows(300, 21, y1, false), y1, FEATURES, CLASSES, small(),
				ProposalSettings.defaults());
		CandidateClassifier b = CandidateClassifier.fit(rows(300, 22, y2, false), y2, FEATURES, CLASSES, small(),
				ProposalSettings.defaults());
		CandidateClassifier half = CandidateClassifier.blend(a, b, 0.5);
		assertEquals(a.trees() + b.trees(), half.trees());
		int[] ty = new int[50];
		for (double[] row : rows(50, 23, ty, false)) {
			double[] pa = a.probabilities(row), pb = b.probabilities(row), ph = half.probabilities(row);
			for (int c = 0; c < ph.length; c++) // each forest's probabilities sum to 1, so half and half averages them
				assertEquals(0.5 * (pa[c] + pb[c]), ph[c], 1e-12);
		}
		ClassifierFile.save(half, tmp, null);
		assertEquals(a.trees() + b.trees(), ClassifierFile.load(tmp, FEATURES).trees());
	}

	@Test
	void aClassWithoutExamplesIsNeverPredicted() {
		int[] y = new int[300];
		CandidateClassifier c = CandidateClassifier.fit(rows(300, 3, y, true), y, FEATURES, CLASSES, small(), ProposalSettings.defaults());
		assertArrayEquals(new int[] { 0, 1, 3 }, c.forestLabels());
		assertEquals(0, c.probabilities(new double[] { 2.5, 0 })[2], 0);
		ClassifierFile.save(c, tmp, null);
		assertArrayEquals(new int[] { 0, 1, 3 }, ClassifierFile.load(tmp, FEATURES).forestLabels());
	}

	@Test
	void refusesDamagedForeignOrMismatchedFiles() throws Exception {
		int[] y = new int[100];
		ClassifierFile.save(CandidateClassifier.fit(rows(100, 4, y, false), y, FEATURES, CLASSES, small(), ProposalSettings.defaults()), tmp, null);

		TomoPickIoException features = assertThrows(TomoPickIoException.class,
				() -> ClassifierFile.load(tmp, List.of("size", "other")));
		assertTrue(features.getMessage().contains("other features"), features.getMessage());

		byte[] bytes = Files.readAllBytes(tmp.resolve(ClassifierFile.FOREST));
		bytes[bytes.length / 2] ^= 1;
		Files.write(tmp.resolve(ClassifierFile.FOREST), bytes);
		TomoPickIoException damaged = assertThrows(TomoPickIoException.class, () -> ClassifierFile.load(tmp, FEATURES));
		assertTrue(damaged.getMessage().contains("SHA-256") && damaged.getMessage().contains(ClassifierFile.FOREST),
				damaged.getMessage());

		// Crafted forest files with matching hashes: parsed and refused, nothing allocated beyond the file's bytes
		String original = Files.readString(tmp.resolve(ClassifierFile.SIDECAR));
		java.nio.ByteBuffer huge = java.nio.ByteBuffer.allocate(20).putInt(TreeEnsemble.MAGIC).putInt(1).putInt(4)
				.putInt(2).putInt(TreeEnsemble.MAX_TREES);
		var serialised = new java.io.ByteArrayOutputStream();
		try (var out = new java.io.ObjectOutputStream(serialised)) {
			out.writeObject(new Foreign());
		}
		for (byte[] crafted : new byte[][] { huge.array(), serialised.toByteArray(), new byte[35] }) {
			Files.write(tmp.resolve(ClassifierFile.FOREST), crafted);
			Files.writeString(tmp.resolve(ClassifierFile.SIDECAR), original.replaceAll("\"sha256\": \"[0-9a-f]+\"",
					"\"sha256\": \"" + Sha256.of(crafted) + "\""));
			TomoPickIoException refused = assertThrows(TomoPickIoException.class,
					() -> ClassifierFile.load(tmp, FEATURES));
			assertTrue(refused.getMessage().contains("not a readable forest")
					&& refused.getMessage().contains(ClassifierFile.FOREST), refused.getMessage());
		}
		// the first format (Java serialisation) is refused by its version, before any file is opened
		Files.writeString(tmp.resolve(ClassifierFile.SIDECAR), original.replace("\"format_version\": " + ClassifierFile.FORMAT_VERSION,
				"\"format_version\": 1"));
		TomoPickIoException legacy = assertThrows(TomoPickIoException.class, () -> ClassifierFile.load(tmp, FEATURES));
		assertTrue(legacy.getMessage().contains("no longer reads"), legacy.getMessage());

		Files.writeString(tmp.resolve(ClassifierFile.SIDECAR), "{\"format\": \"tomopick-candidate-classifier\"}");
		TomoPickIoException malformed = assertThrows(TomoPickIoException.class,
				() -> ClassifierFile.load(tmp, FEATURES));
		assertTrue(malformed.getMessage().contains(ClassifierFile.SIDECAR)
				&& malformed.getMessage().contains("lacks 'format_version'"), malformed.getMessage());
	}

	@Test
	void proposalSettingsAndTheGridTheFeaturesWereReadOnTravelWithTheFile() throws Exception {
		int[] y = new int[100];
		ProposalSettings given = new ProposalSettings(0.15, 0.3, true, false, true, 20, Normalisation.WHITENED);
		ClassifierFile.save(CandidateClassifier.fit(rows(100, 5, y, false), y, FEATURES, CLASSES, small(), given), tmp,
				null);
		assertEquals(given, ClassifierFile.load(tmp, FEATURES).proposals());
		// a file of TomoPick 0.1 (no grid, no normalisation, no dark blobs) reads as what that version did
		String legacy = Files.readString(tmp.resolve(ClassifierFile.SIDECAR)).replaceAll(",\\s*\"dark_blobs\": (true|false)", "")
				.replaceAll(",\\s*\"grid_voxel_angstrom\": [0-9.]+", "")
				.replaceAll(",\\s*\"normalisation\": \"[a-z-]+\"", "");
		assertTrue(!legacy.contains("normalisation") && !legacy.contains("grid_voxel"), legacy);
		Files.writeString(tmp.resolve(ClassifierFile.SIDECAR), legacy);
		assertEquals(ProposalSettings.legacy(0.15, 0.3, true), ClassifierFile.load(tmp, FEATURES).proposals());
		assertEquals(Normalisation.ROBUST_Z, ProposalSettings.legacy(0.15, 0.3, true).normalisation());
	}

	static final class Foreign implements java.io.Serializable {
		private static final long serialVersionUID = 1L;
	}
}
