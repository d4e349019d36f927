package org.tomopick.unet;

import org.tomopick.grid.Normalisation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.tomopick.eval.ThresholdTuner;
import org.tomopick.model.Particle;
import org.tomopick.progress.Progress;

/**
 * Trains a UNet3D on annotated tomograms (see {@link UNetTrainingSettings} for the recipe) and validates it with the
 * CZII score after peak finding. Checkpoints go to a work directory: {@code last/} (model + training state, every
 * {@code checkpointInterval} epochs and at the end) and {@code best/} (the model with the best validation score, or
 * the last one without a validation set). If {@code last/} holds a state, training resumes after its epoch; the
 * schedule continues, the AdamW moments start again (they are not saved).
 *
 * <pre>
 * UNetTrainingResult r = new UNetTrainer(settings, Path.of("work/unet")).train(trainSet, validationSet,
 * 		progress, epoch -> System.err.println(epoch));
 * try (UNetModel best = UNetModel.load(r.bestModel())) { ... }
 * </pre>
 */
public final class UNetTrainer {

	/** Validation reads candidates from this class probability up (or the model's lower threshold). */
	static final double VALIDATION_PEAK_THRESHOLD = 0.1;

	/** Called after every epoch (on the training thread). */
	@FunctionalInterface
	public interface EpochListener {
		void epochFinished(EpochRecord record);
	}

	private final UNetSettings settings;
	private final Path workDirectory;
	private final Path initialModel;
	private final BooleanSupplier stopEarly;

	public UNetTrainer(UNetSettings settings, Path workDirectory) {
		this(settings, workDirectory, null, () -> false);
	}

	private UNetTrainer(UNetSettings settings, Path workDirectory, Path initialModel, BooleanSupplier stopEarly) {
		this.settings = settings.validate();
		this.workDirectory = workDirectory;
		this.initialModel = initialModel;
		this.stopEarly = stopEarly;
	}

	/**
	 * Ends the training early, and normally, when {@code stop} turns true (asked before every step; a time budget, a
	 * user's "stop and keep the best"): the epoch under way ends there, is validated and can still become the best.
	 * Unlike a {@link Progress} cancel, which throws, the result is returned.
	 */
	public UNetTrainer withEarlyStop(BooleanSupplier stop) {
		return new UNetTrainer(settings, workDirectory, initialModel, stop);
	}

	/**
	 * Starts a new training (not a resumed one) from the weights of a model folder instead of random ones
	 * (fine-tuning); the model must have the settings' architecture and classes.
	 */
	public UNetTrainer withInitialModel(Path modelFolder) {
		return new UNetTrainer(settings, workDirectory, modelFolder, stopEarly);
	}

	public Path lastDirectory() {
		return workDirectory.resolve("last");
	}

	public Path bestDirectory() {
		return workDirectory.resolve("best");
	}

	public UNetTrainingResult train(List<TrainingExample> training, List<TrainingExample> validation,
			Progress progress, EpochListener listener) {
		if (training.isEmpty())
			throw new IllegalArgumentException("UNet training needs at least one training example");
		UNetTrainingSettings t = settings.training();
		Normalisation normalisation = Normalisation.WHITENED;
		progress.report("preparing training data", 0);
		List<PreparedExample> train = new ArrayList<>();
		for (TrainingExample e : training)
			train.add(PreparedExample.of(e, settings, normalisation));
		List<PreparedExample> val = new ArrayList<>();
		for (TrainingExample e : validation)
			val.add(PreparedExample.of(e, settings, normalisation));

		TrainingState state = Files.isRegularFile(lastDirectory().resolve(TrainingState.FILE))
				? TrainingState.read(lastDirectory())
				: new TrainingState(0, List.of(), 0, Double.NaN);
		try (UNetModel model = state.epochsDone() > 0 ? resumeModel(lastDirectory())
				: initialModel != null ? initialModel() : UNetModel.create(UNetModelInfo.untrained(settings), t.seed())) {
			TrainingStep step = new TrainingStep(model, t, state.epochsDone() * t.stepsPerEpoch());
			List<EpochRecord> history = new ArrayList<>(state.history());
			int bestEpoch = state.bestEpoch();
			double bestScore = state.bestScore();
			double bestLoss = history.stream().filter(r -> r.epoch() == state.bestEpoch()).mapToDouble(EpochRecord::loss)
					.findFirst().orElse(Double.POSITIVE_INFINITY);
			if (state.epochsDone() == 0 && initialModel != null && !val.isEmpty()) {
				// fine-tuning: the starting weights are epoch 0, so training never ends worse than it began
				bestScore = validate(model, val);
				bestEpoch = 0;
				history.add(new EpochRecord(0, Double.NaN, bestScore, 0, 0));
				listener.epochFinished(history.get(0));
				model.updateInfo(model.info().withTraining(0, bestScore));
				model.save(bestDirectory());
			}
			CropSampler sampler = new CropSampler(t.cropSize(), t.particleCropFraction(), t.intensityJitter(),
					t.snrAugmentation(), settings.voxelSizeAngstrom());
			int totalSteps = t.epochs() * t.stepsPerEpoch();
			boolean stopped = false;
			for (int epoch = state.epochsDone() + 1; epoch <= t.epochs() && !stopped; epoch++) {
				long t0 = System.nanoTime();
				SplittableRandom random = new SplittableRandom(t.seed() * 1_000_003L + epoch);
				double lossSum = 0;
				int steps = 0;
				for (int s = 0; s < t.stepsPerEpoch(); s++) {
					progress.checkCancelled("UNet training");
					if (stopEarly.getAsBoolean()) {
						stopped = true;
						break;
					}
					lossSum += step.run(train, sampler, random);
					steps++;
					progress.report("UNet training", ((epoch - 1.0) * t.stepsPerEpoch() + s + 1) / totalSteps);
				}
				if (steps == 0)
					break;
				double loss = lossSum / steps;
				boolean last = epoch == t.epochs() || stopped;
				double score = Double.NaN;
				if (!val.isEmpty() && (epoch % t.validationInterval() == 0 || last))
					score = validate(model, val);
				EpochRecord record = new EpochRecord(epoch, loss, score, step.learningRate(),
						(System.nanoTime() - t0) * 1e-9);
				history.add(record);
				listener.epochFinished(record);
				boolean better = val.isEmpty() ? loss < bestLoss
						: !Double.isNaN(score) && (Double.isNaN(bestScore) || score > bestScore);
				if (val.isEmpty())
					bestLoss = Math.min(bestLoss, loss);
				if (better) {
					bestEpoch = epoch;
					bestScore = score;
					model.updateInfo(model.info().withTraining(epoch, score));
					model.save(bestDirectory());
				}
				if (epoch % t.checkpointInterval() == 0 || last) {
					model.updateInfo(model.info().withTraining(epoch, score));
					model.save(lastDirectory());
					new TrainingState(epoch, history, bestEpoch, bestScore).write(lastDirectory());
				}
			}
			return new UNetTrainingResult(history, bestEpoch, bestScore, bestDirectory(), lastDirectory());
		}
	}

