package org.tomopick.adapt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.tomopick.eval.ThresholdTuner;
import org.tomopick.fuse.FusionSettings;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.pipeline.AnnotatedTomogram;
import org.tomopick.pipeline.BranchTraining;
import org.tomopick.pipeline.PickingMode;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.pipeline.PipelineTuner;
import org.tomopick.pipeline.PipelineTuning;
import org.tomopick.progress.Progress;
import org.tomopick.unet.UNetModel;
import org.tomopick.unet.UNetModelInfo;
import org.tomopick.yolo.YoloModel;
import org.tomopick.yolo.YoloModelFile;

/**
 * Adapts a models folder to a user's annotated tomograms: fine-tunes both branches from their weights, refits the
 * candidate classifier and re-tunes the per-class thresholds, and keeps at every stage whichever is better on data
 * held out from the fitting (the starting model included: adapting never ends worse on the held-out data than it
 * began).
 * <p>
 * What is assumed about the annotations: inside the region of each tomogram that holds its picks (their bounding
 * box grown by the largest particle radius) the picks of every class that was picked at all are complete, so other
 * proposals there are background; nothing outside that region is used. Classes that nobody picked are not taught as
 * background: the starting models' own picks of those classes (with their tuned thresholds) stand in for the truth
 * while the branches and the classifier learn, and their thresholds are kept. Without validation tomograms, the last
 * quarter of every region (across its longest in-plane axis) is held out to choose the stopping epoch of each branch,
 * the classifier and the thresholds.
 */
public final class ModelAdaptation {

	/** The blocks the held-out data are resampled in: about three ribosome diameters. */
	static final double BLOCK_ANGSTROM = 800;
	static final int DRAWS = 400;
	/** The UNet stops fine-tuning after this many epochs in a row without a better held-out score. */
	static final int PATIENCE = 10;

	/** One stage: its score on the held-out data before and after, whether its result was kept. */
	public record Stage(String name, double before, double after, boolean kept, double seconds, String note) {
	}

	/** What an adaptation did. */
	public record Outcome(Path folder, List<Stage> stages, double before, double after, boolean adaptedKept,
			boolean stoppedEarly, double seconds, List<String> annotatedClasses, Map<String, Integer> pseudoLabels,
			List<String> regions, int trainingParticles, int heldOutParticles) {
	}

	private final Path startModels;
	private final AdaptSettings settings;
	private final ParticleCatalog catalog;

	public ModelAdaptation(Path startModels, AdaptSettings settings, ParticleCatalog catalog) {
		this.startModels = startModels;
		this.settings = settings.validate();
		this.catalog = catalog;
	}

