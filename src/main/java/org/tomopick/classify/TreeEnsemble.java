package org.tomopick.classify;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.classification.RandomForest;

/**
 * A random forest as plain data, evaluated by this class: binary trees whose inner nodes send a feature vector to
 * their first child when {@code x[feature] <= threshold} (NaN goes to the second), and whose leaves hold the class
 * counts of their training examples. The probability of a class is the trees' Laplace-smoothed leaf posteriors
 * {@code (count + 1) / (total + classes)}, weighted by each tree's weight, summed and normalised to sum 1: exactly
 * what Smile 3.1's {@link RandomForest#predict(smile.data.Tuple, double[])} computes, so a forest fitted with Smile is
 * converted once ({@link #of}) and then needs no Smile object, and no Java serialisation, to be stored or used.
 * <p>
 * File layout ({@link #toBytes()}, {@link #parse}), big-endian: the magic {@code "TPRF"}, format version (int 1),
 * classes k, features, trees (ints); per tree its weight (double) and node count n (int), then n nodes in an order
 * where every child comes after its parent: a kind byte (0 inner, 1 leaf), then for an inner node the feature (int),
 * threshold (double) and the two child indices (ints), for a leaf k counts (ints). Every size is checked against the
 * bytes that remain before anything is allocated.
 */
public final class TreeEnsemble {

	static final int MAGIC = 0x54505246; // "TPRF"
	static final int VERSION = 1;
	static final int MAX_CLASSES = 256;
	static final int MAX_FEATURES = 1 << 16;
	static final int MAX_TREES = 100_000;
	private static final int INNER = 0, LEAF = 1;

	/** One tree: node i is a leaf when {@code feature[i] < 0}. */
	record Tree(double weight, int[] feature, double[] threshold, int[] ifTrue, int[] ifFalse, int[][] counts) {

		Tree withWeight(double w) {
			return new Tree(w, feature, threshold, ifTrue, ifFalse, counts);
		}

		int leaf(double[] x) {
			int n = 0;
			while (feature[n] >= 0)
				n = x[feature[n]] <= threshold[n] ? ifTrue[n] : ifFalse[n];
			return n;
		}
	}

	private final int classes;
	private final int features;
	private final Tree[] trees;

	private TreeEnsemble(int classes, int features, Tree[] trees) {
		this.classes = classes;
		this.features = features;
		this.trees = trees;
	}

	public int classes() {
		return classes;
	}

	public int features() {
		return features;
	}

	public int size() {
		return trees.length;
	}

	/** The class probabilities of a feature vector (length {@link #classes()}, summing to 1). */
	public double[] probabilities(double[] x) {
		if (x.length != features)
			throw new IllegalArgumentException(x.length + " features, the forest needs " + features);
		double[] p = new double[classes];
		for (Tree t : trees) {
			int[] counts = t.counts()[t.leaf(x)];
			long total = classes;
			for (int c : counts)
				total += c;
			for (int c = 0; c < classes; c++)
				p[c] += t.weight() * ((counts[c] + 1) / (double) total);
		}
		double norm = 0;
		for (double v : p)
			norm += Math.abs(v);
		for (int c = 0; c < classes; c++)
			p[c] /= norm;
		return p;
	}

	/**
	 * One forest of the trees of both: {@code a}'s trees carry {@code 1 - share} of the total weight, {@code b}'s
	 * {@code share} (each forest's own weights kept in proportion). Both must know the same classes and features.
	 */
	public static TreeEnsemble blend(TreeEnsemble a, TreeEnsemble b, double share) {
		if (a.classes != b.classes || a.features != b.features)
			throw new IllegalArgumentException("forests of " + a.classes + "/" + b.classes + " classes and "
					+ a.features + "/" + b.features + " features cannot be blended");
		if (!(share > 0 && share < 1))
			throw new IllegalArgumentException("share must be in (0, 1), was " + share);
		Tree[] trees = new Tree[a.trees.length + b.trees.length];
		double wa = totalWeight(a), wb = totalWeight(b);
		for (int i = 0; i < a.trees.length; i++)
			trees[i] = a.trees[i].withWeight(a.trees[i].weight() * (1 - share) / wa);
		for (int i = 0; i < b.trees.length; i++)
			trees[a.trees.length + i] = b.trees[i].withWeight(b.trees[i].weight() * share / wb);
		return new TreeEnsemble(a.classes, a.features, trees);
	}

