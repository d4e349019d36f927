package org.tomopick.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.AnnotatedTomogram;
import org.tomopick.pipeline.CopickTomograms;
import org.tomopick.pipeline.BranchTraining;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tomopick train}: trains the UNet3D or the YOLO branch on a CoPick project. */
@Command(name = "train", mixinStandardHelpOptions = true, description = { "Trains one branch of the picker on the "
		+ "tomograms and picks of a CoPick project (e.g. made with 'tomopick simulate'). One run is held out for "
		+ "validation with the CZII score; the best epoch is kept. Resumes from the work folder when it holds a "
		+ "checkpoint of the same architecture." })
final class TrainCommand implements Runnable {

	@Option(names = "--branch", required = true, paramLabel = "unet|yolo", description = "Branch to train.")
	String branch;

	@Option(names = "--project", required = true, paramLabel = "ROOT", description = "CoPick overlay root.")
	Path project;

	@Option(names = "--val-project", paramLabel = "ROOT", description = "Another CoPick root whose runs are the "
			+ "validation set (default: --val-run of --project).")
	Path valProject;

	@Option(names = "--val-run", paramLabel = "RUN", split = ",", description = "Validation run(s) (default: the last "
			+ "run of the project, unless --val-project is given).")
	List<String> valRuns = List.of();

	@Option(names = "--runs", paramLabel = "RUN", split = ",", description = "Training runs (default: every other run).")
	List<String> runs = List.of();

	@Option(names = "--epochs", paramLabel = "E", description = "Epochs (default: the branch's default).")
	Integer epochs;

	@Option(names = "--steps", paramLabel = "N", description = "Steps per epoch (default: the branch's default).")
	Integer steps;

	@Option(names = "--width", paramLabel = "C", description = "Base channels / width (default: the branch's).")
	Integer width;

	@Option(names = "--val-every", paramLabel = "N", description = "UNet: validate every N epochs (default 1).")
	int valEvery = 1;

	@Option(names = "--lr", paramLabel = "LR", description = "Learning rate (default: the branch's; UNet 1e-4 as in "
			+ "the paper, YOLO 1e-3).")
	Double learningRate;

	@Option(names = "--seed", paramLabel = "S", description = "Seed (default 42).")
	long seed = 42;

	@Option(names = "--out", paramLabel = "DIR", description = "Model folder to write (default models/<branch>).")
	Path out;

	@Option(names = "--init", paramLabel = "DIR", description = "Start from the weights of this model folder of the "
			+ "branch (e.g. models/unet) instead of random ones: fine-tuning; with a checkpoint in --work, that resumes.")
	Path init;

	@Option(names = "--work", paramLabel = "DIR", description = "Checkpoint folder (default <out>.work).")
	Path work;

	@Option(names = "--snr-augmentation", paramLabel = "P", description = "UNet: give this share of the training "
			+ "crops a lower signal-to-noise ratio (signal faded by a random gain and low-pass, fresh noise of the "
			+ "working grid's spectrum added; default 0).")
	double snrAugmentation;

	@Option(names = "--tomo-type", paramLabel = "NAME", description = "Tomogram type (default denoised, else wbp).")
	String tomoType;

	@Option(names = "--truth-user", paramLabel = "USER", description = "User of the truth picks (default: the only "
			+ "one there is).")
	String truthUser;

	@Option(names = "--truth-session", paramLabel = "SESSION", description = "Session of the truth picks.")
	String truthSession;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		BranchTraining.Branch b = BranchTraining.Branch.parse(branch);
		CliPaths.requireExists(project, "--project");
		ParticleCatalog catalog = ParticleCatalog.czii();
		CopickTomograms trainSource = new CopickTomograms(project, tomoType);
		List<String> allRuns = trainSource.project().runs();
		if (allRuns.isEmpty())
			throw new UserInputException("--project " + project + ": no runs in ExperimentRuns");
		CopickTomograms valSource = valProject == null ? trainSource : new CopickTomograms(valProject, tomoType);
		List<String> val = !valRuns.isEmpty() ? valRuns
				: valProject != null ? valSource.project().runs() : List.of(allRuns.get(allRuns.size() - 1));
		List<String> train = new ArrayList<>(runs.isEmpty() ? allRuns : runs);
		if (valProject == null)
			train.removeAll(val);
		if (train.isEmpty())
			throw new UserInputException("no training runs left after holding out " + val + " for validation");
		if (init != null)
			CliPaths.requireDirectory(init, "--init");
		Path modelDir = out != null ? out : Path.of("models", b.folderName());
		Path workDir = work != null ? work : modelDir.resolveSibling(modelDir.getFileName() + ".work");
		if (!(snrAugmentation >= 0 && snrAugmentation <= 1))
			throw new UserInputException("--snr-augmentation must be in [0, 1], was " + snrAugmentation);
		if (snrAugmentation > 0 && b != BranchTraining.Branch.UNET)
			throw new UserInputException("--snr-augmentation is for --branch unet only");
		BranchTraining training = new BranchTraining(b, catalog, seed, epochs, steps, width, valEvery, learningRate)
				.withSnrAugmentation(snrAugmentation);

		PrintWriter stdout = spec.commandLine().getOut();
		try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
			double vs = training.workingVoxelAngstrom();
			List<AnnotatedTomogram> trainSet = trainSource.readAll(train, catalog, truthUser, truthSession, vs, progress);
			List<AnnotatedTomogram> valSet = valSource.readAll(val, catalog, truthUser, truthSession, vs, progress);
			stdout.printf(Locale.ROOT, "training the %s branch on %d runs %s, validating on %s, %s%n", b.folderName(),
					trainSet.size(), train, val, training.describe());
			stdout.flush();
			BranchTraining.Outcome outcome = training.train(trainSet, valSet, modelDir, workDir, init, progress,
					line -> {
						stdout.println(line);
						stdout.flush();
					});
			stdout.printf(Locale.ROOT, "best epoch %d, validation CZII F4 %.4f; model written to %s%n",
					outcome.bestEpoch(), outcome.bestScore(), modelDir);
			for (Path f : outcome.files())
				stdout.printf("  %s%n", f);
			stdout.flush();
		}
		if (!Files.isDirectory(modelDir))
			throw new IllegalStateException("training finished but " + modelDir + " was not written");
	}
}
