package org.tomopick.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.tomopick.adapt.AdaptSettings;
import org.tomopick.adapt.AdaptationCard;
import org.tomopick.adapt.ModelAdaptation;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.AnnotatedTomogram;
import org.tomopick.pipeline.CopickTomograms;
import org.tomopick.sim.DatasetSimulator;
import org.tomopick.sim.ImagingConditions;
import org.tomopick.sim.PhantomTemplates;
import org.tomopick.sim.RandomParticleLayout;
import org.tomopick.sim.SimulationSettings;
import org.tomopick.sim.TemplateFolder;
import org.tomopick.sim.TemplateLibrary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tomopick adapt}: fine-tunes a models folder on a user's annotated tomograms ({@link ModelAdaptation}). */
@Command(name = "adapt", mixinStandardHelpOptions = true, description = { "Adapts the models to your own data: "
		+ "starting from --models, fine-tunes both branches from their weights, refits the candidate classifier and "
		+ "re-tunes the per-class thresholds on the annotated runs of a CoPick project, keeping at every stage what "
		+ "scores better on held-out data (a quarter of each annotated region, or --val-runs). Only the region of "
		+ "each tomogram that holds its picks is used, and only the classes that were picked are taught; see the "
		+ "model card written into --out. Ctrl-C stops early and still writes the best state so far." })
final class AdaptCommand implements Runnable {

	@Option(names = "--project", required = true, paramLabel = "ROOT", description = "CoPick project with the "
			+ "annotated runs.")
	Path project;

	@Option(names = "--runs", paramLabel = "RUN", split = ",", description = "Annotated runs to adapt on (default: "
			+ "every run with picks of --truth-user, except --val-runs).")
	List<String> runs = List.of();

	@Option(names = "--truth-user", paramLabel = "USER", description = "User of the reviewed picks (default: the only "
			+ "one there is).")
	String truthUser;

	@Option(names = "--truth-session", paramLabel = "SESSION", description = "Session of the reviewed picks.")
	String truthSession;

	@Option(names = "--models", paramLabel = "DIR", description = "Models to start from (default: ./models, else the shipped ones).")
	Path models = org.tomopick.pipeline.DefaultModels.commandLine();

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Models folder to write (must not "
			+ "exist, or be empty); pick, demo, bench and Fiji take it as --models.")
	Path out;

	@Option(names = "--minutes", paramLabel = "M", description = "Time budget in minutes (default 30).")
	double minutes = 30;

	@Option(names = "--confidence", paramLabel = "P", description = "How sure the held-out data must be that the "
			+ "adapted models score better before they replace the starting ones: the share of block-bootstrap "
			+ "resamplings of the held-out part in which they do (default 0.5: whenever they did in at least half; "
			+ "0.9 asks for a gain the held-out part is sure of); also the share of cross-validation comparisons in "
			+ "which re-choosing a class's threshold on the held-out part must beat its starting threshold.")
	double confidence = AdaptSettings.defaults().confidence();

	@Option(names = "--val-runs", paramLabel = "RUN", split = ",", description = "Annotated runs to choose on instead "
			+ "of held-out parts of the adapted runs.")
	List<String> valRuns = List.of();

	@Option(names = "--with-simulated", paramLabel = "N", description = "Mix N simulated tomograms (the wide "
			+ "randomisation of simulate --vary, random layouts of every class) into the fitting, so that the "
			+ "models do not forget the classes or conditions the annotations lack (default 0).")
	int withSimulated;

	@Option(names = "--templates", paramLabel = "DIR", description = "Density maps for --with-simulated (default: "
			+ "the built-in phantoms).")
	Path templates;

	@Option(names = "--tomo-type", paramLabel = "NAME", description = "Tomogram type (default denoised, else wbp).")
	String tomoType;

	@Option(names = "--seed", paramLabel = "S", description = "Seed (default 42).")
	long seed = 42;

