package org.tomopick.classify;

import java.util.List;
import java.util.stream.LongStream;

import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * A random forest that tells, from a {@link ParticleDescriptor}, which particle class a proposed centre is, or that
 * it is none ("background", label 0). Labels 1..n are the catalog's classes in order. Fitted with Smile, then held
 * and evaluated as plain data ({@link TreeEnsemble}); class probabilities are the trees' weighted posteriors.
 */
public final class CandidateClassifier {

	public static final String BACKGROUND = "background";
	static final String LABEL = "label";

	/**
	 * Forest size and shape, and whether the forest also splits on {@link ProfileScores} (learned matched filters of
	 * the radial profile; off by default: on the validation tomograms they did not beat the forest without them);
	 * {@link #defaults()} are what the shipped model uses.
	 */
	public record Settings(int trees, int maxDepth, int maxNodes, int nodeSize, long seed, boolean profiles) {

		public Settings {
			if (trees < 1 || maxDepth < 2 || maxNodes < 2 || nodeSize < 1)
				throw new IllegalArgumentException("forest settings must be positive (trees " + trees + ", depth "
						+ maxDepth + ", nodes " + maxNodes + ", node size " + nodeSize + ")");
		}

		/** Without profile scores. */
		public Settings(int trees, int maxDepth, int maxNodes, int nodeSize, long seed) {
			this(trees, maxDepth, maxNodes, nodeSize, seed, false);
		}

		public static Settings defaults() {
			return new Settings(100, 16, 1024, 3, 42, false);
		}

		public Settings withProfiles(boolean use) {
			return new Settings(trees, maxDepth, maxNodes, nodeSize, seed, use);
		}
	}

	private final TreeEnsemble forest;
	private final List<String> features;
	private final List<String> classes;
	private final int[] forestLabels;
	private final ProposalSettings proposals;
	/** Scores appended to each row before the forest sees it; null: none. */
	private final ProfileScores profiles;

	/**
	 * @param forestLabels the labels the forest knows, ascending (classes without training examples are absent)
	 * @param profiles     scores the forest also splits on (after the named features), or null
	 */
	CandidateClassifier(TreeEnsemble forest, List<String> features, List<String> classes, int[] forestLabels,
			ProposalSettings proposals, ProfileScores profiles) {
		if (forest.classes() != forestLabels.length)
			throw new IllegalArgumentException("the forest has " + forest.classes() + " classes, "
					+ forestLabels.length + " labels are named");
		int extra = profiles == null ? 0 : profiles.names().size();
		if (forest.features() != features.size() + extra)
			throw new IllegalArgumentException("the forest splits on " + forest.features() + " features, "
					+ features.size() + " are named" + (extra > 0 ? " and " + extra + " profile scores added" : ""));
		if (profiles != null && java.util.Arrays.stream(profiles.inputs()).anyMatch(i -> i >= features.size()))
			throw new IllegalArgumentException("the profile scores read features the classifier does not have");
		this.forest = forest;
		this.features = List.copyOf(features);
		this.classes = List.copyOf(classes);
		this.forestLabels = forestLabels.clone();
		this.proposals = java.util.Objects.requireNonNull(proposals, "proposals");
		this.profiles = profiles;
	}

	/**
	 * Fits a forest. {@code labels[i]} is 0 for background or 1..n for the i-th class name after
	 * {@link #BACKGROUND}. A class without examples is never predicted (probability 0); at least two labels must
	 * occur.
	 */
	public static CandidateClassifier fit(double[][] x, int[] labels, List<String> features, List<String> classNames,
			Settings settings, ProposalSettings proposals) {
		return fit(x, labels, features, classNames, settings, proposals, null);
	}