	/**
	 * @param annotated  the user's tomograms with their (reviewed) picks as truth
	 * @param validation annotated tomograms to judge on instead of held-out parts (may be empty)
	 * @param simulated  fully annotated extra tomograms mixed into the fitting (may be empty)
	 * @param out        the models folder to write (written as a whole at the end; must not exist or be empty)
	 * @param work       a folder for the branches' checkpoints
	 * @param progress   progress; a cancel stops the fitting, keeps the best state so far and still writes
	 * @param log        one line per step
	 */
	public Outcome adapt(List<AnnotatedTomogram> annotated, List<AnnotatedTomogram> validation,
			List<AnnotatedTomogram> simulated, Path out, Path work, Progress progress, Consumer<String> log) {
		long start = System.nanoTime();
		long deadline = start + (long) (settings.minutes() * 60e9);
		Clock clock = new Clock(start, deadline, progress);
		Progress quiet = clock.uncancellable();
		if (annotated.isEmpty())
			throw new IllegalArgumentException("adapt needs at least one annotated tomogram");
		ParticleCatalog present = PipelineTuner.present(catalog,
				annotated.stream().map(AnnotatedTomogram::truth).toList());
		if (present.size() == 0)
			throw new IllegalArgumentException("the annotated tomograms hold no picks of the known classes");
		List<ParticleClass> absent = catalog.classes().stream().filter(c -> present.indexOf(c) < 0).toList();
		double margin = catalog.classes().stream().mapToDouble(ParticleClass::radiusAngstrom).max().orElse(0);

		// the annotated regions, and the held-out parts
		List<AnnotatedTomogram> fit = new ArrayList<>(), heldOut = new ArrayList<>();
		List<String> regions = new ArrayList<>();
		for (AnnotatedTomogram t : annotated) {
			AnnotatedRegion region = AnnotatedRegion.ofPicks(t, margin);
			if (validation.isEmpty()) {
				AnnotatedRegion[] parts = region.split(settings.heldOutFraction());
				fit.add(parts[0].crop(t, t.name() + "-fit"));
				heldOut.add(parts[1].crop(t, t.name() + "-held-out"));
				regions.add(t.name() + ": " + parts[0] + " fitted, " + parts[1] + " held out");
			} else {
				fit.add(region.crop(t, t.name()));
				regions.add(t.name() + ": " + region);
			}
		}
		for (AnnotatedTomogram v : validation) {
			AnnotatedRegion region = AnnotatedRegion.ofPicks(v, margin);
			heldOut.add(region.crop(v, v.name()));
			regions.add(v.name() + ": " + region + " (validation)");
		}
		int fitParticles = fit.stream().mapToInt(t -> t.truth().size()).sum();
		int heldOutParticles = heldOut.stream().mapToInt(t -> t.truth().size()).sum();
		log.accept(String.format(Locale.ROOT, "annotated classes %s; %d particles to fit on, %d held out; regions: %s",
				names(present), fitParticles, heldOutParticles, regions));
		if (heldOutParticles == 0)
			throw new IllegalArgumentException("no picks fall in the held-out part of the annotated region; give "
					+ "--val-runs or annotate a larger part of the tomogram");

		Path staging = stagingFolder(out);
		List<Stage> stages = new ArrayList<>();
		try {
			copyModels(startModels, staging);
			PipelineTuning startTuning = PipelineTuning.readIfPresent(startModels);
			double candidateThreshold = startTuning != null ? startTuning.candidateThreshold() : 0.2;
			PipelineTuner tuner = new PipelineTuner(present, candidateThreshold);

			// the starting models on the held-out data, and their picks of the classes nobody annotated
			long t0 = System.nanoTime();
			progress.report("picking with the starting models", 0);
			double before;
			PipelineTuning startRetuned;
			double startRetunedScore;
			PipelineTuner.Picks startPicks;
			Map<String, Integer> pseudo = new LinkedHashMap<>();
			try (PickingPipeline p = untuned(startModels, candidateThreshold)) {
				PipelineTuner.Picks picks = tuner.pick(p, names(heldOut), byName(heldOut), quiet);
				startPicks = picks;
				before = startTuning != null ? tuner.score(picks, PickingMode.FULL, startTuning) : Double.NaN;
				startRetuned = retuned(tuner, picks, startTuning, "held-out parts of " + names(annotated)
						+ validationNote(validation) + " (starting models)", settings.seed() + 2,
						line -> log.accept("  starting models: " + line));
				startRetunedScore = tuner.score(picks, PickingMode.FULL, startRetuned);
				if (!absent.isEmpty() && startTuning != null) {
					fit = withPseudoLabels(fit, p, startTuning, absent, pseudo, quiet);
					heldOut = withPseudoLabels(heldOut, p, startTuning, absent, pseudo, quiet);
				}
			}
			double pickSeconds = (System.nanoTime() - t0) * 1e-9;
			log.accept(String.format(Locale.ROOT, "starting models: held-out F4 %.4f with their thresholds, %.4f with "
					+ "thresholds chosen on the held-out data; their picks of unannotated classes used as truth: %s "
					+ "(%.0f s)", before, startRetunedScore, pseudo, pickSeconds));

			// the branches share what the later stages leave: about two more passes over the data, plus the forest
			List<AnnotatedTomogram> fitAll = new ArrayList<>(fit);
			fitAll.addAll(simulated);
			double reserve = 2.5 * pickSeconds * (fitAll.size() + heldOut.size()) / Math.max(1, fit.size() + heldOut.size())
					+ 30;
			double branchSeconds = Math.max(0, clock.secondsLeft() - reserve);
			log.accept(String.format(Locale.ROOT, "time: %.1f of %.1f min used; the branches get %.1f min, the rest "
					+ "about %.1f", clock.minutesUsed(), settings.minutes(), branchSeconds / 60, reserve / 60));
			long unetEnd = System.nanoTime() + (long) (branchSeconds * settings.unetShare() * 1e9);
			stages.add(fineTune(BranchTraining.Branch.UNET, fitAll, heldOut, staging, work, unetEnd, clock, log));
			long yoloEnd = System.nanoTime() + (long) (Math.max(0, clock.secondsLeft() - reserve) * 1e9);
			stages.add(fineTune(BranchTraining.Branch.YOLO, fitAll, heldOut, staging, work, yoloEnd, clock, log));
			if (!clock.stopped())
				stages.add(new ClassifierRefit(catalog, settings.seed()).refit(fitAll, heldOut, staging, present,
						candidateThreshold, quiet, log));
			else
				stages.add(new Stage("classifier", Double.NaN, Double.NaN, false, 0, "skipped: stopped early"));

			if (progress.isCancelled()) {
				// stopped by the user: what was fitted so far, with the starting thresholds; no time for more
				stages.add(new Stage("thresholds", Double.NaN, Double.NaN, false, 0, "skipped: stopped by the user"));
				log.accept("stopped by the user: the branches' best epochs so far are written with the starting "
						+ "thresholds, not compared with the starting models");
				return new Outcome(out, stages, before, Double.NaN, true, true, (System.nanoTime() - start) * 1e-9,
						names(present), pseudo, regions, fitParticles, heldOutParticles);
			}
			// thresholds on the held-out data; the better of the adapted and the starting models is written
			t0 = System.nanoTime();
			progress.report("tuning thresholds", 0);
			PipelineTuning tuning;
			double after;
			PipelineTuner.Picks adaptedPicks;
			try (PickingPipeline p = untuned(staging, candidateThreshold)) {
				adaptedPicks = tuner.pick(p, names(heldOut), byName(heldOut), quiet);
				tuning = retuned(tuner, adaptedPicks, startTuning, "held-out parts of " + names(annotated)
						+ validationNote(validation), settings.seed() + 3, line -> log.accept("  adapted models: "
								+ line));
				after = tuner.score(adaptedPicks, PickingMode.FULL, tuning);
			}
			// A change is kept only when the held-out data are sure of it: thresholds class by class by
			// cross-validation (retuned), the adapted models by a block bootstrap against the starting ones (models
			// that score a few hundredths higher on a few held-out particles often do worse elsewhere).
			String startChoice = startTuning == null ? "no starting thresholds: those chosen on the held-out data"
					: "starting models' thresholds re-chosen for " + rechosen(startTuning, startRetuned);
			double chance = tuner.chanceBetter(adaptedPicks, tuning, startPicks, startRetuned, BLOCK_ANGSTROM, DRAWS,
					settings.seed() + 1);
			boolean adaptedKept = chance >= settings.confidence();
			String note = String.format(Locale.ROOT, "adapted better than the starting models in %.0f%% of "
					+ "resamplings of the held-out data (%.0f%% needed): %s; %s", 100 * chance, 100 * settings.confidence(),
					adaptedKept ? "adapted models kept" : "starting models kept", startChoice
							+ (startTuning == null ? "" : "; adapted models' thresholds re-chosen for "
									+ rechosen(startTuning, tuning)));
			stages.add(new Stage("thresholds", startRetunedScore, after, adaptedKept, (System.nanoTime() - t0) * 1e-9,
					note));
			if (!adaptedKept) {
				deleteTree(staging);
				copyModels(startModels, staging);
			}
			(adaptedKept ? tuning : startRetuned).write(staging);
			log.accept(String.format(Locale.ROOT, "held-out F4 of full mode: %.4f starting models (%.4f with "
					+ "thresholds chosen there), %.4f adapted; %s", before, startRetunedScore, after, note));
			return new Outcome(out, stages, before, adaptedKept ? after : startRetunedScore, adaptedKept,
					clock.stopped(), (System.nanoTime() - start) * 1e-9, names(present), pseudo, regions,
					fitParticles, heldOutParticles);
		} catch (RuntimeException e) {
			deleteTree(staging);
			throw e;
		}
	}

