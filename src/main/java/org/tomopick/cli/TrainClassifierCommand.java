package org.tomopick.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tomopick.classify.LabelDecision;
import org.tomopick.classify.CandidateClassifier;
import org.tomopick.classify.ClassifierFile;
import org.tomopick.classify.ParticleDescriptor;
import org.tomopick.classify.ProposalClassifier;
import org.tomopick.classify.ProposalSettings;
import org.tomopick.pipeline.TemplateMaps;
import org.tomopick.eval.CziiScore;
import org.tomopick.eval.ScoreReport;
import org.tomopick.eval.ThresholdTuner;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.pipeline.ClassifierTraining;
import org.tomopick.pipeline.ClassifierTraining.TomogramExamples;
import org.tomopick.pipeline.CopickTomograms;
import org.tomopick.pipeline.ExamplesCache;
import org.tomopick.pipeline.PickingMode;
import org.tomopick.pipeline.PickingPipeline;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tomopick train-classifier}: fits the candidate classifier on the trained branches' proposals. */
@Command(name = "train-classifier", mixinStandardHelpOptions = true, description = { "Trains the candidate "
		+ "classifier, full mode's last stage: runs the trained branches of --models on the tomograms of --project "
		+ "(best: tomograms the branches were not trained on), labels every fused proposal by the truth picks (the "
		+ "CZII matching rule) and fits a random forest on the proposals' radial density profiles and branch "
		+ "evidence. Reports the classifier's F4 on --val-project and writes MODELS/classifier/." })
final class TrainClassifierCommand implements Runnable {

	@Option(names = "--models", paramLabel = "DIR", description = "Models folder with the trained branches (default "
			+ "models).")
	Path models = Path.of("models");

	@Option(names = "--project", required = true, paramLabel = "ROOT", description = "CoPick project to learn from.")
	Path project;

	@Option(names = "--runs", paramLabel = "RUN", split = ",", description = "Runs of --project (default: all).")
	List<String> runs = List.of();

	@Option(names = "--val-project", required = true, paramLabel = "ROOT", description = "CoPick project whose runs "
			+ "measure the classifier.")
	Path valProject;

	@Option(names = "--out", paramLabel = "DIR", description = "Where to write the classifier (default "
			+ "MODELS/classifier).")
	Path out;

	@Option(names = "--profiles", description = "Let the forest also split on profile scores (learned matched "
			+ "filters of the radial density profile, one linear discriminant per class; see ProfileScores). Off by "
			+ "default: on the validation tomograms they did not beat the forest without them (models/classifier.md).")
	boolean profiles;

	@Option(names = "--templates", paramLabel = "DIR", description = "Density maps of the classes (MRC, as "
			+ "simulate --templates takes them): the forest also splits on template matching scores at the proposals "
			+ "(TemplateScores); the maps, at the working voxel size, are stored with the classifier. Kept examples "
			+ "without those scores get them (the run's tomogram is read again, not the branches).")
	Path templates;

	@Option(names = "--trees", paramLabel = "N", description = "Trees in the forest (default 100).")
	int trees = CandidateClassifier.Settings.defaults().trees();

	@Option(names = "--max-nodes", paramLabel = "N", description = "Largest number of leaves per tree (default 1024; trees are at most 16 deep).")
	int maxNodes = CandidateClassifier.Settings.defaults().maxNodes();

	@Option(names = "--proposal-threshold", paramLabel = "T", description = "Confidence a branch candidate needs to "
			+ "take part in the proposals (default 0.1).")
	double proposalThreshold = ProposalSettings.defaults().candidateThreshold();

	@Option(names = "--proposal-support", paramLabel = "S", description = "Summed confidence a DBSCAN cluster needs "
			+ "to be a proposal (default 0.2).")
	double proposalSupport = ProposalSettings.defaults().minClusterSupport();

	@Option(names = "--no-blobs", description = "Leave out the blob proposals, which need no training "
			+ "(the bright cavities of apo-ferritin-sized shells and dark blobs the size of each class; on by "
			+ "default).")
	boolean noBlobs;

	@Option(names = "--shell-filter", description = "Also propose the centres of apo-ferritin-sized hollow shells "
			+ "that a shell-shaped matched filter finds (more apo-ferritins reached at low contrast; off by default: "
			+ "no gain in validation F4, see models/classifier.md).")
	boolean shellFilter;

	@Option(names = "--examples", paramLabel = "DIR", description = "Keep the collected examples in this folder "
			+ "(train/<run>.examples, val/<run>.examples) and reuse those that are there: refits the forest, or adds "
			+ "runs, without running the branches on the others again. Delete the folder after changing the models "
			+ "or the proposal settings.")
	Path examples;

	@Option(names = "--seed", paramLabel = "S", description = "Seed (default 42).")
	long seed = 42;

