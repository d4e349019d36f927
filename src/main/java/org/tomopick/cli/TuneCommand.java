package org.tomopick.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.tomopick.fuse.FusionSettings;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.CopickTomograms;
import org.tomopick.pipeline.PickingMode;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.pipeline.PipelineTuner;
import org.tomopick.pipeline.PipelineTuning;
import org.tomopick.unet.UNetModel;
import org.tomopick.unet.UNetModelInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tomopick tune}: per-class thresholds of every mode, chosen on validation data, saved beside the models. */
@Command(name = "tune", mixinStandardHelpOptions = true, description = { "Tunes the picker's thresholds on validation "
		+ "data (never on test data): runs both branches once per validation tomogram, fuses with a low candidate "
		+ "threshold, and chooses per mode and class the score threshold that maximises that class's F4. Writes "
		+ "MODELS/pipeline.json, which pick, demo, bench and Fiji then use by default." })
final class TuneCommand implements Runnable {

	@Option(names = "--models", paramLabel = "DIR", description = "Models folder (default models).")
	Path models = Path.of("models");

	@Option(names = "--val", required = true, paramLabel = "ROOT", description = "CoPick project with validation "
			+ "tomograms and their truth.")
	Path val;

	@Option(names = "--candidate-threshold", paramLabel = "T", description = "Confidence threshold of the candidates "
			+ "before fusion (default 0.2).")
	double candidateThreshold = 0.2;

	@Option(names = "--unet-peak-threshold", paramLabel = "T", description = "Probability a UNet class map must reach "
			+ "for a peak to become a candidate; written into models/unet/unet.json before tuning (default 0.1: "
			+ "low, so that the output thresholds tuned here do the choosing).")
	double unetPeakThreshold = 0.1;

	@Option(names = "--truth-user", paramLabel = "USER", description = "User of the truth picks (default curation).")
	String truthUser = "curation";

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	private void setUnetPeakThreshold() {
		Path dir = models.resolve(PickingPipeline.UNET_FOLDER);
		if (!Files.isDirectory(dir))
			return;
		try (UNetModel model = UNetModel.load(dir)) {
			UNetModelInfo info = model.info();
			model.updateInfo(info.withClasses(info.classes().stream()
					.map(c -> c.withThreshold(unetPeakThreshold, c.minVoxels())).toList()));
			model.save(dir);
		}
	}

	@Override
	public void run() {
		CliPaths.requireExists(val, "--val");
		ParticleCatalog catalog = ParticleCatalog.czii();
		setUnetPeakThreshold();
		CopickTomograms source = new CopickTomograms(val, null);
		List<String> runs = source.project().runs();
		FusionSettings fusion = FusionSettings.defaults().withThresholds(candidateThreshold, Map.of());
		PipelineTuner tuner = new PipelineTuner(catalog, candidateThreshold);
		PipelineTuner.Picks picks;
		try (PickingPipeline pipeline = PickingPipeline.load(models, PickingMode.FULL, fusion, null);
				ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
			picks = tuner.pick(pipeline, runs, run -> source.read(run, catalog, truthUser, null, 0), progress);
		}
		PrintWriter out = spec.commandLine().getOut();
		tuner.tune(picks, null, val.toAbsolutePath().normalize().getFileName() + " " + runs, out::println)
				.write(models);
		out.printf("wrote %s%n", models.resolve(PipelineTuning.FILE));
		out.flush();
	}
}
