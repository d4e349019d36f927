package org.tomopick.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomopick.eval.CziiScore;
import org.tomopick.eval.ScoreReport;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.progress.Progress;
import org.tomopick.sim.DatasetSimulator;
import org.tomopick.sim.DatasetSimulator.NamedLayout;

/**
 * Accuracy and speed of the picker on a simulated test set: every tomogram goes through both branches once and is
 * then fused in each mode, so the modes are compared on the same branch outputs within one run. Also times the full
 * pipeline on crops of 1/8, 1/4, 1/2 and all of the first tomogram (cost against volume).
 */
public final class PickingBenchmark {

	/** Seconds of each stage of one tomogram, in full mode. */
	public record Timing(String tomogram, int voxels, double unetSeconds, double yoloSeconds, double fusionSeconds) {

		public double totalSeconds() {
			return unetSeconds + yoloSeconds + fusionSeconds;
		}
	}

	/** One crop of the scaling series. */
	public record ScalingPoint(double volumeFraction, int[] shape, double seconds) {
	}

	/**
	 * Scores per mode, timings per tomogram, the scaling series, the conditions of each test tomogram, and the
	 * full mode's weighted F4 on each tomogram alone (in the same order).
	 */
	public record Result(Map<PickingMode, ScoreReport> scores, List<Timing> timings, List<ScalingPoint> scaling,
			List<String> tomograms, List<Double> fullScorePerTomogram) {
	}

	private final PickingPipeline pipeline;
	private final ParticleCatalog catalog;

	/** @param pipeline loaded in {@link PickingMode#FULL} (both models) */
	public PickingBenchmark(PickingPipeline pipeline, ParticleCatalog catalog) {
		if (pipeline.mode() != PickingMode.FULL)
			throw new IllegalArgumentException("the benchmark needs both branches: load the pipeline in full mode");
		this.pipeline = pipeline;
		this.catalog = catalog;
	}

	public Result run(DatasetSimulator simulator, NamedLayout layout, int count, long seed, boolean scaling,
			Progress progress) {
		Map<PickingMode, Map<String, List<Particle>>> picks = new EnumMap<>(PickingMode.class);
		Map<String, List<Particle>> truth = new LinkedHashMap<>();
		List<Timing> timings = new ArrayList<>();
		List<String> names = new ArrayList<>();
		DenseVolume first = null;
		double firstVoxel = 0;
		for (int i = 0; i < count; i++) {
			progress.report("benchmark tomogram " + (i + 1) + "/" + count, 0);
			DatasetSimulator.Example ex = simulator.simulateOne(layout, seed + i);
			DenseVolume tomo = ex.tomogram().tomogram();
			if (first == null) {
				first = tomo;
				firstVoxel = ex.tomogram().voxelSizeAngstrom();
			}
			names.add(ex.name() + " [" + ex.conditions() + "]");
			truth.put(ex.name(), ex.tomogram().truth());
			BranchOutputs outputs = pipeline.detect(tomo, ex.tomogram().voxelSizeAngstrom(), progress);
			for (PickingMode mode : PickingMode.values()) {
				PickingResult r = pipeline.fuse(outputs, mode);
				picks.computeIfAbsent(mode, m -> new LinkedHashMap<>()).put(ex.name(), r.particles());
				if (mode == PickingMode.FULL)
					timings.add(new Timing(ex.name(), tomo.voxelCount(), r.stageSeconds().get("unet"),
							r.stageSeconds().get("yolo"), r.stageSeconds().get("fusion")));
			}
		}
		Map<PickingMode, ScoreReport> scores = new EnumMap<>(PickingMode.class);
		CziiScore scorer = new CziiScore(catalog);
		picks.forEach((mode, byRun) -> scores.put(mode, scorer.score(truth, byRun)));
		List<Double> perTomogram = new ArrayList<>();
		truth.forEach((run, t) -> perTomogram.add(scorer.score(Map.of(run, t),
				Map.of(run, picks.get(PickingMode.FULL).get(run))).weightedFBeta()));
		List<ScalingPoint> series = scaling ? scaling(first, firstVoxel, progress) : List.of();
		return new Result(scores, timings, series, names, perTomogram);
	}

	private List<ScalingPoint> scaling(DenseVolume volume, double voxel, Progress progress) {
		List<ScalingPoint> out = new ArrayList<>();
		for (double fraction : new double[] { 0.125, 0.25, 0.5, 1.0 }) {
			double f = Math.cbrt(fraction);
			int[] s = volume.shape();
			int[] shape = { (int) Math.round(s[0] * f), (int) Math.round(s[1] * f), (int) Math.round(s[2] * f) };
			DenseVolume crop = crop(volume, shape);
			long t0 = System.nanoTime();
			pipeline.pick(crop, voxel, progress);
			out.add(new ScalingPoint((double) crop.voxelCount() / volume.voxelCount(), shape,
					(System.nanoTime() - t0) * 1e-9));
		}
		return out;
	}

	static DenseVolume crop(DenseVolume v, int[] shape) {
		float[] src = v.toFloatArray();
		float[] dst = new float[shape[0] * shape[1] * shape[2]];
		for (int z = 0; z < shape[0]; z++)
			for (int y = 0; y < shape[1]; y++)
				System.arraycopy(src, v.index(z, y, 0), dst, (z * shape[1] + y) * shape[2], shape[2]);
		return DenseVolume.ofFloats(shape, dst);
	}

	/** Peak resident memory of this process (heap and native) in bytes, from /proc; -1 where unknown. */
	public static long peakResidentBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status")))
				if (line.startsWith("VmHWM:"))
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
		} catch (IOException | NumberFormatException e) {
			return -1;
		}
		return -1;
	}
}
