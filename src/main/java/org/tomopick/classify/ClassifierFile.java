package org.tomopick.classify;

import org.tomopick.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomopick.grid.Normalisation;
import org.tomopick.io.AtomicFiles;
import org.tomopick.io.TomoPickIoException;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;


/**
 * A candidate classifier on disk: {@value #FOREST} (the forest as data, {@link TreeEnsemble}'s documented binary
 * layout) and {@value #SIDECAR} (format, feature names, class names, the forest file's SHA-256, and free-form
 * training notes). Nothing is deserialised: the forest file is parsed, every size checked against the bytes there
 * are before anything is allocated, and its hash checked first. The first format ({@value #LEGACY_FOREST}, a
 * Java-serialised Smile forest) is no longer read: loading one says so and how to replace it.
 */
public final class ClassifierFile {

	public static final String FOREST = "classifier.forest";
	public static final String LEGACY_FOREST = "classifier.ser";
	public static final String SIDECAR = "classifier.json";
	public static final String FORMAT = "tomopick-candidate-classifier";
	/** 3: with optional profile scores; 2 (none) is read too. */
	public static final int FORMAT_VERSION = 3;

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	private ClassifierFile() {
	}

	/** Whether a folder holds a classifier (its sidecar). */
	public static boolean present(Path dir) {
		return Files.isRegularFile(dir.resolve(SIDECAR));
	}

	/** Writes both files (each atomically); {@code training} is stored as given under "training". */
	public static void save(CandidateClassifier classifier, Path dir, JsonObject training) {
		save(classifier, dir, training, null);
	}

	/**
	 * As {@link #save(CandidateClassifier, Path, JsonObject)}, with the template maps the features were computed with
	 * ({@value TemplateMapsFile#NAME}, named with its SHA-256 in the sidecar), or null for none. The classifier must
	 * have been trained on a descriptor with exactly these template scores.
	 */
	public static void save(CandidateClassifier classifier, Path dir, JsonObject training, TemplateScores templates) {
		if ((templates != null) != classifier.features().stream().anyMatch(f -> f.startsWith("tm_")))
			throw new IllegalArgumentException(templates == null
					? "the classifier splits on template scores: save it with its template maps"
					: "the classifier was not trained on template scores");
		byte[] bytes = classifier.forest().toBytes();
		byte[] mapBytes = templates == null ? null
				: TemplateMapsFile.toBytes(templates.workingAngstrom(), templates.maps());
		JsonObject o = new JsonObject();
		o.addProperty("format", FORMAT);
		o.addProperty("format_version", FORMAT_VERSION);
		o.addProperty("forest", FOREST);
		o.addProperty("sha256", Sha256.of(bytes));
		o.addProperty("trees", classifier.trees());
		o.add("classes", GSON.toJsonTree(classifier.classes()));
		o.add("features", GSON.toJsonTree(classifier.features()));
		o.add("forest_labels", GSON.toJsonTree(classifier.forestLabels()));
		JsonObject proposals = new JsonObject();
		proposals.addProperty("candidate_threshold", classifier.proposals().candidateThreshold());
		proposals.addProperty("min_cluster_support", classifier.proposals().minClusterSupport());
		proposals.addProperty("blobs", classifier.proposals().blobs());
		proposals.addProperty("dark_blobs", classifier.proposals().darkBlobs());
		proposals.addProperty("shell_filter", classifier.proposals().shellFilter());
		proposals.addProperty("grid_voxel_angstrom", classifier.proposals().gridVoxelAngstrom());
		proposals.addProperty("normalisation", classifier.proposals().normalisation().id());
		o.add("proposals", proposals);
		if (classifier.profiles() != null)
			o.add("profile_scores", profilesJson(classifier.profiles(), classifier.features()));
		if (templates != null) {
			JsonObject t = new JsonObject();
			t.addProperty("file", TemplateMapsFile.NAME);
			t.addProperty("sha256", Sha256.of(mapBytes));
			t.add("classes", GSON.toJsonTree(templates.maps().keySet()));
			t.addProperty("rotations", TemplateScores.ROTATIONS);
			t.addProperty("rotation_seed", TemplateScores.ROTATION_SEED);
			o.add("template_maps", t);
		}
		o.add("training", training == null ? new JsonObject() : training);
		java.util.Map<Path, AtomicFiles.ContentWriter> files = new java.util.LinkedHashMap<>();
		files.put(dir.resolve(FOREST), out -> out.write(bytes));
		if (mapBytes != null)
			files.put(dir.resolve(TemplateMapsFile.NAME), out -> out.write(mapBytes));
		files.put(dir.resolve(SIDECAR), out -> out.write((GSON.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8)));
		AtomicFiles.writeAll(files);
		try {
			Files.deleteIfExists(dir.resolve(LEGACY_FOREST)); // a forest of the first format beside it would be stale
		} catch (IOException e) {
			throw new TomoPickIoException(dir.resolve(LEGACY_FOREST), "cannot remove the old-format forest: "
					+ e.getMessage(), e);
		}
	}

