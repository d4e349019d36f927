package org.tomopick.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profile scores: the linear algebra, what the scores mean on data with a known answer, that they let a forest find
 * a class whose evidence is spread thinly over many shells, and that they survive the classifier file.
 */
class ProfileScoresTest {

	@TempDir
	Path tmp;

	private static final int SHELLS = 12;
	private static final List<String> CLASSES = List.of("faint", "other");

	private static List<String> features() {
		List<String> f = new ArrayList<>();
		for (int s = 0; s < SHELLS; s++)
			f.add("shell_mean_" + 10 * s);
		f.add("unrelated");
		return f;
	}

	/**
	 * Rows of correlated noise (neighbouring shells share half their noise, as smoothed shells do); "faint" adds 0.5
	 * to every shell (too little to see in any one), "other" adds 2 to the first shell only. Labels 0, 1, 2.
	 */
	private static double[][] rows(int n, long seed, int[] labels) {
		Random r = new Random(seed);
		double[][] x = new double[n][SHELLS + 1];
		for (int i = 0; i < n; i++) {
			labels[i] = i % 10 == 0 ? 1 : i % 10 == 1 ? 2 : 0;
			double previous = r.nextGaussian();
			for (int s = 0; s < SHELLS; s++) {
				double own = r.nextGaussian();
				x[i][s] = 0.5 * previous + Math.sqrt(0.75) * own + (labels[i] == 1 ? 0.5 : 0)
						+ (labels[i] == 2 && s == 0 ? 2 : 0);
				previous = own;
			}
			x[i][SHELLS] = r.nextGaussian();
		}
		return x;
	}

	@Test
	void choleskySolvesTheSystem() {
		double[][] a = { { 4, 2, 0.4 }, { 2, 5, 1 }, { 0.4, 1, 3 } };
		double[] x = ProfileScores.solve(ProfileScores.cholesky(a), new double[] { 1, 2, 3 });
		for (int i = 0; i < 3; i++)
			assertEquals(new double[] { 1, 2, 3 }[i], a[i][0] * x[0] + a[i][1] * x[1] + a[i][2] * x[2], 1e-12);
	}

	@Test
	void backgroundScoresAreStandardAndTheClassLiesItsSeparationAway() {
		int[] y = new int[40000];
		double[][] x = rows(y.length, 1, y);
		ProfileScores p = ProfileScores.fit(x, y, features(), CLASSES);
		assertEquals(List.of("profile_z_faint", "profile_cos_faint", "profile_z_other", "profile_cos_other"),
				p.names());
		assertArrayEquals(java.util.stream.IntStream.range(0, SHELLS).toArray(), p.inputs());
		int[] yt = new int[40000];
		double[][] test = rows(yt.length, 2, yt);
		double[] sum = new double[3], sq = new double[3];
		int[] n = new int[3];
		for (int i = 0; i < test.length; i++) {
			double z = p.scores(test[i])[0];
			sum[yt[i]] += z;
			sq[yt[i]] += z * z;
			n[yt[i]]++;
		}
		double bgMean = sum[0] / n[0], bgSd = Math.sqrt(sq[0] / n[0] - bgMean * bgMean);
		assertEquals(0, bgMean, 0.02, "background centred");
		assertEquals(1, bgSd, 0.02, "in background standard deviations");
		// the separation of "faint" under this noise: sqrt(d' S^-1 d), d = 0.5 on every shell; S is the noise
		double[][] s = new double[SHELLS][SHELLS];
		for (int i = 0; i < SHELLS; i++) {
			s[i][i] = 1;
			if (i > 0)
				s[i][i - 1] = s[i - 1][i] = 0.5 * Math.sqrt(0.75);
		}
		double[] d = new double[SHELLS];
		java.util.Arrays.fill(d, 0.5);
		double[] w = ProfileScores.solve(ProfileScores.cholesky(s), d);
		double separation = 0;
		for (int i = 0; i < SHELLS; i++)
			separation += w[i] * d[i];
		separation = Math.sqrt(separation);
		assertTrue(separation > 2 * 0.5, "more than twice what any one shell gives (0.5): " + separation);
		assertEquals(separation, sum[1] / n[1], 0.05, "the faint class lies its separation away");
		// a noise-free class mean has the class's shape: cosine 1
		double[] mean = new double[SHELLS + 1];
		java.util.Arrays.fill(mean, 0, SHELLS, 0.5);
		assertEquals(1, p.scores(mean)[1], 0.05);
	}

	@Test
	void aForestFindsAFaintClassBetterWithProfileScores() {
		int[] y = new int[6000], yt = new int[6000];
		double[][] x = rows(y.length, 3, y), test = rows(yt.length, 4, yt);
		CandidateClassifier.Settings settings = new CandidateClassifier.Settings(60, 10, 256, 3, 5, true);
		CandidateClassifier with = CandidateClassifier.fit(x, y, features(), CLASSES, settings,
				ProposalSettings.defaults());
		CandidateClassifier without = CandidateClassifier.fit(x, y, features(), CLASSES, settings.withProfiles(false),
				ProposalSettings.defaults());
		assertNotNull(with.profiles());
		double aucWith = auc(with, test, yt, 1), aucWithout = auc(without, test, yt, 1);
		assertTrue(aucWith > aucWithout + 0.01, "faint class AUC with " + aucWith + ", without " + aucWithout);
		// the best any detector can do on these Gaussians: AUC = Phi(separation / sqrt 2), separation 1.30
		assertEquals(0.821, aucWith, 0.02, "with profile scores the forest reaches the optimal detector");
	}

	@Test
	void survivesTheClassifierFile() {
		int[] y = new int[3000];
		double[][] x = rows(y.length, 6, y);
		CandidateClassifier c = CandidateClassifier.fit(x, y, features(), CLASSES,
				new CandidateClassifier.Settings(10, 6, 64, 3, 1, true), ProposalSettings.defaults());
		ClassifierFile.save(c, tmp, null);
		CandidateClassifier loaded = ClassifierFile.load(tmp, features());
		assertEquals(c.profiles(), loaded.profiles());
		for (int i = 0; i < 50; i++)
			assertArrayEquals(c.probabilities(x[i]), loaded.probabilities(x[i]), 1e-12);
	}

	/** Area under the ROC curve of the class's probability, the class against everything else. */
	private static double auc(CandidateClassifier c, double[][] x, int[] y, int label) {
		List<double[]> scored = new ArrayList<>();
		for (int i = 0; i < x.length; i++)
			scored.add(new double[] { c.probabilities(x[i])[label], y[i] == label ? 1 : 0 });
		scored.sort((a, b) -> Double.compare(a[0], b[0]));
		double positives = 0, rankSum = 0;
		for (int i = 0; i < scored.size(); i++)
			if (scored.get(i)[1] == 1) {
				positives++;
				rankSum += i + 1;
			}
		double negatives = scored.size() - positives;
		return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
	}
}