	/**
	 * The starting model of a fine-tuning, its training record cleared. Its per-class peak thresholds stay: they are
	 * picking settings that {@code tune} chose for it, not something training learns (training's own validation
	 * reads peaks from {@value #VALIDATION_PEAK_THRESHOLD} up whatever they are), so the stages after it (the
	 * classifier's proposals) see the same peaks as picking does.
	 */
	private UNetModel initialModel() {
		UNetModel model = resumeModel(initialModel);
		model.updateInfo(UNetModelInfo.untrained(settings).withClasses(model.info().classes()));
		return model;
	}

	private UNetModel resumeModel(Path directory) {
		UNetModel model = UNetModel.load(directory);
		UNetModelInfo info = model.info();
		List<String> names = info.catalog().classes().stream().map(c -> c.name()).toList();
		List<String> wanted = settings.classes().classes().stream().map(c -> c.name()).toList();
		if (!info.architecture().equals(settings.architecture()) || info.voxelSizeAngstrom() != settings
				.voxelSizeAngstrom() || !names.equals(wanted) || directory.equals(lastDirectory())
						&& info.normalisation() != Normalisation.WHITENED) {
			model.close();
			throw new IllegalArgumentException("cannot " + (directory.equals(lastDirectory()) ? "resume" : "start")
					+ " from " + directory + ": it was trained with "
					+ info.architecture() + " at " + info.voxelSizeAngstrom() + " A for " + names
					+ ", the settings ask for " + settings.architecture() + " at " + settings.voxelSizeAngstrom()
					+ " A for " + wanted + " with " + Normalisation.WHITENED + " (use another work directory)");
		}
		return model;
	}

	/**
	 * The CZII score of the model's candidates on the validation examples, each class's score threshold chosen on
	 * them ({@link ThresholdTuner#tunedScore}); candidates are taken from {@value #VALIDATION_PEAK_THRESHOLD} up (or
	 * the model's lower class threshold). A fixed threshold would prefer the epochs whose confidence happens to suit
	 * it: a model that grows less sure on harder data loses candidates there even where it ranks them better.
	 */
	private double validate(UNetModel model, List<PreparedExample> val) {
		List<UNetClassInfo> low = model.info().classes().stream().map(c -> c.withThreshold(Math.min(c.threshold(),
				VALIDATION_PEAK_THRESHOLD), c.minVoxels())).toList();
		UNetDetector detector = new UNetDetector(model.info().withClasses(low), model.predictor(), settings.tiling(),
				settings.peaks());
		Map<String, List<Particle>> truth = new LinkedHashMap<>(), picks = new LinkedHashMap<>();
		for (PreparedExample e : val) {
			truth.put(e.source().name(), e.source().truth());
			picks.put(e.source().name(), detector.detect(e.volume(), Progress.NONE).candidates());
		}
		return new ThresholdTuner(settings.classes(), settings.peaks().threshold()).tunedScore(truth, picks)
				.weightedFBeta();
	}
}