	/**
	 * The descriptor a classifier folder's forest reads: the catalog's features, with the folder's template scores
	 * when it has them (a folder without a classifier gets the plain descriptor).
	 */
	public static ParticleDescriptor descriptor(Path dir, org.tomopick.model.ParticleCatalog catalog) {
		if (!present(dir))
			return new ParticleDescriptor(catalog);
		return new ParticleDescriptor(catalog, templates(dir, catalog.classes().stream()
				.map(org.tomopick.model.ParticleClass::name).toList()));
	}

	/**
	 * The template scores of a classifier folder (its {@value TemplateMapsFile#NAME}, checked against the SHA-256 in
	 * the sidecar), or null when the classifier does not use them. The scores' classes are {@code classNames}.
	 */
	public static TemplateScores templates(Path dir, List<String> classNames) {
		Path sidecar = dir.resolve(SIDECAR);
		JsonObject o = sidecarJson(sidecar);
		if (!o.has("template_maps"))
			return null;
		Path file = dir.resolve(TemplateMapsFile.NAME);
		try {
			JsonObject t = o.getAsJsonObject("template_maps");
			if (!TemplateMapsFile.NAME.equals(t.get("file").getAsString()))
				throw new TomoPickIoException(sidecar, "template_maps.file must be " + TemplateMapsFile.NAME);
			if (t.get("rotations").getAsInt() != TemplateScores.ROTATIONS
					|| t.get("rotation_seed").getAsLong() != TemplateScores.ROTATION_SEED)
				throw new TomoPickIoException(sidecar, "template_maps were used with other rotations than this "
						+ "TomoPick's (" + TemplateScores.ROTATIONS + ", seed " + TemplateScores.ROTATION_SEED + ")");
			byte[] bytes = org.tomopick.io.ModelFiles.read(dir, TemplateMapsFile.NAME, sidecar);
			String sha = Sha256.of(bytes);
			if (!sha.equals(t.get("sha256").getAsString()))
				throw new TomoPickIoException(file, "its SHA-256 is " + sha + ", the sidecar expects "
						+ t.get("sha256").getAsString() + " (file damaged or replaced)");
			TemplateMapsFile.Contents contents;
			try {
				contents = TemplateMapsFile.parse(bytes);
				return new TemplateScores(classNames, contents.maps(), contents.workingAngstrom());
			} catch (IllegalArgumentException e) {
				throw new TomoPickIoException(file, e.getMessage(), e);
			}
		} catch (NullPointerException | ClassCastException | IllegalStateException | UnsupportedOperationException
				| NumberFormatException e) {
			throw new TomoPickIoException(sidecar, "malformed template_maps (" + e + ")", e);
		}
	}