	/**
	 * Adapts ({@link #adapt}), writes the model card into the staged folder and moves it to {@code out}, which must
	 * be absent or an empty folder ({@link #requireNewFolder}).
	 *
	 * @param command the command (or Fiji command and its inputs) that asked for it, for the card
	 * @param data    where the annotations came from, for the card
	 */
	public Outcome adaptAndWrite(List<AnnotatedTomogram> annotated, List<AnnotatedTomogram> validation,
			List<AnnotatedTomogram> simulated, Path out, Path work, Progress progress, Consumer<String> log,
			String command, String data) {
		requireNewFolder(out);
		Outcome o = adapt(annotated, validation, simulated, out, work, progress, log);
		AdaptationCard.write(stagingFolder(out), o, settings, command, data, startModels, simulated.size());
		publish(out);
		return o;
	}

	/** The classes whose full-mode threshold differs between two tunings, as text ("no class" if none). */
	private static String rechosen(PipelineTuning start, PipelineTuning now) {
		List<String> changed = new ArrayList<>();
		now.thresholds(PickingMode.FULL).forEach((c, t) -> {
			Double s = start.thresholds(PickingMode.FULL).get(c);
			if (s == null || Math.abs(s - t) > 1e-9)
				changed.add(c);
		});
		return changed.isEmpty() ? "no class" : String.join(", ", changed);
	}

