package org.tomopick.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.prefs.PrefService;
import org.tomopick.adapt.AdaptSettings;
import org.tomopick.adapt.ModelAdaptation;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.VoxelGeometry;
import org.tomopick.pipeline.AnnotatedTomogram;
import org.tomopick.pipeline.CopickTomograms;
import org.tomopick.ui.FijiProgress;
import org.tomopick.ui.TomogramSession;
import org.tomopick.ui.TrainingPlot;

import ij.ImagePlus;

/**
 * Plugins &gt; TomoPick &gt; Adapt Models: adapts a models folder to the user's own data, either the reviewed
 * particles of the open tomogram or the picks of a CoPick project's runs, with progress in the status bar and a
 * progress window (Cancel or Esc stops early and keeps the best so far) and a plot of each branch's loss and held-out score that updates after every
 * epoch. Afterwards Pick Particles offers the new folder. The same engine as {@code tomopick adapt}.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TomoPick>Adapt Models", headless = true,
		description = "Fine-tunes TomoPick's models on your reviewed particles")
public class AdaptModelsCommand implements Command {

	static final String OPEN_TOMOGRAM = "reviewed particles of the open tomogram";
	static final String PROJECT = "picks of a CoPick project";
	private static final Pattern EPOCH = Pattern.compile("^\\s*(unet|yolo) epoch\\s+(\\d+)/\\d+\\s+loss "
			+ "([0-9.eE+-]+|NaN).*?validation F4 ([0-9.eE+-]+|NaN)");

	@Parameter
	private LogService log;

	@Parameter(required = false)
	private PrefService prefs;

	@Parameter(label = "Annotations", choices = { OPEN_TOMOGRAM, PROJECT })
	private String source = OPEN_TOMOGRAM;

	@Parameter(label = "Tomogram (for the open tomogram)", required = false)
	private ImagePlus image;

	@Parameter(label = "CoPick project (for a project)", style = "directory", required = false, persist = false)
	private File project;

	@Parameter(label = "Runs (comma-separated; empty: every run)", required = false, persist = false)
	private String runs = "";

	@Parameter(label = "Picks user (empty: the only one)", required = false, persist = false)
	private String truth_user = "";

	@Parameter(label = "Models to start from (empty: the models installed with TomoPick)", style = "directory",
			required = false)
	private File models;

	@Parameter(label = "Adapted models folder (new or empty)", style = "directory", persist = false)
	private File output;

	@Parameter(label = "Time budget (minutes)", min = "0.1")
	private double minutes = 30;

	@Parameter(label = "Keep the adapted models when better in this share of resamplings", min = "0.5", max = "0.99",
			stepSize = "0.05", description = "How sure the held-out part must be of the gain (0.5, the default: "
					+ "whenever they did in at least half; 0.9: a gain it is sure of)")
	private double confidence = AdaptSettings.defaults().confidence();

	@Parameter(label = "Seed")
	private long seed = 42;

	@Parameter(label = "Show the training plot", required = false)
	private boolean show = true;

	@Parameter(type = ItemIO.OUTPUT)
	private double score_before;

	@Parameter(type = ItemIO.OUTPUT)
	private double score_after;

	@Override
	public void run() {
		ParticleCatalog catalog = ParticleCatalog.czii();
		AdaptSettings settings = AdaptSettings.defaults().withMinutes(minutes).withSeed(seed)
				.withConfidence(confidence).validate();
		Path out = output.toPath();
		ModelAdaptation.requireNewFolder(out);
		List<AnnotatedTomogram> annotated = annotated(catalog);
		FijiProgress progress = new FijiProgress("Adapt Models");
		Map<String, TrainingPlot> plots = new LinkedHashMap<>();
		boolean windows = show && CommandInputs.canShowWindows();
		Path work = null;
		try {
			work = Files.createTempDirectory("tomopick-adapt");
			ModelAdaptation.Outcome o = new ModelAdaptation(CommandInputs.modelsOrInstalled(models), settings, catalog)
					.adaptAndWrite(annotated, List.of(), List.of(), out, work, progress, line -> {
						log.info(line);
						Matcher m = EPOCH.matcher(line);
						if (m.find())
							plots.computeIfAbsent(m.group(1), b -> new TrainingPlot("TomoPick adapt: " + b
									+ " (loss, held-out F4)", windows)).add(Integer.parseInt(m.group(2)),
											Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)));
					}, "Plugins>TomoPick>Adapt Models (" + source + ", models " + models + ", minutes " + minutes
							+ ", seed " + seed + ")", describe(annotated));
			score_before = o.before();
			score_after = o.after();
			if (prefs != null) // Pick Particles offers the adapted folder next
				prefs.put(PickParticlesCommand.class, "models", out.toAbsolutePath().toString());
			log.info(String.format(Locale.ROOT, "held-out F4: %.4f before, %.4f after; %s in %s (model card "
					+ "MODEL_CARD.md)", score_before, score_after, o.adaptedKept() ? "adapted models"
							: "starting models with new thresholds", out));
		} catch (IOException e) {
			throw new IllegalArgumentException("cannot create a work folder: " + e.getMessage(), e);
		} finally {
			progress.done();
			if (work != null)
				deleteQuietly(work);
		}
	}

	/** The annotated tomograms the inputs name. */
	private List<AnnotatedTomogram> annotated(ParticleCatalog catalog) {
		if (OPEN_TOMOGRAM.equals(source)) {
			if (image == null)
				throw new IllegalArgumentException("no open tomogram: open one (TomoPick > Open Tomogram), review "
						+ "its particles, or choose '" + PROJECT + "'");
			TomogramSession session = TomogramSession.require(image);
			VoxelGeometry g = session.geometry();
			int level = session.level();
			double[] t = g.translation(level);
			List<Particle> picks = new ArrayList<>();
			for (Particle p : session.particles().snapshot().values())
				if (catalog.indexOf(p.type()) >= 0) // the picker's frame: voxel 0 of the level at 0
					picks.add(p.withPosition(p.x() - t[2], p.y() - t[1], p.z() - t[0]));
			if (picks.isEmpty())
				throw new IllegalArgumentException(image.getTitle() + " has no particles to adapt on");
			return List.of(new AnnotatedTomogram(image.getTitle(), PickParticlesCommand.volume(image),
					g.voxelSize(level)[2], picks));
		}
		if (project == null)
			throw new IllegalArgumentException("choose the CoPick project whose picks to adapt on");
		CopickTomograms tomograms = new CopickTomograms(project.toPath(), null);
		List<String> names = runs.isBlank() ? tomograms.project().runs() : CommandInputs.list(runs);
		List<AnnotatedTomogram> out = new ArrayList<>();
		String user = CommandInputs.orNull(truth_user);
		for (String run : names)
			if (tomograms.hasPicksOf(run, catalog, user, null))
				out.add(tomograms.read(run, catalog, user, null, 0));
		if (out.isEmpty())
			throw new IllegalArgumentException(project + ": none of the runs " + names + " has picks to adapt on");
		return out;
	}

	private String describe(List<AnnotatedTomogram> annotated) {
		String what = annotated.stream().map(t -> t.name() + " (" + t.truth().size() + " particles)").toList()
				.toString();
		return OPEN_TOMOGRAM.equals(source) ? "the reviewed particles of the open tomogram " + what
				: project.getAbsolutePath() + " runs " + what;
	}

	private static void deleteQuietly(Path dir) {
		try (var s = Files.walk(dir)) {
			s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException | RuntimeException e) {
			// a temporary folder
		}
	}
}
