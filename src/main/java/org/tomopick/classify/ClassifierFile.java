package org.tomopick.classify;

import org.tomopick.io.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
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

import smile.classification.RandomForest;

/**
 * A candidate classifier on disk: {@value #FOREST} (the Smile forest, Java-serialised) and {@value #SIDECAR}
 * (format, feature names, class names, the forest file's SHA-256, and free-form training notes). Loading checks the
 * hash before anything is deserialised and lets only Smile's and the JDK's classes through an
 * {@link ObjectInputFilter}, so a damaged or foreign file fails with a message instead of running anything.
 */
public final class ClassifierFile {

	public static final String FOREST = "classifier.ser";
	public static final String SIDECAR = "classifier.json";
	public static final String FORMAT = "tomopick-candidate-classifier";
	public static final int FORMAT_VERSION = 1;

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
	private static final ObjectInputFilter FILTER = ObjectInputFilter.Config
			.createFilter("maxdepth=200;smile.**;java.**;!*");

	private ClassifierFile() {
	}

	/** Whether a folder holds a classifier (its sidecar). */
	public static boolean present(Path dir) {
		return Files.isRegularFile(dir.resolve(SIDECAR));
	}

	/** Writes both files (each atomically); {@code training} is stored as given under "training". */
	public static void save(CandidateClassifier classifier, Path dir, JsonObject training) {
		byte[] bytes;
		try (var buffer = new java.io.ByteArrayOutputStream(); var out = new ObjectOutputStream(buffer)) {
			out.writeObject(classifier.forest());
			out.flush();
			bytes = buffer.toByteArray();
		} catch (IOException e) {
			throw new TomoPickIoException(dir.resolve(FOREST), "could not serialise the classifier: " + e.getMessage(),
					e);
		}
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
		AtomicFiles.writeBytes(dir.resolve(FOREST), bytes);
		AtomicFiles.writeString(dir.resolve(SIDECAR), GSON.toJson(o) + "\n");
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
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			in.setObjectInputFilter(FILTER);
			Object read = in.readObject();
			if (!(read instanceof RandomForest rf))
				throw new TomoPickIoException(forest, "holds a " + read.getClass().getName() + ", not a random forest");
			int[] labels = new int[o.getAsJsonArray("forest_labels").size()];
			for (int i = 0; i < labels.length; i++) {
				labels[i] = o.getAsJsonArray("forest_labels").get(i).getAsInt();
				if (labels[i] < 0 || labels[i] >= classes.size() || i > 0 && labels[i] <= labels[i - 1])
					throw new TomoPickIoException(sidecar, "forest_labels must ascend within 0.." + (classes.size() - 1));
			}
			if (rf.numClasses() != labels.length)
				throw new TomoPickIoException(forest, "the forest has " + rf.numClasses() + " classes, the sidecar "
						+ "names " + labels.length);
			JsonObject p = o.getAsJsonObject("proposals");
			ProposalSettings proposals = ProposalSettings.legacy(p.get("candidate_threshold").getAsDouble(),
					p.get("min_cluster_support").getAsDouble(), p.has("blobs") && p.get("blobs").getAsBoolean());
			if (p.has("normalisation"))
				proposals = new ProposalSettings(proposals.candidateThreshold(), proposals.minClusterSupport(),
						proposals.blobs(), p.has("dark_blobs") && p.get("dark_blobs").getAsBoolean(),
						p.get("grid_voxel_angstrom").getAsDouble(), Normalisation.of(p.get("normalisation").getAsString()));
			return new CandidateClassifier(rf, features, classes, labels, proposals);
		} catch (InvalidClassException e) {
			throw new TomoPickIoException(forest, "refused while reading: " + e.getMessage(), e);
		} catch (IOException | ClassNotFoundException e) {
			throw new TomoPickIoException(forest, "not a readable classifier: " + e.getMessage(), e);
		}
	}

	private static List<String> strings(JsonArray a) {
		List<String> out = new ArrayList<>();
		for (JsonElement e : a)
			out.add(e.getAsString());
		return out;
	}

}