	@Option(names = "--truth-user", paramLabel = "USER", description = "User of the truth picks (default curation).")
	String truthUser = "curation";

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		CliPaths.requireExists(project, "--project");
		CliPaths.requireExists(valProject, "--val-project");
		ParticleCatalog catalog = ParticleCatalog.czii();
		ParticleDescriptor descriptor = new ParticleDescriptor(catalog, templates == null ? null
				: TemplateMaps.scores(templates, catalog, ProposalSettings.defaults().gridVoxelAngstrom()));
		ProposalSettings proposals;
		try {
			ProposalSettings d = ProposalSettings.defaults();
			proposals = new ProposalSettings(proposalThreshold, proposalSupport, !noBlobs, !noBlobs, shellFilter,
					d.gridVoxelAngstrom(), d.normalisation());
		} catch (IllegalArgumentException e) {
			throw new UserInputException(e.getMessage());
		}
		CopickTomograms train = new CopickTomograms(project, null);
		CopickTomograms val = new CopickTomograms(valProject, null);
		List<String> trainRuns = runs.isEmpty() ? train.project().runs() : runs;
		List<String> valRuns = val.project().runs();
		if (trainRuns.isEmpty() || valRuns.isEmpty())
			throw new UserInputException("no runs in " + (trainRuns.isEmpty() ? project : valProject));
		Path target = out != null ? out : models.resolve(PickingPipeline.CLASSIFIER_FOLDER);
		PrintWriter stdout = spec.commandLine().getOut();
		List<TomogramExamples> trainExamples = new ArrayList<>(), valExamples = new ArrayList<>();
		List<String> trainMissing = cached(examples, "train", trainRuns, catalog, descriptor, trainExamples, train,
				proposals, truthUser);
		List<String> valMissing = cached(examples, "val", valRuns, catalog, descriptor, valExamples, val, proposals,
				truthUser);
		if (!trainExamples.isEmpty() || !valExamples.isEmpty())
			stdout.printf("examples of %d training and %d validation runs read from %s%n", trainExamples.size(),
					valExamples.size(), examples);
		if (!trainMissing.isEmpty() || !valMissing.isEmpty()) {
			try (PickingPipeline pipeline = PickingPipeline.load(models, PickingMode.NO_CLASSIFIER, null);
					ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
				ClassifierTraining training = new ClassifierTraining(pipeline, descriptor, proposals);
				stdout.printf("proposals of %d training runs of %s:%n", trainMissing.size(), project);
				stdout.flush();
				for (TomogramExamples ex : training.collect(trainMissing,
						r -> train.read(r, catalog, truthUser, null, 0), progress, line -> print(stdout, line))) {
					trainExamples.add(ex);
					keep(examples, "train", ex, descriptor);
				}
				stdout.printf("proposals of %d validation runs of %s:%n", valMissing.size(), valProject);
				for (TomogramExamples ex : training.collect(valMissing, r -> val.read(r, catalog, truthUser, null, 0),
						progress, line -> print(stdout, line))) {
					valExamples.add(ex);
					keep(examples, "val", ex, descriptor);
				}
			}
		}
		inOrder(trainExamples, trainRuns);
		inOrder(valExamples, valRuns);
		CandidateClassifier.Settings settings = new CandidateClassifier.Settings(trees,
				CandidateClassifier.Settings.defaults().maxDepth(), maxNodes,
				CandidateClassifier.Settings.defaults().nodeSize(), seed, profiles);
		long t0 = System.nanoTime();
		CandidateClassifier classifier;
		try {
			classifier = ClassifierTraining.fit(trainExamples, descriptor, settings, proposals);
		} catch (IllegalArgumentException e) {
			throw new UserInputException("--project: " + e.getMessage());
		}
		int proposalCount = trainExamples.stream().mapToInt(ex -> ex.labels().length).sum();
		print(stdout, String.format(Locale.ROOT, "fitted %d trees on %d proposals in %.1f s", classifier.trees(),
				proposalCount, (System.nanoTime() - t0) * 1e-9));

		ProposalClassifier stage = new ProposalClassifier(classifier, descriptor);
		Map<String, List<Particle>> truth = new LinkedHashMap<>(), picks = new LinkedHashMap<>();
		for (TomogramExamples ex : valExamples) {
			truth.put(ex.name(), ex.truth());
			picks.put(ex.name(), stage.classify(ex.proposals(), ex.rows(), LabelDecision.MOST_PROBABLE));
		}
		confusion(stdout, classifier, valExamples);
		CziiScore scorer = new CziiScore(catalog);
		ScoreReport all = scorer.score(truth, picks);
		Map<String, Double> tuned = new ThresholdTuner(catalog, 0).tune(truth, picks);
		ScoreReport best = scorer.score(truth, ThresholdTuner.apply(picks, tuned));
		stdout.println("validation, every proposal reported with its most probable class:");
		stdout.print(all.toTable());
		stdout.printf(Locale.ROOT, "validation with per-class thresholds chosen on it (optimistic) %s: weighted F4 "
				+ "%.4f%n", tuned, best.weightedFBeta());