	/**
	 * As {@link #fit(double[][], int[], List, List, Settings, ProposalSettings)}, with these profile scores when
	 * given (e.g. the starting classifier's, so that its trees and the new ones can be blended) instead of fitting
	 * new ones when the settings ask for them.
	 */
	public static CandidateClassifier fit(double[][] x, int[] labels, List<String> features, List<String> classNames,
			Settings settings, ProposalSettings proposals, ProfileScores given) {
		if (x.length != labels.length || x.length == 0)
			throw new IllegalArgumentException(x.length + " feature rows for " + labels.length + " labels");
		for (double[] row : x)
			if (row.length != features.size())
				throw new IllegalArgumentException("a feature row has " + row.length + " values, expected "
						+ features.size());
		List<String> classes = new java.util.ArrayList<>();
		classes.add(BACKGROUND);
		classes.addAll(classNames);
		boolean[] seen = new boolean[classes.size()];
		for (int l : labels) {
			if (l < 0 || l >= classes.size())
				throw new IllegalArgumentException("label " + l + " is outside 0.." + (classes.size() - 1));
			seen[l] = true;
		}
		int[] present = java.util.stream.IntStream.range(0, seen.length).filter(c -> seen[c]).toArray();
		if (present.length < 2)
			throw new IllegalArgumentException("the examples are all " + classes.get(labels[0])
					+ "; a classifier needs at least two classes");
		int[] index = new int[classes.size()];
		for (int i = 0; i < present.length; i++)
			index[present[i]] = i;
		int[] encoded = java.util.Arrays.stream(labels).map(l -> index[l]).toArray();
		ProfileScores profiles = given != null ? given
				: settings.profiles() && ProfileScores.inputsOf(features).length > 0
						? ProfileScores.fit(x, labels, features, classNames)
						: null; // no shell features to make profiles of
		List<String> forestFeatures = new java.util.ArrayList<>(features);
		double[][] forestRows = x;
		if (profiles != null) {
			forestFeatures.addAll(profiles.names());
			forestRows = java.util.Arrays.stream(x).map(profiles::augment).toArray(double[][]::new);
		}
		DataFrame data = DataFrame.of(forestRows, forestFeatures.toArray(String[]::new))
				.merge(IntVector.of(LABEL, encoded));
		int mtry = Math.max(1, (int) Math.round(Math.sqrt(forestFeatures.size())));
		RandomForest forest = RandomForest.fit(Formula.lhs(LABEL), data, settings.trees(), mtry, SplitRule.GINI,
				settings.maxDepth(), settings.maxNodes(), settings.nodeSize(), 1.0, null,
				LongStream.range(0, settings.trees()).map(i -> settings.seed() * 1_000_003L + i));
		return new CandidateClassifier(TreeEnsemble.of(forest, forestFeatures.size()), features, classes, present,
				proposals, profiles);
	}

	/**
	 * A classifier whose forest holds the trees of both, {@code b}'s with {@code share} of the weight (see
	 * {@link TreeEnsemble#blend}); both must have the same features, classes and forest labels. {@code a}'s
	 * proposal settings are kept.
	 */
	public static CandidateClassifier blend(CandidateClassifier a, CandidateClassifier b, double share) {
		if (!a.features.equals(b.features) || !a.classes.equals(b.classes)
				|| !java.util.Arrays.equals(a.forestLabels, b.forestLabels)
				|| !java.util.Objects.equals(a.profiles, b.profiles))
			throw new IllegalArgumentException("classifiers of other features, profile scores, classes or labels "
					+ "cannot be blended");
		return new CandidateClassifier(TreeEnsemble.blend(a.forest, b.forest, share), a.features, a.classes,
				a.forestLabels, a.proposals, a.profiles);
	}

	/** Probabilities of background and of each class, in the order of {@link #classes()}. */
	public double[] probabilities(double[] features) {
		if (features.length != this.features.size())
			throw new IllegalArgumentException(features.length + " features, the classifier needs "
					+ this.features.size());
		double[] known = forest.probabilities(profiles == null ? features : profiles.augment(features));
		double[] p = new double[classes.size()];
		for (int i = 0; i < known.length; i++)
			p[forestLabels[i]] = known[i];
		return p;
	}

	/** Feature names the forest was trained on. */
	public List<String> features() {
		return features;
	}

	/** {@link #BACKGROUND}, then the particle classes. */
	public List<String> classes() {
		return classes;
	}

	public int trees() {
		return forest.size();
	}

	/** How the proposals it was trained on were made (picking makes them the same way). */
	public ProposalSettings proposals() {
		return proposals;
	}

	/** The labels the forest was fitted on (ascending); the others had no examples. */
	public int[] forestLabels() {
		return forestLabels.clone();
	}

	TreeEnsemble forest() {
		return forest;
	}

	/** The profile scores the forest also splits on; null when it does not. */
	public ProfileScores profiles() {
		return profiles;
	}
}
