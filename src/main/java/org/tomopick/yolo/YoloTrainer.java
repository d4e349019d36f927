package org.tomopick.yolo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.tomopick.eval.ScoreReport;
import org.tomopick.eval.ThresholdTuner;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.progress.Progress;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Trains the slice detector on in-memory examples: AdamW with decoupled weight decay and a cosine learning-rate
 * decay, the paper's phase-weighted loss, seeded crops ({@link SliceCropSampler}); after each epoch the branch
 * picks the validation tomograms (detection, per-slice NMS, cross-slice linking) and the CZII score decides which
 * epoch's weights are kept. With a checkpoint folder every epoch is saved there and a run that finds a saved state
 * resumes after its last finished epoch. One sub-NDManager per step keeps memory flat.
 */
public final class YoloTrainer {

	public static final String STAGE = "yolo training";

	private final YoloSettings settings;
	private final ParticleCatalog catalog;
	private final Path checkpointFolder;
	private final Consumer<YoloEpochReport> listener;
	private final Path initialWeights;
	private final BooleanSupplier stopEarly;

	public YoloTrainer(YoloSettings settings, ParticleCatalog catalog) {
		this(settings, catalog, null, r -> {
		}, null, () -> false);
	}

	private YoloTrainer(YoloSettings settings, ParticleCatalog catalog, Path checkpointFolder,
			Consumer<YoloEpochReport> listener, Path initialWeights, BooleanSupplier stopEarly) {
		this.settings = settings.validate();
		this.catalog = catalog;
		this.checkpointFolder = checkpointFolder;
		this.listener = listener;
		this.initialWeights = initialWeights;
		this.stopEarly = stopEarly;
	}

	/**
	 * Ends the training early, and normally, when {@code stop} turns true (asked before every step): the epoch under
	 * way ends there, is validated and can still become the best. A {@link Progress} cancel throws instead.
	 */
	public YoloTrainer withEarlyStop(BooleanSupplier stop) {
		return new YoloTrainer(settings, catalog, checkpointFolder, listener, initialWeights, stop);
	}

	/**
	 * Starts a new training (not a resumed one) from the weights of a model file ({@code yolo.params}) instead of
	 * random ones (fine-tuning); it must have the settings' architecture.
	 */
	public YoloTrainer withInitialWeights(Path paramsFile) {
		return new YoloTrainer(settings, catalog, checkpointFolder, listener, paramsFile, stopEarly);
	}

	/** Saves every epoch to this folder, and resumes from it when it holds a training state. */
	public YoloTrainer withCheckpoints(Path folder) {
		return new YoloTrainer(settings, catalog, folder, listener, initialWeights, stopEarly);
	}

	/** Receives the report of every finished epoch. */
	public YoloTrainer onEpoch(Consumer<YoloEpochReport> epochListener) {
		return new YoloTrainer(settings, catalog, checkpointFolder, epochListener, initialWeights, stopEarly);
	}

