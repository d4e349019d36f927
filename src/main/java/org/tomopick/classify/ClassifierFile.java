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
	public static final int FORMAT_VERSION = 2;

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	private ClassifierFile() {
	}

	/** Whether a folder holds a classifier (its sidecar). */
	public static boolean present(Path dir) {
		return Files.isRegularFile(dir.resolve(SIDECAR));
	}

	/** Writes both files (each atomically); {@code training} is stored as given under "training". */
	public static void save(CandidateClassifier classifier, Path dir, JsonObject training) {
		byte[] bytes = classifier.forest().toBytes();
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
		proposals.addProperty("grid_voxel_angstrom", classifier.proposals().gridVoxelAngstrom());
		proposals.addProperty("normalisation", classifier.proposals().normalisation().id());
		o.add("proposals", proposals);
		o.add("training", training == null ? new JsonObject() : training);
		java.util.Map<Path, AtomicFiles.ContentWriter> files = new java.util.LinkedHashMap<>();
		files.put(dir.resolve(FOREST), out -> out.write(bytes));
		files.put(dir.resolve(SIDECAR), out -> out.write((GSON.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8)));
		AtomicFiles.writeAll(files);
		try {
			Files.deleteIfExists(dir.resolve(LEGACY_FOREST)); // a forest of the first format beside it would be stale
		} catch (IOException e) {
			throw new TomoPickIoException(dir.resolve(LEGACY_FOREST), "cannot remove the old-format forest: "
					+ e.getMessage(), e);
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
		JsonObject o;
		try {
			o = JsonParser.parseString(Files.readString(sidecar, StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (IOException e) {
			throw new TomoPickIoException(sidecar, "cannot read the classifier sidecar: " + e.getMessage(), e);
		} catch (JsonParseException | IllegalStateException e) {
			throw new TomoPickIoException(sidecar, "not a JSON object: " + e.getMessage(), e);
		}
		if (!o.has("format") || !FORMAT.equals(o.get("format").getAsString()))
			throw new TomoPickIoException(sidecar, "not a TomoPick classifier sidecar (format must be " + FORMAT + ")");
		for (String key : List.of("format_version", "sha256", "classes", "features", "forest_labels", "proposals"))
			if (!o.has(key))
				throw new TomoPickIoException(sidecar, "the classifier sidecar lacks '" + key + "'");
		if (o.get("format_version").getAsInt() == 1)
			throw new TomoPickIoException(sidecar, "a classifier of the first format (a Java-serialised forest, "
					+ LEGACY_FOREST + "), which TomoPick no longer reads because loading such a file can run code; "
					+ "refit it with 'tomopick train-classifier' (or use the models shipped with this version)");
		if (o.get("format_version").getAsInt() != FORMAT_VERSION)
			throw new TomoPickIoException(sidecar, "classifier format version " + o.get("format_version")
					+ " is not supported (this TomoPick reads " + FORMAT_VERSION + ")");
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
		if (rf.classes() != labels.length || rf.features() != features.size())
			throw new TomoPickIoException(forest, "the forest has " + rf.classes() + " classes and " + rf.features()
					+ " features, the sidecar names " + labels.length + " and " + features.size());
		JsonObject p = o.getAsJsonObject("proposals");
		ProposalSettings proposals = ProposalSettings.legacy(p.get("candidate_threshold").getAsDouble(),
				p.get("min_cluster_support").getAsDouble(), p.has("blobs") && p.get("blobs").getAsBoolean());
		if (p.has("normalisation"))
			proposals = new ProposalSettings(proposals.candidateThreshold(), proposals.minClusterSupport(),
					proposals.blobs(), p.has("dark_blobs") && p.get("dark_blobs").getAsBoolean(),
					p.get("grid_voxel_angstrom").getAsDouble(), Normalisation.of(p.get("normalisation").getAsString()));
		return new CandidateClassifier(rf, features, classes, labels, proposals);
	}

	private static List<String> strings(JsonArray a) {
		List<String> out = new ArrayList<>();
		for (JsonElement e : a)
			out.add(e.getAsString());
		return out;
	}

}
