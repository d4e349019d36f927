package org.tomopick.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.tomopick.adapt.AdaptSettings;
import org.tomopick.adapt.ModelAdaptation;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.AnnotatedTomogram;
import org.tomopick.pipeline.CopickTomograms;
import org.tomopick.pipeline.PickingMode;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.pipeline.RobustnessBenchmark;
import org.tomopick.pipeline.RobustnessBenchmark.TestSet;

/**
 * {@code bench --adapt}: how much adapting on one annotated tomogram helps on data unlike the training data. Per
 * setting of the independent simulator (high noise, structural variability): its tomogram of one layout plays the
 * user's annotated tomogram (all its particles reviewed), {@code tomopick adapt} runs on it with the time budget,
 * and the shipped and the adapted models pick the tomograms of the test layout (other seeds, other particles).
 */
final class AdaptBench {

	/** The settings the adaptation targets are set for, with their targets. */
	private static final List<String> SETTINGS = List.of("high-noise", "variability");
	private static final double[] TARGETS = { 0.75, 0.85 };

	private final PrintWriter out;
	private final PrintWriter err;
	private final IndependentSimulator independent;
	private final Path picksRoot;
	private final Path templates;
	private final Path scratch;

	AdaptBench(PrintWriter out, PrintWriter err, IndependentSimulator independent, Path picksRoot, Path templates,
			Path scratch) {
		this.out = out;
		this.err = err;
		this.independent = independent;
		this.picksRoot = picksRoot;
		this.templates = templates;
		this.scratch = scratch;
	}

	void run(Path models, String adaptRun, String testRun, int seeds, double minutes) {
		String why = independent.unavailableBecause();
		if (why != null)
			throw new UserInputException("bench --adapt needs the independent simulator: " + why);
		ParticleCatalog catalog = ParticleCatalog.czii();
		out.printf(Locale.ROOT, "Adapting to one annotated tomogram (weighted CZII F4, full mode): adapted on the "
				+ "independent simulator's tomogram of %s (seed 1, every particle as the user's reviewed picks), "
				+ "tested on its %d tomogram(s) of %s; budget %.0f min on %d cores%n%n", adaptRun, seeds, testRun,
				minutes, Runtime.getRuntime().availableProcessors());
		List<String> rows = new ArrayList<>();
		for (int i = 0; i < SETTINGS.size(); i++) {
			String name = SETTINGS.get(i);
			IndependentSimulator.Setting s = IndependentSimulator.SETTINGS.stream()
					.filter(x -> x.name().equals(name)).findFirst().orElseThrow();
			List<Supplier<AnnotatedTomogram>> test = new ArrayList<>();
			for (int seed = 1; seed <= seeds; seed++) {
				int sd = seed;
				test.add(() -> new CopickTomograms(independent.project(picksRoot, testRun, templates, s, sd), null)
						.read(testRun, catalog, "curation", null, 0));
			}
			TestSet set = new TestSet(s.toString(), test);
			double shipped = score(models, set, catalog);
			AnnotatedTomogram annotated = new CopickTomograms(independent.project(picksRoot, adaptRun, templates, s, 1),
					null).read(adaptRun, catalog, "curation", null, 0);
			Path adapted = scratch.resolve("tomopick-adapted").resolve(s.name() + "-" + System.currentTimeMillis());
			ModelAdaptation.Outcome o;
			try (ConsoleProgress progress = new ConsoleProgress(err)) {
				o = new ModelAdaptation(models, AdaptSettings.defaults().withMinutes(minutes), catalog).adaptAndWrite(
						List.of(annotated), List.of(), List.of(), adapted, scratch.resolve("tomopick-adapt-work"),
						progress, line -> {
							err.println(line);
							err.flush();
						}, "tomopick bench --adapt (" + s + ")", "independent simulator " + s + ", layout " + adaptRun
								+ " seed 1, truth as the user's picks");
			}
			double after = score(adapted, set, catalog);
			err.printf(Locale.ROOT, "%s: shipped %.3f, adapted %.3f%n", s, shipped, after);
			err.flush();
			rows.add(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.2f | %.1f | %.3f -> %.3f | %s |", s, shipped,
					after, TARGETS[i], o.seconds() / 60, o.before(), o.after(), adapted));
		}
		out.println("| setting | shipped models | adapted on one tomogram | target | minutes | held-out F4 before -> "
				+ "after | adapted models |");
		out.println("|---|---|---|---|---|---|---|");
		rows.forEach(out::println);
		out.println();
		out.flush();
	}

	private double score(Path models, TestSet set, ParticleCatalog catalog) {
		try (PickingPipeline pipeline = PickingPipeline.load(models, PickingMode.FULL, null);
				ConsoleProgress progress = new ConsoleProgress(err)) {
			return new RobustnessBenchmark(pipeline, catalog).run(set, progress).scores().get(PickingMode.FULL)
					.weightedFBeta();
		}
	}
}