	/**
	 * @param training   the training tomograms (at least one)
	 * @param validation the validation tomograms (may be empty: then the last epoch is kept)
	 */
	public YoloTrainingResult train(List<YoloExample> training, List<YoloExample> validation, Progress progress) {
		if (training.isEmpty())
			throw new IllegalArgumentException("YOLO training needs at least one training tomogram");
		YoloTrainingSettings t = settings.training();
		List<WorkingVolume> volumes = new ArrayList<>();
		List<SliceBoxTargets> targets = new ArrayList<>();
		for (YoloExample e : training) {
			WorkingVolume v = WorkingVolume.prepare(e.tomogram(), e.voxelAngstrom(), settings.workingVoxelAngstrom(),
					settings.normalisation());
			volumes.add(v);
			targets.add(new SliceBoxTargets(catalog, e.truth(), v, t.minVisibleFraction()));
		}
		SliceCropSampler sampler = new SliceCropSampler(volumes, targets, settings);
		YoloCheckpoints checkpoints = checkpointFolder == null ? null : new YoloCheckpoints(checkpointFolder);
		int start = 0, bestEpoch = 0;
		double bestScore = Double.NEGATIVE_INFINITY;
		YoloModel model;
		if (checkpoints != null && checkpoints.canResume()) {
			YoloCheckpoints.State state = checkpoints.readState();
			model = resumed(checkpoints.last());
			start = state.epochsDone();
			bestEpoch = state.bestEpoch();
			bestScore = state.bestScore();
		} else if (initialWeights != null)
			model = resumed(initialWeights);
		else
			model = YoloModel.create(settings, catalog);
		byte[] bestParams = model.parameterBytes();
		List<YoloEpochReport> history = new ArrayList<>();
		if (start == 0 && initialWeights != null && !validation.isEmpty()) {
			// fine-tuning: the starting weights are epoch 0, so training never ends worse than it began
			ScoreReport val = validate(model, validation, progress);
			bestScore = val.weightedFBeta();
			YoloEpochReport report = new YoloEpochReport(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
					t.lossPhases().at(0), 0, bestScore, val, 0);
			history.add(report);
			listener.accept(report);
		}
		if (start > 0 && Files.exists(checkpoints.best()))
			try (YoloModel best = resumed(checkpoints.best())) {
				bestParams = best.parameterBytes();
			}
		YoloLoss loss = new YoloLoss(catalog.size());
		int steps = t.stepsPerEpoch(), totalSteps = t.epochs() * steps;
		int updatesBefore = start * steps;
		Tracker lr = update -> cosine(t.learningRate(), update + updatesBefore, totalSteps);
		// DJL's AdamW turns the weights into NaN on this engine; Adam plus the decoupled decay below is AdamW
		Optimizer adam = Optimizer.adam().optLearningRateTracker(lr).optClipGrad(10f).build();
		try (Model djl = Model.newInstance("tomopick-yolo")) {
			djl.setBlock(model.net());
			DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss("unused")).optOptimizer(adam);
			try (Trainer trainer = djl.newTrainer(config)) {
				trainer.initialize(new Shape(t.batchSize(), settings.architecture().inputChannels(), t.cropSize(),
						t.cropSize()));
				boolean stopped = false;
				for (int epoch = start; epoch < t.epochs() && !stopped; epoch++) {
					long t0 = System.nanoTime();
					LossPhaseSchedule.LossWeights w = t.lossPhases().at(epoch / (double) t.epochs());
					SplittableRandom random = new SplittableRandom(t.seed() * 1_000_003L + epoch);
					double[] sums = new double[4];
					int skipped = 0, ran = 0;
					for (int s = 0; s < steps; s++) {
						progress.checkCancelled(STAGE);
						if (stopEarly.getAsBoolean()) {
							stopped = true;
							break;
						}
						ran++;
						YoloLoss.Terms terms = step(trainer, sampler.next(random), loss, w);
						decayWeights(model, lr.getNewValue(epoch * steps + s + 1) * t.weightDecay());
						if (Float.isNaN(terms.totalValue()))
							skipped++;
						else {
							sums[0] += terms.totalValue();
							sums[1] += terms.localisation();
							sums[2] += terms.classification();
							sums[3] += terms.iou();
						}
						progress.report(STAGE, (epoch * steps + s + 1) / (double) totalSteps);
					}
					if (ran == 0)
						break;
					ScoreReport val = validation.isEmpty() ? null : validate(model, validation, progress);
					double score = val == null ? Double.NaN : val.weightedFBeta();
					boolean improved = val == null || score > bestScore;
					if (improved) {
						bestScore = val == null ? Double.NaN : score;
						bestEpoch = epoch + 1;
						bestParams = model.parameterBytes();
					}
					int done = Math.max(1, ran - skipped);
					YoloEpochReport report = new YoloEpochReport(epoch + 1, sums[0] / done, sums[1] / done,
							sums[2] / done, sums[3] / done, skipped, w, cosine(t.learningRate(), (epoch + 1) * steps, totalSteps),
							score, val, (System.nanoTime() - t0) / 1e9);
					history.add(report);
					if (checkpoints != null)
						checkpoints.save(model, new YoloCheckpoints.State(epoch + 1, bestEpoch, bestScore), improved,
								summary(report, t.epochs()));
					listener.accept(report);
				}
			}
		}
		model.loadParameterBytes(bestParams);
		return new YoloTrainingResult(model, bestEpoch, bestScore, history);
	}

	/** A model with these settings and the weights of a checkpoint, which must have the same architecture. */
	private YoloModel resumed(Path file) {
		try (YoloModel saved = YoloModelFile.load(file)) {
			if (!saved.settings().architecture().equals(settings.architecture()))
				throw new IllegalArgumentException("cannot resume from " + file + ": it has architecture "
						+ saved.settings().architecture() + ", the settings ask for " + settings.architecture());
			YoloModel model = YoloModel.create(settings, catalog);
			model.loadParameterBytes(saved.parameterBytes());
			return model;
		}
	}

	private YoloLoss.Terms step(Trainer trainer, SliceCropSampler.Batch batch, YoloLoss loss,
			LossPhaseSchedule.LossWeights w) {
		try (NDManager m = trainer.getManager().newSubManager()) {
			YoloLoss.Terms terms;
			try (GradientCollector gc = trainer.newGradientCollector()) {
				NDList pred = trainer.forward(new NDList(
						m.create(batch.input(), new Shape(batch.size(), batch.channels(), batch.crop(), batch.crop()))));
				terms = loss.compute(pred, batch.targets(), w);
				gc.backward(terms.total());
			}
			if (!finiteGradients(trainer)) {
				zeroGradients(trainer);
				return new YoloLoss.Terms(null, Float.NaN, Float.NaN, Float.NaN, Float.NaN);
			}
			trainer.step();
			return terms.detached();
		}
	}

	/**
	 * Decoupled weight decay (the "W" of AdamW): every convolution weight shrinks by the factor (1 - lr * decay)
	 * after the Adam step; biases and batch-norm parameters are not decayed.
	 */
	private static void decayWeights(YoloModel model, double factor) {
		if (factor <= 0)
			return;
		for (Parameter p : model.net().getParameters().values())
			if (p.getType() == Parameter.Type.WEIGHT)
				p.getArray().muli((float) (1 - factor));
	}

	/**
	 * Whether every gradient is finite. On this engine a step now and then (not reproducibly) gets NaN gradients
	 * although its loss is finite; such a step is skipped (gradients set to 0, no update) instead of turning every
	 * weight into NaN. Cause not found yet.
	 */
	private static boolean finiteGradients(Trainer trainer) {
		for (Parameter p : trainer.getModel().getBlock().getParameters().values())
			if (p.requiresGradient())
				for (float g : p.getArray().getGradient().toFloatArray())
					if (!Float.isFinite(g))
						return false;
		return true;
	}

	/** Sets every gradient to 0 (multiplying would keep NaN). */
	private static void zeroGradients(Trainer trainer) {
		for (Parameter p : trainer.getModel().getBlock().getParameters().values())
			if (p.requiresGradient())
				p.getArray().getGradient().set(new NDIndex("..."), 0f);
	}

	/**
	 * The branch's own picks on the validation tomograms, scored by the CZII metric with each class's score threshold
	 * chosen on them ({@link ThresholdTuner#tunedScore}: epochs are compared by how well they rank their picks, not by
	 * how well their confidence suits one threshold).
	 */
	ScoreReport validate(YoloModel model, List<YoloExample> validation, Progress progress) {
		SlicewiseYoloDetector detector = new SlicewiseYoloDetector(model);
		Map<String, List<Particle>> truth = new LinkedHashMap<>(), picks = new LinkedHashMap<>();
		for (YoloExample e : validation) {
			truth.put(e.name(), e.truth());
			picks.put(e.name(), detector.pick(e.tomogram(), e.voxelAngstrom(), progress));
		}
		return new ThresholdTuner(catalog, 0).tunedScore(truth, picks);
	}

	static float cosine(double base, int update, int total) {
		double f = Math.min(1, update / (double) Math.max(1, total));
		double min = 0.01 * base;
		return (float) (min + 0.5 * (base - min) * (1 + Math.cos(Math.PI * f)));
	}

	private static JsonObject summary(YoloEpochReport r, int epochs) {
		JsonObject o = new JsonObject();
		o.addProperty("epoch", r.epoch());
		o.addProperty("epochs", epochs);
		o.addProperty("loss", r.loss());
		o.addProperty("validationScore", r.validationScore());
		if (r.validation() != null)
			o.add("validation", JsonParser.parseString(r.validation().toJson()));
		return o;
	}
}
