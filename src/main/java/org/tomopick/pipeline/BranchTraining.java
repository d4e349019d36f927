package org.tomopick.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.nn.DjlRuntime;
import org.tomopick.progress.Progress;
import org.tomopick.unet.EpochRecord;
import org.tomopick.unet.TrainingExample;
import org.tomopick.unet.UNetSettings;
import org.tomopick.unet.UNetTrainer;
import org.tomopick.unet.UNetTrainingResult;
import org.tomopick.yolo.YoloExample;
import org.tomopick.yolo.YoloModelFile;
import org.tomopick.yolo.YoloSettings;
import org.tomopick.yolo.YoloTrainer;
import org.tomopick.yolo.YoloTrainingResult;

import com.google.gson.JsonObject;

/**
 * Trains one branch on annotated tomograms and writes the model folder that {@link PickingPipeline} loads:
 * {@code <dir>/unet.params + unet.json} for the UNet3D branch, {@code <dir>/yolo.params + yolo.json} for YOLO. The
 * branch's default settings are used, with the seed and, when given, the epochs, steps per epoch and width.
 */
public final class BranchTraining {

	/** The two branches. */
	public enum Branch {
		UNET("unet"), YOLO("yolo");

		private final String folderName;

		Branch(String folderName) {
			this.folderName = folderName;
		}

		public String folderName() {
			return folderName;
		}

		public static Branch parse(String s) {
			for (Branch b : values())
				if (b.folderName.equalsIgnoreCase(s))
					return b;
			throw new IllegalArgumentException("branch must be unet or yolo, was '" + s + "'");
		}
	}

	/** The best epoch, its validation score and the files written. */
	public record Outcome(int bestEpoch, double bestScore, List<Path> files) {
	}

	private final Branch branch;
	private final UNetSettings unet;
	private final YoloSettings yolo;
	private final ParticleCatalog catalog;
	private final BooleanSupplier stopEarly;

	private BranchTraining(Branch branch, UNetSettings unet, YoloSettings yolo, ParticleCatalog catalog,
			BooleanSupplier stopEarly) {
		this.branch = branch;
		this.unet = unet;
		this.yolo = yolo;
		this.catalog = catalog;
		this.stopEarly = stopEarly;
	}

	/** Training that ends normally, keeping the best epoch so far, once {@code stop} turns true (a time budget). */
	public BranchTraining withEarlyStop(BooleanSupplier stop) {
		return new BranchTraining(branch, unet, yolo, catalog, stop);
	}

	/** The UNet's training crops given a lower signal-to-noise ratio with this probability (see SnrAugmentation). */
	public BranchTraining withSnrAugmentation(double probability) {
		return new BranchTraining(branch, unet.withTraining(unet.training().withSnrAugmentation(probability))
				.validate(), yolo, catalog, stopEarly);
	}

	public BranchTraining(Branch branch, ParticleCatalog catalog, long seed, Integer epochs, Integer steps,
			Integer width, int validationInterval, Double learningRate) {
		this.branch = branch;
		this.catalog = catalog;
		UNetSettings u = UNetSettings.defaults().withClasses(catalog);
		var ut = u.training().withSeed(seed);
		if (epochs != null)
			ut = ut.withEpochs(epochs);
		if (steps != null)
			ut = ut.withSteps(steps, ut.cropSize(), ut.batchSize());
		if (learningRate != null)
			ut = ut.withOptimizer(learningRate, ut.weightDecay(), ut.cosineSchedule());
		u = u.withTraining(ut.withIntervals(validationInterval, ut.checkpointInterval()));
		if (width != null)
			u = u.withArchitecture(u.architecture().withBaseChannels(width));
		this.unet = u.validate();
		YoloSettings y = YoloSettings.defaults();
		var yt = y.training().withSeed(seed);
		if (learningRate != null)
			yt = yt.withLearningRate(learningRate);
		if (epochs != null || steps != null)
			yt = yt.withSchedule(epochs != null ? epochs : yt.epochs(), steps != null ? steps : yt.stepsPerEpoch(),
					yt.batchSize());
		y = y.withTraining(yt).withArchitecture(y.architecture().withClassCount(catalog.size()));
		if (width != null)
			y = y.withArchitecture(y.architecture().withWidth(width));
		this.yolo = y.validate();
		this.stopEarly = () -> false;
	}

	/** The voxel size the branch works at (training data can be binned to it on reading). */
	public double workingVoxelAngstrom() {
		return branch == Branch.UNET ? unet.voxelSizeAngstrom() : yolo.workingVoxelAngstrom();
	}

