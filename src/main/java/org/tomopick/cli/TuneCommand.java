package org.tomopick.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tomopick.classify.LabelDecision;
import org.tomopick.eval.CziiScore;
import org.tomopick.fuse.FusionSettings;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.AnnotatedTomogram;
import org.tomopick.pipeline.BranchOutputs;
import org.tomopick.pipeline.CopickTomograms;
import org.tomopick.pipeline.PickingMode;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.pipeline.PipelineTuning;
import org.tomopick.pipeline.ThresholdTuner;
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
		CliPaths.requireDirectory(val, "--val");
		ParticleCatalog catalog = ParticleCatalog.czii();
		setUnetPeakThreshold();
		CopickTomograms source = new CopickTomograms(val, null);
		List<String> runs = source.project().runs();
		Map<String, List<Particle>> truth = new LinkedHashMap<>();
		Map<PickingMode, Map<String, List<Particle>>> picks = new EnumMap<>(PickingMode.class);
		Map<String, List<Particle>> everyLikelyClass = new LinkedHashMap<>();
		FusionSettings fusion = FusionSettings.defaults().withThresholds(candidateThreshold, Map.of());
		try (PickingPipeline pipeline = PickingPipeline.load(models, PickingMode.FULL, fusion, null);
				ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
			for (String run : runs) {
				AnnotatedTomogram t = source.read(run, catalog, truthUser, null, 0);
				truth.put(run, t.truth());
				BranchOutputs outputs = pipeline.detect(t.tomogram(), t.voxelSizeAngstrom(), progress);
				for (PickingMode mode : PickingMode.values())
					picks.computeIfAbsent(mode, m -> new LinkedHashMap<>()).put(run,
							pipeline.fuse(outputs, mode, LabelDecision.MOST_PROBABLE).particles());
				everyLikelyClass.put(run, pipeline.fuse(outputs, PickingMode.FULL, LabelDecision.EVERY_LIKELY_CLASS)
						.particles());
			}
		}
		ThresholdTuner tuner = new ThresholdTuner(catalog, fusion.defaultThreshold());
		CziiScore scorer = new CziiScore(catalog);
		Map<PickingMode, Map<String, Double>> thresholds = new EnumMap<>(PickingMode.class);
		PrintWriter out = spec.commandLine().getOut();
		for (PickingMode mode : PickingMode.values()) {
			Map<String, Double> t = tuner.tune(truth, picks.get(mode));
			thresholds.put(mode, t);
			double before = scorer.score(truth, ThresholdTuner.filter(picks.get(mode), 0.5)).weightedFBeta();
			Map<String, List<Particle>> tuned = new LinkedHashMap<>();
			picks.get(mode).forEach((r, ps) -> tuned.put(r, ThresholdTuner.apply(ps, t)));
			double after = scorer.score(truth, tuned).weightedFBeta();
			out.printf(Locale.ROOT, "%-10s validation F4 %.4f with output threshold 0.5, %.4f tuned: %s%n", mode,
					before, after, t);
		}
		// full mode: the label decision that scores better on the validation data, with its thresholds
		Map<String, Double> every = tuner.tune(truth, everyLikelyClass);
		Map<String, List<Particle>> everyTuned = new LinkedHashMap<>();
		everyLikelyClass.forEach((r, ps) -> everyTuned.put(r, ThresholdTuner.apply(ps, every)));
		Map<String, List<Particle>> mostTuned = new LinkedHashMap<>();
		picks.get(PickingMode.FULL).forEach((r, ps) -> mostTuned.put(r, ThresholdTuner.apply(ps, thresholds.get(
				PickingMode.FULL))));
		double everyScore = scorer.score(truth, everyTuned).weightedFBeta();
		double mostScore = scorer.score(truth, mostTuned).weightedFBeta();
		LabelDecision decision = everyScore > mostScore ? LabelDecision.EVERY_LIKELY_CLASS : LabelDecision.MOST_PROBABLE;
		if (decision == LabelDecision.EVERY_LIKELY_CLASS)
			thresholds.put(PickingMode.FULL, every);
		out.printf(Locale.ROOT, "full labels: %s %.4f, %s %.4f tuned: %s kept%n", LabelDecision.MOST_PROBABLE, mostScore,
				LabelDecision.EVERY_LIKELY_CLASS, everyScore, decision);
		new PipelineTuning(candidateThreshold, thresholds, val.toAbsolutePath().normalize().getFileName() + " "
				+ runs, decision).write(models);
		out.printf("wrote %s%n", models.resolve(PipelineTuning.FILE));
		out.flush();
	}
}
