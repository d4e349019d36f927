package org.tomopick.command;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.AnnotatedTomogram;
import org.tomopick.pipeline.BranchTraining;
import org.tomopick.pipeline.CopickTomograms;
import org.tomopick.ui.FijiProgress;
import org.tomopick.ui.TrainingPlot;

/**
 * Plugins &gt; TomoPick &gt; Train Model: trains one branch (UNet3D or YOLO) on the tomograms and picks of a CoPick
 * project, validating on held-out runs, with progress in the status bar and a progress window (Cancel or Esc
 * cancels) and a loss/score plot that updates after every epoch. The same engine as {@code tomopick train}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TomoPick>Train Model", headless = true,
		description = "Trains a TomoPick branch on a CoPick project")
public class TrainModelCommand implements Command {

	private static final Pattern EPOCH = Pattern.compile("epoch\\s+(\\d+)/\\d+\\s+loss ([0-9.eE+-]+|NaN).*?validation F4 "
			+ "([0-9.eE+-]+|NaN)");

	@Parameter
	private LogService log;

	@Parameter(label = "CoPick project (training data)", style = "directory", persist = false)
	private File project;

	@Parameter(label = "Branch", choices = { "unet", "yolo" })
	private String branch = "unet";

	@Parameter(label = "Validation runs (comma-separated; empty: the last run)", required = false, persist = false)
	private String val_runs = "";

	@Parameter(label = "Epochs", min = "1")
	private int epochs = 20;

	@Parameter(label = "Steps per epoch", min = "1")
	private int steps = 40;

	@Parameter(label = "Seed")
	private long seed = 42;

	@Parameter(label = "Model folder (output)", style = "directory", persist = false)
	private File output;

	@Parameter(label = "Truth picks user (empty: the only one)", required = false, persist = false)
	private String truth_user = "";

	@Parameter(label = "Show the training plot", required = false)
	private boolean show = true;

	@Parameter(type = ItemIO.OUTPUT)
	private double validation_score;

	@Parameter(type = ItemIO.OUTPUT)
	private int best_epoch;

	@Override
	public void run() {
		BranchTraining.Branch b = BranchTraining.Branch.parse(branch);
		ParticleCatalog catalog = ParticleCatalog.czii();
		CopickTomograms source = new CopickTomograms(project.toPath(), null);
		List<String> runs = source.project().runs();
		if (runs.size() < 2)
			throw new IllegalArgumentException(project + ": needs at least two runs (training and validation)");
		List<String> val = val_runs.isBlank() ? List.of(runs.get(runs.size() - 1))
				: List.of(val_runs.trim().split("\\s*,\\s*"));
		List<String> train = new ArrayList<>(runs);
		train.removeAll(val);
		BranchTraining training = new BranchTraining(b, catalog, seed, epochs, steps, null, 1, null);
		FijiProgress progress = new FijiProgress("Train " + branch);
		TrainingPlot plot = new TrainingPlot("TomoPick " + branch + " training",
				show && CommandInputs.canShowWindows());
		try {
			String user = CommandInputs.orNull(truth_user);
			double vs = training.workingVoxelAngstrom();
			List<AnnotatedTomogram> trainSet = source.readAll(train, catalog, user, null, vs, progress);
			List<AnnotatedTomogram> valSet = source.readAll(val, catalog, user, null, vs, progress);
			Path modelDir = output.toPath();
			Path workDir = modelDir.resolveSibling(modelDir.getFileName() + ".work");
			BranchTraining.Outcome outcome = training.train(trainSet, valSet, modelDir, workDir, progress, line -> {
				log.info(line);
				Matcher m = EPOCH.matcher(line);
				if (m.find())
					plot.add(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)),
							Double.parseDouble(m.group(3)));
			});
			validation_score = outcome.bestScore();
			best_epoch = outcome.bestEpoch();
			log.info(String.format(Locale.ROOT, "best epoch %d, validation CZII F4 %.4f, model in %s", best_epoch,
					validation_score, modelDir));
		} finally {
			progress.done();
		}
	}
}