		JsonObject notes = new JsonObject();
		notes.addProperty("project", project.toAbsolutePath().normalize().getFileName().toString());
		notes.add("runs", new Gson().toJsonTree(trainRuns));
		notes.addProperty("val_project", valProject.toAbsolutePath().normalize().getFileName().toString());
		notes.add("val_runs", new Gson().toJsonTree(valRuns));
		notes.addProperty("proposals", proposalCount);
		notes.addProperty("seed", seed);
		notes.addProperty("max_nodes", maxNodes);
		notes.addProperty("val_weighted_f4_all_proposals", all.weightedFBeta());
		ClassifierFile.save(classifier, target, notes, descriptor.templates());
		stdout.printf("classifier written to %s%n", target);
		stdout.flush();
		if (!Files.isRegularFile(target.resolve(ClassifierFile.FOREST)))
			throw new IllegalStateException("training finished but " + target + " was not written");
	}

	/**
	 * Adds the kept examples of the runs that {@code DIR/<set>/<run>.examples} holds to {@code into} and returns the
	 * runs that have none (all of them without --examples).
	 */
	private static List<String> cached(Path dir, String set, List<String> runs, ParticleCatalog catalog,
			ParticleDescriptor descriptor, List<TomogramExamples> into, CopickTomograms project,
			ProposalSettings proposals, String truthUser) {
		List<String> missing = new ArrayList<>();
		for (String run : runs) {
			Path file = dir == null ? null : dir.resolve(set).resolve(run + ".examples");
			if (file == null || !Files.isRegularFile(file)) {
				missing.add(run);
				continue;
			}
			if (descriptor.templates() != null && ExamplesCache.featureCount(file) == descriptor.baseSize()) {
				// kept before template scores: add them from the run's tomogram (the branches need not run again)
				for (TomogramExamples ex : ExamplesCache.read(file, catalog, descriptor.baseSize())) {
					var tomogram = project.read(run, catalog, truthUser, null, 0);
					var sampler = new org.tomopick.classify.TomogramSampler(org.tomopick.grid.WorkingGrid.prepare(
							tomogram.tomogram(), tomogram.voxelSizeAngstrom(), proposals.gridVoxelAngstrom(),
							proposals.normalisation()));
					TomogramExamples full = new TomogramExamples(ex.name(), ex.proposals(), ProposalClassifier
							.addTemplateScores(descriptor, ex.proposals(), sampler, ex.rows()), ex.labels(), ex.truth());
					ExamplesCache.write(file, List.of(full), descriptor.size());
					into.add(full);
				}
				continue;
			}
			into.addAll(ExamplesCache.read(file, catalog, descriptor.size()));
		}
		return missing;
	}

	/** Sorts examples into the order of the runs, whether they were read or collected (the fit depends on it). */
	private static void inOrder(List<TomogramExamples> examples, List<String> runs) {
		examples.sort(java.util.Comparator.comparingInt(ex -> runs.indexOf(ex.name())));
	}

	private static void keep(Path dir, String set, TomogramExamples ex, ParticleDescriptor descriptor) {
		if (dir != null)
			ExamplesCache.write(dir.resolve(set).resolve(ex.name() + ".examples"), List.of(ex), descriptor.size());
	}

	/** Validation proposals: true label (rows) against the most probable label, background included. */
	private static void confusion(PrintWriter out, CandidateClassifier classifier, List<TomogramExamples> examples) {
		List<String> names = classifier.classes();
		int[][] m = new int[names.size()][names.size()];
		for (TomogramExamples ex : examples)
			for (int i = 0; i < ex.labels().length; i++) {
				double[] p = classifier.probabilities(ex.rows()[i]);
				int best = 0;
				for (int c = 1; c < p.length; c++)
					if (p[c] > p[best])
						best = c;
				m[ex.labels()[i]][best]++;
			}
		out.println("validation proposals, true class (rows) against the most probable class (columns):");
		StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-20s", ""));
		for (String n : names)
			header.append(String.format(Locale.ROOT, " %8.8s", n));
		out.println(header);
		for (int r = 0; r < names.size(); r++) {
			StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-20s", names.get(r)));
			for (int c = 0; c < names.size(); c++)
				row.append(String.format(Locale.ROOT, " %8d", m[r][c]));
			out.println(row);
		}
	}

	private static void print(PrintWriter out, String line) {
		out.println(line);
		out.flush();
	}
}