	public String describe() {
		if (branch == Branch.UNET)
			return String.format(Locale.ROOT, "UNet3D base %d depth %d at %.0f A, %d epochs x %d steps, lr %.0e, seed %d",
					unet.architecture().baseChannels(), unet.architecture().depth(), unet.voxelSizeAngstrom(),
					unet.training().epochs(), unet.training().stepsPerEpoch(), unet.training().learningRate(),
					unet.training().seed());
		return String.format(Locale.ROOT, "YOLO width %d depth %d at %.0f A, %d epochs x %d steps, lr %.0e, seed %d",
				yolo.architecture().width(), yolo.architecture().depth(), yolo.workingVoxelAngstrom(),
				yolo.training().epochs(), yolo.training().stepsPerEpoch(), yolo.training().learningRate(),
				yolo.training().seed());
	}

	public Outcome train(List<AnnotatedTomogram> training, List<AnnotatedTomogram> validation, Path modelDir,
			Path workDir, Progress progress, Consumer<String> log) {
		return train(training, validation, modelDir, workDir, null, progress, log);
	}

	/** @param initialModel a model folder of this branch to fine-tune from (null: random weights) */
	public Outcome train(List<AnnotatedTomogram> training, List<AnnotatedTomogram> validation, Path modelDir,
			Path workDir, Path initialModel, Progress progress, Consumer<String> log) {
		DjlRuntime.noGradientsOnThisThread();
		return branch == Branch.UNET ? trainUnet(training, validation, modelDir, workDir, initialModel, progress, log)
				: trainYolo(training, validation, modelDir, workDir, initialModel, progress, log);
	}

	private Outcome trainUnet(List<AnnotatedTomogram> training, List<AnnotatedTomogram> validation, Path modelDir,
			Path workDir, Path initialModel, Progress progress, Consumer<String> log) {
		UNetTrainer trainer = new UNetTrainer(unet, workDir).withEarlyStop(stopEarly);
		if (initialModel != null)
			trainer = trainer.withInitialModel(initialModel);
		int total = unet.training().epochs();
		UNetTrainingResult result = trainer.train(unetExamples(training), unetExamples(validation), progress,
				(EpochRecord r) -> log.accept(String.format(Locale.ROOT,
						"epoch %3d/%d  loss %.4f  validation F4 %.4f  lr %.2e  %.1f s", r.epoch(), total, r.loss(),
						r.validationScore(), r.learningRate(), r.seconds())));
		List<Path> files = copyFolder(result.bestModel(), modelDir);
		return new Outcome(result.bestEpoch(), result.bestScore(), files);
	}

	private Outcome trainYolo(List<AnnotatedTomogram> training, List<AnnotatedTomogram> validation, Path modelDir,
			Path workDir, Path initialModel, Progress progress, Consumer<String> log) {
		int total = yolo.training().epochs();
		YoloTrainer trainer = new YoloTrainer(yolo, catalog).withEarlyStop(stopEarly);
		if (initialModel != null)
			trainer = trainer.withInitialWeights(initialModel.resolve("yolo.params"));
		YoloTrainingResult result = trainer.withCheckpoints(workDir)
				.onEpoch(r -> log.accept(String.format(Locale.ROOT,
						"epoch %3d/%d  loss %.4f (loc %.3f cls %.3f iou %.3f)  validation F4 %.4f  lr %.2e  %.1f s%s",
						r.epoch(), total, r.loss(), r.localisation(), r.classification(), r.iou(),
						r.validationScore(), r.learningRate(), r.seconds(),
						r.skippedSteps() > 0 ? "  (" + r.skippedSteps() + " steps skipped: NaN gradients)" : "")))
				.train(yoloExamples(training), yoloExamples(validation), progress);
		try (var best = result.best()) {
			JsonObject info = new JsonObject();
			info.addProperty("best_epoch", result.bestEpoch());
			info.addProperty("validation_czii_f4", result.bestScore());
			info.addProperty("training_runs", training.stream().map(AnnotatedTomogram::name).toList().toString());
			info.addProperty("validation_runs", validation.stream().map(AnnotatedTomogram::name).toList().toString());
			Path params = modelDir.resolve("yolo.params");
			YoloModelFile.save(best, params, info);
			return new Outcome(result.bestEpoch(), result.bestScore(), List.of(params, YoloModelFile.sidecarOf(params)));
		}
	}

	private static List<TrainingExample> unetExamples(List<AnnotatedTomogram> set) {
		return set.stream().map(a -> new TrainingExample(a.name(), a.tomogram(), a.voxelSizeAngstrom(), a.truth()))
				.toList();
	}

	private static List<YoloExample> yoloExamples(List<AnnotatedTomogram> set) {
		return set.stream().map(a -> new YoloExample(a.name(), a.tomogram(), a.voxelSizeAngstrom(), a.truth()))
				.toList();
	}

	private static List<Path> copyFolder(Path from, Path to) {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> s = Files.list(from)) {
			Files.createDirectories(to);
			for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
				Path target = to.resolve(f.getFileName());
				Path tmp = to.resolve("." + f.getFileName() + ".tmp");
				Files.copy(f, tmp, StandardCopyOption.REPLACE_EXISTING);
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				files.add(target);
			}
		} catch (IOException e) {
			throw new TomoPickIoException(to, "cannot write the model: " + e.getMessage(), e);
		}
		return files;
	}
}
