package org.tomopick.adapt;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.tomopick.classify.CandidateClassifier;
import org.tomopick.classify.ClassifierFile;
import org.tomopick.classify.LabelDecision;
import org.tomopick.classify.ParticleDescriptor;
import org.tomopick.classify.ProposalClassifier;
import org.tomopick.classify.ProposalSettings;
import org.tomopick.eval.ThresholdTuner;
import org.tomopick.fuse.FusionSettings;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.AnnotatedTomogram;
import org.tomopick.pipeline.ClassifierTraining;
import org.tomopick.pipeline.ClassifierTraining.TomogramExamples;
import org.tomopick.pipeline.PickingMode;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.progress.Progress;

import com.google.gson.JsonObject;

/**
 * Adapting's classifier stage: collects the proposals of the adapted branches on the fitted and held-out parts,
 * compares the starting forest with forests refitted there (each judged both ways round) and writes the best into
 * the staging models folder.
 */
final class ClassifierRefit {

	private final ParticleCatalog catalog;
	private final long seed;

	ClassifierRefit(ParticleCatalog catalog, long seed) {
		this.catalog = catalog;
		this.seed = seed;
	}

	/**
	 * Refits the forest on proposals of the adapted branches in the fitted data and keeps it if it scores better on
	 * the held-out proposals than the starting forest (both with thresholds chosen there).
	 */
	ModelAdaptation.Stage refit(List<AnnotatedTomogram> fit, List<AnnotatedTomogram> heldOut, Path staging,
			ParticleCatalog present, double candidateThreshold, Progress progress, Consumer<String> log) {
		long t0 = System.nanoTime();
		Path dir = staging.resolve(PickingPipeline.CLASSIFIER_FOLDER);
		ParticleDescriptor descriptor = ClassifierFile.descriptor(dir, catalog);
		CandidateClassifier old = ClassifierFile.present(dir) ? ClassifierFile.load(dir, descriptor.names()) : null;
		ProposalSettings proposals = old != null ? old.proposals() : ProposalSettings.defaults();
		List<TomogramExamples> fitExamples, heldOutExamples;
		try (PickingPipeline p = PickingPipeline.load(staging, PickingMode.NO_CLASSIFIER,
				FusionSettings.defaults().withThresholds(candidateThreshold, Map.of()), null)) {
			ClassifierTraining collecting = new ClassifierTraining(p, descriptor, proposals);
			fitExamples = collecting.collect(ModelAdaptation.names(fit), ModelAdaptation.byName(fit), progress,
					line -> log.accept("  " + line));
			heldOutExamples = collecting.collect(ModelAdaptation.names(heldOut), ModelAdaptation.byName(heldOut),
					progress, line -> log.accept("  " + line));
		}
		CandidateClassifier.Settings d = CandidateClassifier.Settings.defaults();
		CandidateClassifier.Settings forest = new CandidateClassifier.Settings(d.trees(), d.maxDepth(), d.maxNodes(),
				d.nodeSize(), seed, old != null && old.profiles() != null);
		// The candidates: the starting forest; one refitted on these proposals (with the starting forest's profile
		// scores, so that both can be blended); both forests' trees, half the weight each (when they know the same
		// classes); one refitted with profile scores fitted here (a linear matched filter per class needs far fewer
		// examples than the forest's splits). Each is judged both ways round, fitted on the fit part and scored on
		// the held-out part and the other way, and the mean decides: the held-out quarter's few particles alone
		// over-fit the choice. The one chosen is then fitted on the fit part.
		Map<String, Function<List<TomogramExamples>, CandidateClassifier>> candidates = new LinkedHashMap<>();
		// the refit of a part is fitted once and serves both the refitted candidate and the blend
		Map<List<TomogramExamples>, CandidateClassifier> refits = new IdentityHashMap<>();
		Function<List<TomogramExamples>, CandidateClassifier> refit = ex -> refits
				.computeIfAbsent(ex, e -> ClassifierTraining.fit(e, descriptor, forest, proposals,
						old != null ? old.profiles() : null));
		if (old != null)
			candidates.put("starting", ex -> old);
		candidates.put("refitted", refit);
		if (old != null)
			candidates.put("starting + refitted trees", ex -> {
				CandidateClassifier r = refit.apply(ex);
				return Arrays.equals(old.forestLabels(), r.forestLabels())
						? CandidateClassifier.blend(old, r, 0.5) : null;
			});
		if (old == null || old.profiles() == null)
			candidates.put("refitted with profile scores", ex -> ClassifierTraining.fit(ex, descriptor,
					forest.withProfiles(true), proposals, null));
		Map<String, Double> scores = new LinkedHashMap<>();
		for (var c : candidates.entrySet())
			scores.put(c.getKey(), bothWaysScore(c.getValue(), fitExamples, heldOutExamples, descriptor, present));
		String which = null;
		for (var e : scores.entrySet())
			if (!Double.isNaN(e.getValue()) && (which == null || e.getValue() > scores.get(which)))
				which = e.getKey();
		if (which == null)
			return new ModelAdaptation.Stage("classifier", Double.NaN, Double.NaN, false, (System.nanoTime() - t0) * 1e-9,
					"not refitted: no candidate could be fitted on the annotated proposals");
		CandidateClassifier best;
		try {
			best = candidates.get(which).apply(fitExamples);
		} catch (IllegalArgumentException e) {
			best = null;
		}
		if (best == null) {
			which = "starting";
			best = old;
		}
		double before = scores.getOrDefault("starting", Double.NaN), after = scores.getOrDefault(which, Double.NaN);
		boolean kept = best != old;
		if (kept) {
			JsonObject notes = new JsonObject();
			notes.addProperty("adapted_on", ModelAdaptation.names(fit).toString());
			notes.addProperty("seed", seed);
			notes.addProperty("forest", which);
			notes.addProperty("weighted_f4_both_ways", after);
			ClassifierFile.save(best, dir, notes, descriptor.templates());
		}
		double seconds = (System.nanoTime() - t0) * 1e-9;
		log.accept(String.format(Locale.ROOT, "classifier: F4 judged both ways round (fit part and held-out part, "
				+ "thresholds chosen on the scored part) %s on %d + %d proposals; %s kept, %.1f min", scores,
				fitExamples.stream().mapToInt(e -> e.labels().length).sum(),
				heldOutExamples.stream().mapToInt(e -> e.labels().length).sum(), which, seconds / 60));
		return new ModelAdaptation.Stage("classifier", before, after, kept, seconds, which + " kept");
	}

