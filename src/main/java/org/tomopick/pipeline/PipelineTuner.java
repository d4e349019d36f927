package org.tomopick.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.tomopick.classify.LabelDecision;
import org.tomopick.eval.CziiScore;
import org.tomopick.eval.ThresholdTuner;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.progress.Progress;

/**
 * Chooses the thresholds of {@link PipelineTuning} on annotated tomograms: both branches run once per tomogram,
 * every mode fuses with the candidate threshold, and per mode and class the output threshold that maximises that
 * class's F4 is kept; full mode also keeps the label decision that scores better. Only the classes of the scoring
 * catalog are tuned (those the annotations cover); the others keep the thresholds of a base tuning, if one is given.
 * What {@code tomopick tune} and {@code tomopick adapt} both do.
 */
public final class PipelineTuner {

	/** The one run that {@link #gathered} puts the blocks in. */
	private static final String GATHERED = "blocks";

	private final ParticleCatalog scored;
	private final double candidateThreshold;

	/**
	 * @param scored             the classes whose thresholds are chosen (and that the scores are computed over)
	 * @param candidateThreshold the confidence branch candidates need before fusion (the pipeline's)
	 */
	public PipelineTuner(ParticleCatalog scored, double candidateThreshold) {
		this.scored = scored;
		this.candidateThreshold = candidateThreshold;
	}

	/** The picks of every mode (most-probable labels) and of full mode with every likely class, per tomogram. */
	public record Picks(Map<String, List<Particle>> truth, Map<PickingMode, Map<String, List<Particle>>> byMode,
			Map<String, List<Particle>> everyLikelyClass) {
	}

	/** Runs the pipeline (loaded in full mode, no tuning) on every tomogram, read one at a time. */
	public Picks pick(PickingPipeline pipeline, List<String> names, Function<String, AnnotatedTomogram> reader,
			Progress progress) {
		Map<String, List<Particle>> truth = new LinkedHashMap<>();
		Map<PickingMode, Map<String, List<Particle>>> picks = new EnumMap<>(PickingMode.class);
		Map<String, List<Particle>> everyLikelyClass = new LinkedHashMap<>();
		for (String name : names) {
			AnnotatedTomogram t = reader.apply(name);
			truth.put(name, t.truth());
			BranchOutputs outputs = pipeline.detect(t.tomogram(), t.voxelSizeAngstrom(), progress);
			for (PickingMode mode : PickingMode.values())
				picks.computeIfAbsent(mode, m -> new LinkedHashMap<>()).put(name,
						pipeline.fuse(outputs, mode, LabelDecision.MOST_PROBABLE).particles());
			everyLikelyClass.put(name,
					pipeline.fuse(outputs, PickingMode.FULL, LabelDecision.EVERY_LIKELY_CLASS).particles());
		}
		return new Picks(truth, picks, everyLikelyClass);
	}

	/**
	 * The tuning for these picks. {@code log} receives one line per mode (F4 at output threshold 0.5 and tuned) and
	 * one for the label decision.
	 */
	public PipelineTuning tune(Picks picks, PipelineTuning base, String tunedOn, Consumer<String> log) {
		return tune(picks, base, tunedOn, null, log);
	}