	/**
	 * Thresholds for these held-out picks: without starting thresholds those chosen there; with them, a class's
	 * threshold is re-chosen only where cross-validation over the held-out blocks says that choosing it there beats
	 * the starting one ({@link PipelineTuner#sureThresholds}): a handful of held-out particles of a class choose a
	 * threshold that looks best on them and is often worse elsewhere.
	 */
	private PipelineTuning retuned(PipelineTuner tuner, PipelineTuner.Picks picks, PipelineTuning start,
			String tunedOn, long seed, Consumer<String> log) {
		if (start == null)
			return tuner.tune(picks, null, tunedOn, log);
		return tuner.sureThresholds(picks, start, tunedOn, BLOCK_ANGSTROM, DRAWS / 2, seed, settings.confidence(),
				log);
	}

	/**
	 * Throws IllegalArgumentException unless {@code out} is absent or an empty folder and no other adaptation is
	 * writing it: adapted models never overwrite a models folder.
	 */
	public static void requireNewFolder(Path out) {
		if (Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			if (!Files.isDirectory(out, java.nio.file.LinkOption.NOFOLLOW_LINKS))
				throw new IllegalArgumentException(out + " exists and is not a folder");
			try (Stream<Path> s = Files.list(out)) {
				if (s.findAny().isPresent())
					throw new IllegalArgumentException(out + " is not empty; give a new folder (adapted models "
							+ "never overwrite a models folder)");
			} catch (IOException e) {
				throw new IllegalArgumentException(out + ": " + e.getMessage());
			}
		}
		if (Files.exists(stagingFolder(out), java.nio.file.LinkOption.NOFOLLOW_LINKS))
			throw new IllegalArgumentException(stagingFolder(out) + " exists: another adaptation is writing " + out
					+ ", or one was killed (remove that folder)");
	}

	/** Moves the staged folder to {@code out} (absent or empty). */
	private static void publish(Path out) {
		Path staging = stagingFolder(out);
		try {
			if (Files.isDirectory(out))
				Files.delete(out); // empty: checked before adapting; a non-empty folder makes delete fail
			Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			throw new TomoPickIoException(out, "cannot write the adapted models (they are in " + staging + "): "
					+ e.getMessage(), e);
		}
	}

	/** Where the folder is assembled before it is moved into place. */
	public static Path stagingFolder(Path out) {
		Path abs = out.toAbsolutePath().normalize();
		return abs.resolveSibling("." + abs.getFileName() + ".adapting");
	}