	private static double totalWeight(TreeEnsemble e) {
		double w = 0;
		for (Tree t : e.trees)
			w += t.weight();
		return w > 0 ? w : 1;
	}

	/** The forest Smile fitted, as data (the trees' nodes in pre-order). */
	public static TreeEnsemble of(RandomForest forest, int features) {
		int k = forest.numClasses();
		RandomForest.Model[] models = forest.models();
		Tree[] trees = new Tree[models.length];
		for (int t = 0; t < models.length; t++) {
			List<Node> nodes = new ArrayList<>();
			preOrder(models[t].tree.root(), nodes);
			int n = nodes.size();
			int[] feature = new int[n], ifTrue = new int[n], ifFalse = new int[n];
			double[] threshold = new double[n];
			int[][] counts = new int[n][];
			java.util.Map<Node, Integer> index = new java.util.IdentityHashMap<>();
			for (int i = 0; i < n; i++)
				index.put(nodes.get(i), i);
			for (int i = 0; i < n; i++) {
				Node node = nodes.get(i);
				if (node instanceof OrdinalNode o) {
					feature[i] = o.feature();
					threshold[i] = splitValue(o);
					ifTrue[i] = index.get(o.trueChild());
					ifFalse[i] = index.get(o.falseChild());
				} else if (node instanceof DecisionNode d) {
					feature[i] = -1;
					counts[i] = d.count().clone();
					if (counts[i].length != k)
						throw new IllegalStateException("a leaf has " + counts[i].length + " counts, the forest " + k);
				} else
					throw new IllegalStateException("unsupported tree node " + node.getClass().getName()
							+ " (only numeric splits and class leaves are converted)");
			}
			trees[t] = new Tree(models[t].weight, feature, threshold, ifTrue, ifFalse, counts);
		}
		return new TreeEnsemble(k, features, trees);
	}

	/**
	 * The threshold of a numeric split. Smile 3.1 keeps it in a field without an accessor; it is read once, here,
	 * when a freshly fitted forest is converted (never when a file is loaded).
	 */
	private static double splitValue(OrdinalNode node) {
		try {
			java.lang.reflect.Field value = OrdinalNode.class.getDeclaredField("value");
			value.setAccessible(true);
			return value.getDouble(node);
		} catch (ReflectiveOperationException | RuntimeException e) {
			throw new IllegalStateException("cannot read the split value of Smile's OrdinalNode (Smile version "
					+ "changed?): " + e, e);
		}
	}

	private static void preOrder(Node node, List<Node> out) {
		out.add(node);
		if (node instanceof InternalNode inner) {
			preOrder(inner.trueChild(), out);
			preOrder(inner.falseChild(), out);
		}
	}