	/**
	 * The mean of a candidate's scores fitted on one part and scored on the other, both ways round; a way in which it
	 * cannot be fitted (one part holds too few kinds of examples) is left out; NaN when neither works.
	 */
	private static double bothWaysScore(Function<List<TomogramExamples>, CandidateClassifier> fit,
			List<TomogramExamples> a, List<TomogramExamples> b, ParticleDescriptor descriptor, ParticleCatalog present) {
		double sum = 0;
		int n = 0;
		for (List<List<TomogramExamples>> way : List.of(List.of(a, b), List.of(b, a))) {
			CandidateClassifier c;
			try {
				c = fit.apply(way.get(0));
			} catch (IllegalArgumentException tooFew) {
				continue;
			}
			if (c == null)
				continue;
			sum += heldOutScore(c, descriptor, way.get(1), present);
			n++;
		}
		return n == 0 ? Double.NaN : sum / n;
	}

	/** The best weighted F4 over the annotated classes of a forest on held-out proposals, either label decision. */
	private static double heldOutScore(CandidateClassifier forest, ParticleDescriptor descriptor,
			List<TomogramExamples> examples, ParticleCatalog present) {
		ProposalClassifier stage = new ProposalClassifier(forest, descriptor);
		double best = 0;
		for (LabelDecision decision : LabelDecision.values()) {
			Map<String, List<Particle>> truth = new LinkedHashMap<>(), picks = new LinkedHashMap<>();
			for (TomogramExamples ex : examples) {
				truth.put(ex.name(), only(ex.truth(), present));
				picks.put(ex.name(), only(stage.classify(ex.proposals(), ex.rows(), decision), present));
			}
			best = Math.max(best, new ThresholdTuner(present, 0).tunedScore(truth, picks).weightedFBeta());
		}
		return best;
	}

	private static List<Particle> only(List<Particle> ps, ParticleCatalog classes) {
		return ps.stream().filter(p -> classes.indexOf(p.type()) >= 0).toList();
	}
}