	private Stage fineTune(BranchTraining.Branch branch, List<AnnotatedTomogram> fit, List<AnnotatedTomogram> heldOut,
			Path staging, Path work, long endNanos, Clock clock, Consumer<String> log) {
		long t0 = System.nanoTime();
		String name = branch.folderName();
		Path from = startModels.resolve(name);
		if (!Files.isDirectory(from))
			return new Stage(name, Double.NaN, Double.NaN, false, 0, "no such branch in the starting models");
		if (clock.stopped() || endNanos <= System.nanoTime())
			return new Stage(name, Double.NaN, Double.NaN, false, 0, "skipped: no time left");
		int width;
		UNetModelInfo unetInfo = null;
		if (branch == BranchTraining.Branch.UNET)
			try (UNetModel m = UNetModel.load(from)) {
				unetInfo = m.info();
				width = unetInfo.architecture().baseChannels();
			}
		else
			try (YoloModel m = YoloModelFile.load(from.resolve("yolo.params"))) {
				width = m.settings().architecture().width();
			}
		boolean unet = branch == BranchTraining.Branch.UNET;
		// the branch stops at its time; the UNet also when PATIENCE epochs in a row did not beat its best held-out
		// score (its time left then goes to YOLO, which comes next and uses all the time there is)
		double[] best = { Double.NEGATIVE_INFINITY };
		int[] sinceBest = { 0 };
		BranchTraining training = new BranchTraining(branch, catalog, settings.seed(), 100_000,
				unet ? settings.unetSteps() : settings.yoloSteps(), width, 1,
				unet ? settings.unetLearningRate() : settings.yoloLearningRate())
				.withEarlyStop(() -> clock.stopped() || System.nanoTime() >= endNanos
						|| unet && sinceBest[0] >= PATIENCE);
		Path target = work.resolve(name + ".adapted");
		// a fresh start every time: a checkpoint left in the work folder would be resumed
		deleteTree(target);
		deleteTree(work.resolve(name + ".work"));
		double[] first = { Double.NaN };
		int[] epochs = { 0 };
		BranchTraining.Outcome o = training.train(fit, heldOut, target, work.resolve(name + ".work"), from,
				clock.progressFor(name + " fine-tuning", t0, endNanos), line -> {
					double score = scoreOf(line);
					if (Double.isNaN(first[0]))
						first[0] = score;
					if (score > best[0]) {
						best[0] = score;
						sinceBest[0] = 0;
					} else if (!Double.isNaN(score))
						sinceBest[0]++;
					epochs[0]++;
					log.accept("  " + name + " " + line.trim() + String.format(Locale.ROOT, "  (%.1f min left)",
							clock.secondsLeft() / 60));
				});
		boolean kept = o.bestEpoch() > 0;
		if (kept) {
			replaceFolder(target, staging.resolve(name));
			if (unetInfo != null) // keep the tuned peak thresholds of the starting model
				try (UNetModel m = UNetModel.load(staging.resolve(name))) {
					m.updateInfo(m.info().withClasses(unetInfo.classes()));
					m.save(staging.resolve(name));
				}
		}
		double seconds = (System.nanoTime() - t0) * 1e-9;
		String note = String.format(Locale.ROOT, "%d epochs of %d steps, best epoch %d%s%s", epochs[0] - 1,
				unet ? settings.unetSteps() : settings.yoloSteps(), o.bestEpoch(),
				unet && sinceBest[0] >= PATIENCE ? String.format(Locale.ROOT, " (stopped: %d epochs without a better "
						+ "held-out score)", PATIENCE) : "",
				kept ? "" : " (the starting weights: nothing better on the held-out data)");
		log.accept(String.format(Locale.ROOT, "%s: branch F4 on the held-out data %.4f -> %.4f, %s, %.1f min", name,
				first[0], o.bestScore(), note, seconds / 60));
		return new Stage(name, first[0], o.bestScore(), kept, seconds, note);
	}