	/** As {@link #tune(Picks, PipelineTuning, String, Consumer)}; a non-null {@code decision} is taken as it is. */
	private PipelineTuning tune(Picks picks, PipelineTuning base, String tunedOn, LabelDecision fixed,
			Consumer<String> log) {
		Map<String, List<Particle>> truth = scoredOnly(picks.truth());
		ThresholdTuner tuner = new ThresholdTuner(scored, candidateThreshold);
		CziiScore scorer = new CziiScore(scored);
		Map<PickingMode, Map<String, Double>> thresholds = new EnumMap<>(PickingMode.class);
		for (PickingMode mode : PickingMode.values()) {
			Map<String, List<Particle>> modePicks = scoredOnly(picks.byMode().get(mode));
			Map<String, Double> t = tuner.tune(truth, modePicks);
			thresholds.put(mode, t);
			double before = scorer.score(truth, ThresholdTuner.filter(modePicks, 0.5)).weightedFBeta();
			double after = scorer.score(truth, ThresholdTuner.apply(modePicks, t)).weightedFBeta();
			log.accept(String.format(Locale.ROOT, "%-10s validation F4 %.4f with output threshold 0.5, %.4f tuned: %s",
					mode, before, after, t));
		}
		Map<String, List<Particle>> every = scoredOnly(picks.everyLikelyClass());
		Map<String, Double> everyThresholds = tuner.tune(truth, every);
		double everyScore = scorer.score(truth, ThresholdTuner.apply(every, everyThresholds)).weightedFBeta();
		double mostScore = scorer.score(truth,
				ThresholdTuner.apply(scoredOnly(picks.byMode().get(PickingMode.FULL)),
						thresholds.get(PickingMode.FULL)))
				.weightedFBeta();
		LabelDecision decision = fixed != null ? fixed
				: everyScore > mostScore ? LabelDecision.EVERY_LIKELY_CLASS : LabelDecision.MOST_PROBABLE;
		if (decision == LabelDecision.EVERY_LIKELY_CLASS)
			thresholds.put(PickingMode.FULL, everyThresholds);
		log.accept(String.format(Locale.ROOT, "full labels: %s %.4f, %s %.4f tuned: %s kept",
				LabelDecision.MOST_PROBABLE, mostScore, LabelDecision.EVERY_LIKELY_CLASS, everyScore, decision));
		if (base != null)
			for (PickingMode mode : PickingMode.values()) {
				Map<String, Double> merged = new LinkedHashMap<>(base.thresholds(mode));
				merged.putAll(thresholds.get(mode));
				thresholds.put(mode, merged);
			}
		return new PipelineTuning(candidateThreshold, thresholds, tunedOn, decision);
	}