	private static JsonObject sidecarJson(Path sidecar) {
		try {
			return JsonParser.parseString(Files.readString(sidecar, StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (IOException e) {
			throw new TomoPickIoException(sidecar, "cannot read the classifier sidecar: " + e.getMessage(), e);
		} catch (JsonParseException | IllegalStateException e) {
			throw new TomoPickIoException(sidecar, "not a JSON object: " + e.getMessage(), e);
		}
	}

	/** Loads a classifier and checks that it was trained on the features {@code expectedFeatures} names. */
	public static CandidateClassifier load(Path dir, List<String> expectedFeatures) {
		try {
			return read(dir, expectedFeatures);
		} catch (NullPointerException | ClassCastException | IllegalStateException | UnsupportedOperationException
				| IllegalArgumentException e) {
			throw new TomoPickIoException(dir.resolve(SIDECAR), "malformed classifier sidecar (" + e + ")", e);
		}
	}

	private static CandidateClassifier read(Path dir, List<String> expectedFeatures) {
		Path sidecar = dir.resolve(SIDECAR);
		Path forest = dir.resolve(FOREST);
		JsonObject o = sidecarJson(sidecar);
		if (!o.has("format") || !FORMAT.equals(o.get("format").getAsString()))
			throw new TomoPickIoException(sidecar, "not a TomoPick classifier sidecar (format must be " + FORMAT + ")");
		for (String key : List.of("format_version", "sha256", "classes", "features", "forest_labels", "proposals"))
			if (!o.has(key))
				throw new TomoPickIoException(sidecar, "the classifier sidecar lacks '" + key + "'");
		if (o.get("format_version").getAsInt() == 1)
			throw new TomoPickIoException(sidecar, "a classifier of the first format (a Java-serialised forest, "
					+ LEGACY_FOREST + "), which TomoPick no longer reads because loading such a file can run code; "
					+ "refit it with 'tomopick train-classifier' (or use the models shipped with this version)");
		int version = o.get("format_version").getAsInt();
		if (version != FORMAT_VERSION && version != 2)
			throw new TomoPickIoException(sidecar, "classifier format version " + o.get("format_version")
					+ " is not supported (this TomoPick reads 2 and " + FORMAT_VERSION + ")");
		List<String> features = strings(o.getAsJsonArray("features"));
		List<String> classes = strings(o.getAsJsonArray("classes"));
		if (!features.equals(expectedFeatures))
			throw new TomoPickIoException(sidecar, "the classifier was trained on other features (" + features.size()
					+ " named in the sidecar, this TomoPick computes " + expectedFeatures.size()
					+ "); retrain it with 'tomopick train-classifier'");
		byte[] bytes = org.tomopick.io.ModelFiles.read(dir, FOREST, sidecar);
		String sha = Sha256.of(bytes);
		if (!sha.equals(o.get("sha256").getAsString()))
			throw new TomoPickIoException(forest, "its SHA-256 is " + sha + ", the sidecar expects "
					+ o.get("sha256").getAsString() + " (file damaged or replaced)");
		TreeEnsemble rf;
		try {
			rf = TreeEnsemble.parse(bytes);
		} catch (IllegalArgumentException e) {
			throw new TomoPickIoException(forest, "not a readable forest: " + e.getMessage(), e);
		}
		int[] labels = new int[o.getAsJsonArray("forest_labels").size()];
		for (int i = 0; i < labels.length; i++) {
			labels[i] = o.getAsJsonArray("forest_labels").get(i).getAsInt();
			if (labels[i] < 0 || labels[i] >= classes.size() || i > 0 && labels[i] <= labels[i - 1])
				throw new TomoPickIoException(sidecar, "forest_labels must ascend within 0.." + (classes.size() - 1));
		}
		ProfileScores profiles = version >= 3 && o.has("profile_scores")
				? profiles(sidecar, o.get("profile_scores"), features, classes.subList(1, classes.size()))
				: null;
		int extra = profiles == null ? 0 : profiles.names().size();
		if (rf.classes() != labels.length || rf.features() != features.size() + extra)
			throw new TomoPickIoException(forest, "the forest has " + rf.classes() + " classes and " + rf.features()
					+ " features, the sidecar names " + labels.length + " and " + features.size()
					+ (extra > 0 ? " + " + extra + " profile scores" : ""));
		JsonObject p = o.getAsJsonObject("proposals");
		ProposalSettings proposals = ProposalSettings.legacy(p.get("candidate_threshold").getAsDouble(),
				p.get("min_cluster_support").getAsDouble(), p.has("blobs") && p.get("blobs").getAsBoolean());
		if (p.has("normalisation"))
			proposals = new ProposalSettings(proposals.candidateThreshold(), proposals.minClusterSupport(),
					proposals.blobs(), p.has("dark_blobs") && p.get("dark_blobs").getAsBoolean(),
					p.has("shell_filter") && p.get("shell_filter").getAsBoolean(),
					p.get("grid_voxel_angstrom").getAsDouble(), Normalisation.of(p.get("normalisation").getAsString()));
		return new CandidateClassifier(rf, features, classes, labels, proposals, profiles);
	}

	/**
	 * Profile scores as JSON: the names of the features they read ({@code inputs}), the background mean, the
	 * Cholesky factor of the background covariance (rows of the lower triangle, row i holding i + 1 values) and per
	 * class the weights.
	 */
	private static JsonObject profilesJson(ProfileScores p, List<String> features) {
		JsonObject o = new JsonObject();
		JsonArray inputs = new JsonArray();
		for (int i : p.inputs())
			inputs.add(features.get(i));
		o.add("inputs", inputs);
		o.add("background_mean", GSON.toJsonTree(p.backgroundMean()));
		double[][] l = p.cholesky();
		JsonArray rows = new JsonArray();
		for (int i = 0; i < l.length; i++)
			rows.add(GSON.toJsonTree(java.util.Arrays.copyOf(l[i], i + 1)));
		o.add("covariance_cholesky", rows);
		JsonObject weights = new JsonObject();
		double[][] w = p.weights();
		for (int c = 0; c < w.length; c++)
			weights.add(p.classNames().get(c), GSON.toJsonTree(w[c]));
		o.add("weights", weights);
		return o;
	}

	/** Reads {@link #profilesJson}, checking every size and value before use. */
	private static ProfileScores profiles(Path sidecar, JsonElement e, List<String> features, List<String> classes) {
		if (!e.isJsonObject())
			throw new TomoPickIoException(sidecar, "profile_scores must be an object");
		JsonObject o = e.getAsJsonObject();
		List<String> names = strings(o.getAsJsonArray("inputs"));
		int d = names.size();
		if (d == 0 || d > features.size())
			throw new TomoPickIoException(sidecar, "profile_scores.inputs must name 1.." + features.size()
					+ " features");
		int[] inputs = new int[d];
		for (int j = 0; j < d; j++) {
			inputs[j] = features.indexOf(names.get(j));
			if (inputs[j] < 0)
				throw new TomoPickIoException(sidecar, "profile_scores.inputs names '" + names.get(j)
						+ "', which is not a feature");
		}
		double[] mean = numbers(sidecar, o.getAsJsonArray("background_mean"), d, "background_mean");
		JsonArray rows = o.getAsJsonArray("covariance_cholesky");
		if (rows.size() != d)
			throw new TomoPickIoException(sidecar, "profile_scores.covariance_cholesky must have " + d + " rows");
		double[][] l = new double[d][d];
		for (int i = 0; i < d; i++) {
			double[] row = numbers(sidecar, rows.get(i).getAsJsonArray(), i + 1, "covariance_cholesky row " + i);
			System.arraycopy(row, 0, l[i], 0, i + 1);
			if (!(l[i][i] > 0))
				throw new TomoPickIoException(sidecar, "profile_scores.covariance_cholesky has a diagonal that is not "
						+ "positive");
		}
		JsonObject w = o.getAsJsonObject("weights");
		double[][] weights = new double[classes.size()][];
		for (int c = 0; c < classes.size(); c++) {
			if (!w.has(classes.get(c)))
				throw new TomoPickIoException(sidecar, "profile_scores.weights lacks '" + classes.get(c) + "'");
			weights[c] = numbers(sidecar, w.getAsJsonArray(classes.get(c)), d, "weights of " + classes.get(c));
		}
		if (w.size() != classes.size())
			throw new TomoPickIoException(sidecar, "profile_scores.weights names other classes than " + classes);
		return new ProfileScores(inputs, mean, weights, l, classes);
	}

	private static double[] numbers(Path sidecar, JsonArray a, int size, String what) {
		if (a.size() != size)
			throw new TomoPickIoException(sidecar, "profile_scores " + what + " must have " + size + " values");
		double[] out = new double[size];
		for (int i = 0; i < size; i++) {
			if (!a.get(i).isJsonPrimitive() || !a.get(i).getAsJsonPrimitive().isNumber())
				throw new TomoPickIoException(sidecar, "profile_scores " + what + " holds a value that is not a number");
			out[i] = a.get(i).getAsDouble();
			if (!Double.isFinite(out[i]))
				throw new TomoPickIoException(sidecar, "profile_scores " + what + " holds a value that is not finite");
		}
		return out;
	}

	private static List<String> strings(JsonArray a) {
		List<String> out = new ArrayList<>();
		for (JsonElement e : a)
			out.add(e.getAsString());
		return out;
	}

}