	/** The validation score of an epoch line of {@link BranchTraining} ("... validation F4 0.1234 ..."). */
	private static double scoreOf(String line) {
		int i = line.indexOf("validation F4 ");
		if (i < 0)
			return Double.NaN;
		String rest = line.substring(i + "validation F4 ".length()).trim().split("\\s+")[0];
		try {
			return Double.parseDouble(rest);
		} catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	/** The tomograms with the starting models' tuned picks of the absent classes added to their truth. */
	private static List<AnnotatedTomogram> withPseudoLabels(List<AnnotatedTomogram> set, PickingPipeline pipeline,
			PipelineTuning tuning, List<ParticleClass> absent, Map<String, Integer> counts, Progress progress) {
		List<AnnotatedTomogram> out = new ArrayList<>();
		for (AnnotatedTomogram t : set) {
			List<Particle> picks = ThresholdTuner.apply(pipeline.fuse(pipeline.detect(t.tomogram(),
					t.voxelSizeAngstrom(), progress), PickingMode.FULL, tuning.labelDecision()).particles(),
					tuning.thresholds(PickingMode.FULL));
			List<Particle> truth = new ArrayList<>(t.truth());
			for (Particle p : picks)
				if (absent.contains(p.type())) {
					truth.add(p);
					counts.merge(p.type().name(), 1, Integer::sum);
				}
			out.add(new AnnotatedTomogram(t.name(), t.tomogram(), t.voxelSizeAngstrom(), truth));
		}
		return out;
	}

	private static PickingPipeline untuned(Path models, double candidateThreshold) {
		return PickingPipeline.load(models, PickingMode.FULL,
				FusionSettings.defaults().withThresholds(candidateThreshold, Map.of()), null);
	}

	private static String validationNote(List<AnnotatedTomogram> validation) {
		return validation.isEmpty() ? "" : " and validation runs " + names(validation);
	}

	static List<String> names(List<AnnotatedTomogram> set) {
		return set.stream().map(AnnotatedTomogram::name).toList();
	}

	private static List<String> names(ParticleCatalog c) {
		return c.classes().stream().map(ParticleClass::name).toList();
	}

	static java.util.function.Function<String, AnnotatedTomogram> byName(List<AnnotatedTomogram> set) {
		return name -> set.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
	}

	/** Copies the regular files of a models folder (one level of sub-folders: unet/, yolo/, classifier/). */
	static void copyModels(Path from, Path to) {
		try {
			Files.createDirectories(to);
			try (Stream<Path> s = Files.list(from)) {
				for (Path p : s.sorted().toList()) {
					if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
							&& p.getFileName().toString().endsWith(".json"))
						Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
					else if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
							&& List.of(PickingPipeline.UNET_FOLDER, PickingPipeline.YOLO_FOLDER,
									PickingPipeline.CLASSIFIER_FOLDER).contains(p.getFileName().toString()))
						replaceFolder(p, to.resolve(p.getFileName()));
				}
			}
		} catch (IOException e) {
			throw new TomoPickIoException(to, "cannot copy the models of " + from + ": " + e.getMessage(), e);
		}
	}

	private static void replaceFolder(Path from, Path to) {
		try {
			deleteTree(to);
			Files.createDirectories(to);
			try (Stream<Path> s = Files.list(from)) {
				for (Path f : s.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList())
					Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		} catch (IOException e) {
			throw new TomoPickIoException(to, "cannot copy " + from + ": " + e.getMessage(), e);
		}
	}

	static void deleteTree(Path dir) {
		if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS))
			return;
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList())
				Files.delete(p);
		} catch (IOException e) {
			throw new TomoPickIoException(dir, "cannot remove: " + e.getMessage(), e);
		}
	}

	/** The time budget and the user's stop, seen by every stage. */
	private static final class Clock {
		private final long start, deadline;
		private final Progress user;

		Clock(long start, long deadline, Progress user) {
			this.start = start;
			this.deadline = deadline;
			this.user = user;
		}

		/** The user asked to stop (keep the best so far), or the budget is spent. */
		boolean stopped() {
			return user.isCancelled() || System.nanoTime() >= deadline;
		}

		double secondsLeft() {
			return Math.max(0, (deadline - System.nanoTime()) * 1e-9);
		}

		double minutesUsed() {
			return (System.nanoTime() - start) / 60e9;
		}

		/** The user's progress without its cancel: stages stop through {@link #stopped()} and keep their best. */
		Progress uncancellable() {
			return new Progress() {
				@Override
				public void report(String stage, double fraction) {
					user.report(stage + timeLeft(), fraction);
				}
			};
		}

		/** Progress of a timed stage as the share of its time slot that has passed. */
		Progress progressFor(String stage, long from, long until) {
			return new Progress() {
				@Override
				public void report(String ignored, double fraction) {
					double f = Math.min(1, (System.nanoTime() - from) / (double) Math.max(1, until - from));
					user.report(stage + timeLeft(), f);
				}
			};
		}

		private String timeLeft() {
			return String.format(Locale.ROOT, " (%.0f of %.0f min left)", secondsLeft() / 60,
					(deadline - start) / 60e9);
		}
	}
}