	/**
	 * Full mode's thresholds re-chosen on these picks class by class, but only where doing so is likely to help on
	 * other data of the same kind; elsewhere the starting thresholds stay. A threshold chosen on a few annotated
	 * particles always looks better on them than the starting one (it was chosen there), so the choice itself is
	 * cross-validated: the tomograms are cut into square x-y blocks of {@code blockAngstrom}, each of {@code draws}
	 * draws splits the blocks at random into two halves, chooses the class's threshold on one and scores it on the
	 * other against the starting threshold (and the other way round); a class's threshold is re-chosen when it wins
	 * in at least {@code confidence}, and in more than half, of the comparisons that hold the class's particles on
	 * both sides (ties count half: ties alone keep the starting threshold). The label decision and the other modes'
	 * thresholds are as {@code tune} chooses them with the starting label decision.
	 *
	 * @param start the starting tuning (its thresholds and label decision)
	 * @param log   one line per class
	 */
	public PipelineTuning sureThresholds(Picks picks, PipelineTuning start, String tunedOn, double blockAngstrom,
			int draws, long seed, double confidence, Consumer<String> log) {
		PipelineTuning chosen = tune(picks, start, tunedOn, start.labelDecision(), line -> {
		});
		Map<String, Double> startFull = start.thresholds(PickingMode.FULL);
		Map<String, Double> chosenFull = chosen.thresholds(PickingMode.FULL);
		Map<String, List<Particle>> truth = scoredOnly(picks.truth());
		Map<String, List<Particle>> full = scoredOnly(picksOf(picks, start));
		Map<String, List<Particle>> truthOf = byBlock(truth, blockAngstrom), picksOf = byBlock(full, blockAngstrom);
		java.util.Set<String> all = new java.util.TreeSet<>(truthOf.keySet());
		all.addAll(picksOf.keySet());
		List<String> blocks = new ArrayList<>(all);
		ThresholdTuner tuner = new ThresholdTuner(scored, candidateThreshold);
		CziiScore scorer = new CziiScore(scored);
		double[] wins = new double[scored.size()];
		int[] trials = new int[scored.size()];
		java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
		for (int d = 0; d < draws && blocks.size() >= 2; d++) {
			List<String> shuffled = new ArrayList<>(blocks);
			java.util.Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
			List<List<String>> halves = List.of(shuffled.subList(0, shuffled.size() / 2),
					shuffled.subList(shuffled.size() / 2, shuffled.size()));
			for (int side = 0; side < 2; side++) {
				Map<String, List<Particle>> fitTruth = gathered(halves.get(side), truthOf);
				Map<String, List<Particle>> testTruth = gathered(halves.get(1 - side), truthOf);
				Map<String, Double> fitted = tuner.tune(fitTruth, gathered(halves.get(side), picksOf));
				Map<String, List<Particle>> testPicks = gathered(halves.get(1 - side), picksOf);
				var withFitted = scorer.score(testTruth, ThresholdTuner.apply(testPicks, fitted)).classes();
				var withStart = scorer.score(testTruth, ThresholdTuner.apply(testPicks, startFull)).classes();
				for (int c = 0; c < scored.size(); c++) {
					String name = scored.classes().get(c).name();
					if (count(fitTruth, name) == 0 || count(testTruth, name) == 0)
						continue;
					double diff = withFitted.get(name).fBeta() - withStart.get(name).fBeta();
					wins[c] += diff > 1e-12 ? 1 : diff < -1e-12 ? 0 : 0.5;
					trials[c]++;
				}
			}
		}
		Map<String, Double> result = new LinkedHashMap<>(startFull);
		for (int c = 0; c < scored.size(); c++) {
			String name = scored.classes().get(c).name();
			double share = trials[c] == 0 ? Double.NaN : wins[c] / trials[c];
			boolean take = trials[c] > 0 && share >= confidence && share > 0.5 && startFull.containsKey(name);
			if (take || !startFull.containsKey(name))
				result.put(name, chosenFull.get(name));
			log.accept(String.format(Locale.ROOT, "%s threshold %s -> %.2f: chosen on one half better on the "
					+ "other in %s of %d comparisons: %s", name, startFull.containsKey(name)
							? String.format(Locale.ROOT, "%.2f", startFull.get(name)) : "none",
					chosenFull.get(name), Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * share),
					trials[c], take || !startFull.containsKey(name) ? "re-chosen" : "starting threshold kept"));
		}
		Map<PickingMode, Map<String, Double>> thresholds = new EnumMap<>(PickingMode.class);
		for (PickingMode mode : PickingMode.values())
			thresholds.put(mode, mode == PickingMode.FULL ? result : chosen.thresholds(mode));
		return new PipelineTuning(candidateThreshold, thresholds, tunedOn, start.labelDecision());
	}

	/** The particles of each run grouped by x-y block ("run#i,j" keys, each its own run for scoring). */
	private static Map<String, List<Particle>> byBlock(Map<String, List<Particle>> byRun, double blockAngstrom) {
		Map<String, List<Particle>> out = new LinkedHashMap<>();
		byRun.forEach((run, ps) -> {
			for (Particle p : ps)
				out.computeIfAbsent(blockOf(run, p, blockAngstrom), k -> new ArrayList<>()).add(p);
		});
		return out;
	}

	private static String blockOf(String run, Particle p, double blockAngstrom) {
		return run + "#" + (int) Math.floor(p.x() / blockAngstrom) + "," + (int) Math.floor(p.y() / blockAngstrom);
	}

	/**
	 * The blocks' particles side by side in one volume (the k-th moved far along x), so that false picks in a block
	 * without truth still count (the score leaves out tomograms without truth).
	 */
	private static Map<String, List<Particle>> gathered(List<String> blocks, Map<String, List<Particle>> byBlock) {
		List<Particle> out = new ArrayList<>();
		for (int k = 0; k < blocks.size(); k++)
			moved(byBlock.get(blocks.get(k)), (k + 1) * 1e7, out);
		return Map.of(GATHERED, out);
	}

	private static int count(Map<String, List<Particle>> byRun, String type) {
		int n = 0;
		for (List<Particle> ps : byRun.values())
			for (Particle p : ps)
				n += p.type().name().equals(type) ? 1 : 0;
		return n;
	}

	/** The weighted F4 over the scored classes of a mode's picks with a tuning's thresholds. */
	public double score(Picks picks, PickingMode mode, PipelineTuning tuning) {
		Map<String, List<Particle>> modePicks = mode == PickingMode.FULL
				&& tuning.labelDecision() == LabelDecision.EVERY_LIKELY_CLASS ? picks.everyLikelyClass()
						: picks.byMode().get(mode);
		return new CziiScore(scored).score(scoredOnly(picks.truth()),
				ThresholdTuner.apply(scoredOnly(modePicks), tuning.thresholds(mode))).weightedFBeta();
	}

	/**
	 * How sure the data are that picks {@code a} with tuning {@code ta} score better than picks {@code b} with
	 * {@code tb} on the same tomograms (the same truth): a spatial block bootstrap. Each tomogram is cut into square
	 * x-y blocks of {@code blockAngstrom}; a draw takes as many blocks as there are, with replacement, and scores both
	 * on the blocks drawn (each block a tomogram of its own, so the CZII counts add up); returns the fraction of
	 * {@code draws} in which {@code a} scored higher (ties count half). A handful of particles decide a held-out
	 * part's score, so a gain of a few hundredths is often no more than which particles happened to fall there.
	 */
	public double chanceBetter(Picks a, PipelineTuning ta, Picks b, PipelineTuning tb, double blockAngstrom, int draws,
			long seed) {
		Map<String, List<Particle>> truth = scoredOnly(a.truth());
		Map<String, List<Particle>> pa = ThresholdTuner.apply(scoredOnly(picksOf(a, ta)),
				ta.thresholds(PickingMode.FULL));
		Map<String, List<Particle>> pb = ThresholdTuner.apply(scoredOnly(picksOf(b, tb)),
				tb.thresholds(PickingMode.FULL));
		// the blocks: truth and both sets of picks of each block of each tomogram
		Map<String, List<Particle>> truthOf = byBlock(truth, blockAngstrom), aOf = byBlock(pa, blockAngstrom),
				bOf = byBlock(pb, blockAngstrom);
		java.util.Set<String> all = new java.util.LinkedHashSet<>(truthOf.keySet());
		all.addAll(aOf.keySet());
		all.addAll(bOf.keySet());
		List<String> blocks = new ArrayList<>(all);
		if (blocks.isEmpty())
			return 0.5;
		CziiScore scorer = new CziiScore(scored);
		java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
		double wins = 0;
		for (int d = 0; d < draws; d++) {
			List<String> drawn = new ArrayList<>();
			for (int k = 0; k < blocks.size(); k++)
				drawn.add(blocks.get(random.nextInt(blocks.size())));
			Map<String, List<Particle>> t = gathered(drawn, truthOf);
			if (t.get(GATHERED).isEmpty()) {
				wins += 0.5;
				continue;
			}
			double diff = scorer.score(t, gathered(drawn, aOf)).weightedFBeta()
					- scorer.score(t, gathered(drawn, bOf)).weightedFBeta();
			wins += diff > 0 ? 1 : diff == 0 ? 0.5 : 0;
		}
		return wins / draws;
	}

	private static void moved(List<Particle> particles, double shift, List<Particle> into) {
		if (particles != null)
			for (Particle p : particles)
				into.add(new Particle(p.type(), p.x() + shift, p.y(), p.z(), p.score(), p.provenance()));
	}

	/** Full mode's picks as a tuning reports them (every likely class or the most probable one). */
	private static Map<String, List<Particle>> picksOf(Picks picks, PipelineTuning tuning) {
		return tuning.labelDecision() == LabelDecision.EVERY_LIKELY_CLASS ? picks.everyLikelyClass()
				: picks.byMode().get(PickingMode.FULL);
	}

	/** Particles of the scored classes only. */
	private Map<String, List<Particle>> scoredOnly(Map<String, List<Particle>> byRun) {
		Map<String, List<Particle>> out = new LinkedHashMap<>();
		byRun.forEach((r, ps) -> {
			List<Particle> kept = new ArrayList<>();
			for (Particle p : ps)
				if (scored.indexOf(p.type()) >= 0)
					kept.add(p);
			out.put(r, kept);
		});
		return out;
	}

	/** The catalog's classes that occur in some tomogram's truth, in catalog order. */
	public static ParticleCatalog present(ParticleCatalog catalog, List<List<Particle>> truths) {
		List<ParticleClass> present = new ArrayList<>();
		for (ParticleClass c : catalog.classes())
			if (truths.stream().anyMatch(t -> t.stream().anyMatch(p -> p.type().equals(c))))
				present.add(c);
		return new ParticleCatalog(present);
	}
}
