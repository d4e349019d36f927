package org.tomopick.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.tomopick.eval.CziiScore;
import org.tomopick.eval.ScoreReport;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.progress.Progress;

/**
 * How the picker holds up away from its training domain: the same models on several test sets (the own simulator's
 * test set, tomograms of an independent simulator, a noise sweep), each tomogram through both branches once and
 * then fused in every mode, scored per set with the CZII metric. Tomograms are read one at a time.
 */
public final class RobustnessBenchmark {

	/** A named test set; each supplier reads or makes one annotated tomogram when asked. */
	public record TestSet(String name, List<Supplier<AnnotatedTomogram>> tomograms) {
	}

	/** Scores of one set per mode, and the full pipeline's mean seconds per tomogram there. */
	public record SetResult(String name, int tomograms, Map<PickingMode, ScoreReport> scores, double fullSeconds) {
	}

	private final PickingPipeline pipeline;
	private final ParticleCatalog catalog;

	/** @param pipeline loaded in {@link PickingMode#FULL} (both models) */
	public RobustnessBenchmark(PickingPipeline pipeline, ParticleCatalog catalog) {
		if (pipeline.mode() != PickingMode.FULL)
			throw new IllegalArgumentException("the benchmark needs both branches: load the pipeline in full mode");
		this.pipeline = pipeline;
		this.catalog = catalog;
	}

	public SetResult run(TestSet set, Progress progress) {
		Map<PickingMode, Map<String, List<Particle>>> picks = new EnumMap<>(PickingMode.class);
		Map<String, List<Particle>> truth = new LinkedHashMap<>();
		double seconds = 0;
		List<Supplier<AnnotatedTomogram>> tomograms = set.tomograms();
		for (int i = 0; i < tomograms.size(); i++) {
			progress.checkCancelled("robustness benchmark");
			progress.report(set.name() + " " + (i + 1) + "/" + tomograms.size(), 0);
			AnnotatedTomogram t = tomograms.get(i).get();
			String key = i + ":" + t.name(); // independent sets may reuse one run name
			truth.put(key, t.truth());
			BranchOutputs outputs = pipeline.detect(t.tomogram(), t.voxelSizeAngstrom(), progress);
			for (PickingMode mode : PickingMode.values()) {
				PickingResult r = pipeline.fuse(outputs, mode);
				picks.computeIfAbsent(mode, m -> new LinkedHashMap<>()).put(key, r.particles());
				if (mode == PickingMode.FULL)
					seconds += r.stageSeconds().values().stream().mapToDouble(Double::doubleValue).sum();
			}
		}
		Map<PickingMode, ScoreReport> scores = new EnumMap<>(PickingMode.class);
		CziiScore scorer = new CziiScore(catalog);
		picks.forEach((mode, byRun) -> scores.put(mode, scorer.score(truth, byRun)));
		return new SetResult(set.name(), tomograms.size(), scores, tomograms.isEmpty() ? 0 : seconds / tomograms.size());
	}

	/** Results of several sets, in order. */
	public List<SetResult> run(List<TestSet> sets, Progress progress) {
		List<SetResult> out = new ArrayList<>();
		for (TestSet s : sets)
			out.add(run(s, progress));
		return out;
	}
}