	/** The file layout described above. */
	public byte[] toBytes() {
		try (ByteArrayOutputStream buffer = new ByteArrayOutputStream();
				DataOutputStream out = new DataOutputStream(buffer)) {
			out.writeInt(MAGIC);
			out.writeInt(VERSION);
			out.writeInt(classes);
			out.writeInt(features);
			out.writeInt(trees.length);
			for (Tree t : trees) {
				out.writeDouble(t.weight());
				out.writeInt(t.feature().length);
				for (int i = 0; i < t.feature().length; i++) {
					if (t.feature()[i] >= 0) {
						out.writeByte(INNER);
						out.writeInt(t.feature()[i]);
						out.writeDouble(t.threshold()[i]);
						out.writeInt(t.ifTrue()[i]);
						out.writeInt(t.ifFalse()[i]);
					} else {
						out.writeByte(LEAF);
						for (int c : t.counts()[i])
							out.writeInt(c);
					}
				}
			}
			out.flush();
			return buffer.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Reads the layout back. Throws IllegalArgumentException (with what is wrong) for anything else: a wrong magic
	 * or version, sizes beyond the limits or beyond the bytes there are, a child that does not come after its parent
	 * or lies outside the tree, a feature outside 0..features-1, a non-finite threshold or weight, a negative count,
	 * bytes after the last tree.
	 */
	public static TreeEnsemble parse(byte[] bytes) {
		ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
		need(in, 20, "the header");
		if (in.getInt() != MAGIC)
			throw new IllegalArgumentException("not a TomoPick forest (magic TPRF missing)");
		int version = in.getInt();
		if (version != VERSION)
			throw new IllegalArgumentException("forest format version " + version + " (this TomoPick reads "
					+ VERSION + ")");
		int k = in.getInt(), features = in.getInt(), count = in.getInt();
		if (k < 2 || k > MAX_CLASSES || features < 1 || features > MAX_FEATURES || count < 1 || count > MAX_TREES)
			throw new IllegalArgumentException("forest header out of range: " + k + " classes, " + features
					+ " features, " + count + " trees");
		int leafBytes = 1 + 4 * k, innerBytes = 1 + 4 + 8 + 4 + 4;
		// every tree needs at least its weight, its node count and one leaf
		need(in, (long) count * (8 + 4 + leafBytes), count + " trees");
		Tree[] trees = new Tree[count];
		for (int t = 0; t < count; t++) {
			need(in, 12, "tree " + t);
			double weight = in.getDouble();
			int n = in.getInt();
			if (!Double.isFinite(weight) || weight < 0)
				throw new IllegalArgumentException("tree " + t + " has weight " + weight);
			if (n < 1)
				throw new IllegalArgumentException("tree " + t + " has " + n + " nodes");
			need(in, (long) n * Math.min(leafBytes, innerBytes), "tree " + t + "'s " + n + " nodes");
			int[] feature = new int[n], ifTrue = new int[n], ifFalse = new int[n];
			double[] threshold = new double[n];
			int[][] counts = new int[n][];
			for (int i = 0; i < n; i++) {
				need(in, 1, "node " + i + " of tree " + t);
				int kind = in.get();
				if (kind == INNER) {
					need(in, innerBytes - 1, "node " + i + " of tree " + t);
					feature[i] = in.getInt();
					threshold[i] = in.getDouble();
					ifTrue[i] = in.getInt();
					ifFalse[i] = in.getInt();
					if (feature[i] < 0 || feature[i] >= features || !Double.isFinite(threshold[i]))
						throw new IllegalArgumentException("node " + i + " of tree " + t + " splits on feature "
								+ feature[i] + " at " + threshold[i]);
					for (int child : new int[] { ifTrue[i], ifFalse[i] })
						if (child <= i || child >= n)
							throw new IllegalArgumentException("node " + i + " of tree " + t + " has child " + child
									+ " (children come after their parent, within the " + n + " nodes)");
				} else if (kind == LEAF) {
					need(in, leafBytes - 1, "node " + i + " of tree " + t);
					feature[i] = -1;
					counts[i] = new int[k];
					for (int c = 0; c < k; c++)
						if ((counts[i][c] = in.getInt()) < 0)
							throw new IllegalArgumentException("leaf " + i + " of tree " + t + " has a negative count");
				} else
					throw new IllegalArgumentException("node " + i + " of tree " + t + " has kind " + kind);
			}
			trees[t] = new Tree(weight, feature, threshold, ifTrue, ifFalse, counts);
		}
		if (in.hasRemaining())
			throw new IllegalArgumentException(in.remaining() + " bytes after the last tree");
		return new TreeEnsemble(k, features, trees);
	}

	private static void need(ByteBuffer in, long bytes, String what) {
		if (bytes > in.remaining())
			throw new IllegalArgumentException("the file ends inside " + what + " (" + bytes + " bytes needed, "
					+ in.remaining() + " left)");
	}
}