	@Option(names = "--work", paramLabel = "DIR", description = "Checkpoint folder (default: a temporary folder, "
			+ "removed at the end; its unet.* and yolo.* sub-folders are replaced).")
	Path work;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		CliPaths.requireExists(project, "--project");
		CliPaths.requireDirectory(models, "--models");
		try {
			ModelAdaptation.requireNewFolder(out);
		} catch (IllegalArgumentException e) {
			throw new UserInputException("--out " + e.getMessage());
		}
		if (withSimulated < 0 || withSimulated > 1000)
			throw new UserInputException("--with-simulated must be in [0, 1000], was " + withSimulated);
		AdaptSettings settings;
		try {
			settings = AdaptSettings.defaults().withMinutes(minutes).withSeed(seed).withConfidence(confidence)
					.validate();
		} catch (IllegalArgumentException e) {
			throw new UserInputException("--minutes / --confidence: " + e.getMessage());
		}
		ParticleCatalog catalog = ParticleCatalog.czii();
		CopickTomograms source = new CopickTomograms(project, tomoType);
		List<String> adaptRuns = new ArrayList<>(runs.isEmpty() ? source.project().runs() : runs);
		adaptRuns.removeAll(valRuns);
		if (adaptRuns.isEmpty())
			throw new UserInputException("--project " + project + ": no runs to adapt on");
		PrintWriter stdout = spec.commandLine().getOut();
		Path workDir = work;
		try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
			workDir = work != null ? work : Files.createTempDirectory("tomopick-adapt");
			List<AnnotatedTomogram> annotated = read(source, adaptRuns, catalog, !runs.isEmpty());
			if (annotated.isEmpty())
				throw new UserInputException("--project " + project + ": none of the runs " + adaptRuns + " has picks"
						+ (truthUser == null ? "" : " of user " + truthUser) + " to adapt on");
			adaptRuns = annotated.stream().map(AnnotatedTomogram::name).toList();
			List<AnnotatedTomogram> validation = read(source, valRuns, catalog, true);
			List<AnnotatedTomogram> simulated = simulate(annotated.get(0), catalog, progress);
			stdout.printf(Locale.ROOT, "adapting %s on %s%s for at most %.0f min%n", models, adaptRuns,
					valRuns.isEmpty() ? " (a quarter of each annotated region held out)" : ", choosing on " + valRuns,
					minutes);
			stdout.flush();
			String data = project.toAbsolutePath().normalize() + " runs " + adaptRuns
					+ (valRuns.isEmpty() ? "" : ", validation runs " + valRuns) + ", picks of user "
					+ (truthUser == null ? "(the only one)" : truthUser) + (truthSession == null ? "" : " session "
							+ truthSession);
			ModelAdaptation.Outcome o = new ModelAdaptation(models, settings, catalog).adaptAndWrite(annotated,
					validation, simulated, out, workDir, progress, line -> {
						stdout.println(line);
						stdout.flush();
					}, commandLine(), data);
			stdout.printf(Locale.ROOT, "held-out F4 (annotated classes): %.4f before, %.4f after; %s written to %s "
					+ "in %.1f min (card: %s)%n", o.before(), o.after(), o.adaptedKept() ? "adapted models"
							: "starting models with new thresholds", out, o.seconds() / 60,
					out.resolve(AdaptationCard.FILE));
			stdout.flush();
		} catch (IllegalArgumentException e) {
			throw new UserInputException(e.getMessage());
		} catch (IOException e) {
			throw new UserInputException("cannot create a work folder: " + e.getMessage());
		} finally {
			if (work == null && workDir != null)
				deleteQuietly(workDir);
		}
	}

	/** The runs with their picks; a run without picks is an error when it was named, else left out. */
	private List<AnnotatedTomogram> read(CopickTomograms source, List<String> names, ParticleCatalog catalog,
			boolean named) {
		List<AnnotatedTomogram> out = new ArrayList<>();
		for (String run : names) {
			if (!named && !source.hasPicksOf(run, catalog, truthUser, truthSession))
				continue;
			AnnotatedTomogram t = source.read(run, catalog, truthUser, truthSession, 0);
			if (t.truth().isEmpty())
				throw new UserInputException("run " + run + " of " + project + " has no picks"
						+ (truthUser == null ? "" : " of user " + truthUser) + " to adapt on");
			out.add(t);
		}
		return out;
	}

	/** The --with-simulated tomograms, of the first annotated tomogram's shape and voxel size. */
	private List<AnnotatedTomogram> simulate(AnnotatedTomogram like, ParticleCatalog catalog,
			ConsoleProgress progress) {
		if (withSimulated == 0)
			return List.of();
		double vs = like.voxelSizeAngstrom();
		int[] shape = like.tomogram().shape();
		SimulationSettings base = SimulationSettings.defaults().withShape(shape[0], shape[1], shape[2])
				.withVoxelSize(vs);
		TemplateLibrary real = templates == null ? null : TemplateFolder.load(templates, catalog, vs).library();
		DatasetSimulator simulator = new DatasetSimulator(base, PhantomTemplates.library(catalog, vs), real,
				ImagingConditions.defaults());
		List<AnnotatedTomogram> out = new ArrayList<>();
		for (DatasetSimulator.Example e : simulator.simulate(List.of(new DatasetSimulator.NamedLayout("simulated",
				RandomParticleLayout.uniformMix(catalog, 4000))), withSimulated, seed, progress))
			out.add(new AnnotatedTomogram(e.name(), e.tomogram().tomogram().toFloat32(), e.tomogram()
					.voxelSizeAngstrom(), e.tomogram().truth()));
		return out;
	}

	private String commandLine() {
		return "tomopick " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException | RuntimeException e) {
			// a temporary folder; the OS cleans it up
		}
	}
}
