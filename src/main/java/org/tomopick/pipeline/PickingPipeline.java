package org.tomopick.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomopick.fuse.Branch;
import org.tomopick.fuse.Candidate;
import org.tomopick.fuse.DbscanFusion;
import org.tomopick.fuse.FusedParticle;
import org.tomopick.fuse.FusionSettings;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.nn.DjlRuntime;
import org.tomopick.progress.Progress;
import org.tomopick.unet.PeakSettings;
import org.tomopick.unet.ProbabilityMaps;
import org.tomopick.unet.UNetDetection;
import org.tomopick.unet.TilingSettings;
import org.tomopick.unet.UNetDetector;
import org.tomopick.unet.UNetModel;
import org.tomopick.yolo.SliceDetection;
import org.tomopick.yolo.SlicewiseYoloDetector;
import org.tomopick.yolo.YoloModel;
import org.tomopick.yolo.YoloModelFile;

/**
 * TomoPick's main job on one tomogram: both branches on the volume, then fusion, as the mode says. The models are
 * loaded once from a models folder ({@code unet/} with {@code unet.params + unet.json}, {@code yolo/} with
 * {@code yolo.params + yolo.json}) and reused for every tomogram; close the pipeline to free them.
 */
public final class PickingPipeline implements AutoCloseable {

	public static final String UNET_FOLDER = "unet";
	public static final String YOLO_FOLDER = "yolo";

	private final PickingMode mode;
	private final DbscanFusion fusion;
	private final UNetModel unetModel;
	private final UNetDetector unet;
	private final YoloModel yoloModel;
	private final SlicewiseYoloDetector yolo;

	private final PipelineTuning tuning;

	private PickingPipeline(PickingMode mode, FusionSettings fusion, UNetModel unetModel, YoloModel yoloModel,
			PipelineTuning tuning) {
		this.mode = mode;
		this.tuning = tuning;
		this.fusion = new DbscanFusion(fusion);
		this.unetModel = unetModel;
		this.unet = unetModel == null ? null
				: new UNetDetector(unetModel, TilingSettings.defaults(), PeakSettings.defaults());
		this.yoloModel = yoloModel;
		this.yolo = yoloModel == null ? null : new SlicewiseYoloDetector(yoloModel);
	}

	/**
	 * Loads the models the mode needs from {@code modelsDir} and, when the folder has one and {@code fusion} is
	 * null, its tuned thresholds ({@link PipelineTuning}); with explicit fusion settings the tuning is not used.
	 */
	public static PickingPipeline load(Path modelsDir, PickingMode mode, FusionSettings fusion) {
		PipelineTuning tuning = fusion == null ? PipelineTuning.readIfPresent(modelsDir) : null;
		FusionSettings f = fusion != null ? fusion
				: tuning != null ? FusionSettings.defaults().withThresholds(tuning.candidateThreshold(), Map.of())
						: FusionSettings.defaults();
		return load(modelsDir, mode, f, tuning);
	}

	/** Loads with given fusion settings and tuning (null: no output thresholds). */
	public static PickingPipeline load(Path modelsDir, PickingMode mode, FusionSettings fusion,
			PipelineTuning tuning) {
		UNetModel u = null;
		YoloModel y = null;
		try {
			if (mode.usesUnet())
				u = UNetModel.load(require(modelsDir.resolve(UNET_FOLDER).resolve(UNetModel.PARAMETERS)).getParent());
			if (mode.usesYolo())
				y = YoloModelFile.load(require(modelsDir.resolve(YOLO_FOLDER).resolve("yolo.params")));
			return new PickingPipeline(mode, fusion, u, y, tuning);
		} catch (RuntimeException e) {
			if (u != null)
				u.close();
			if (y != null)
				y.close();
			throw e;
		}
	}

	private static Path require(Path file) {
		if (!Files.isRegularFile(file))
			throw new TomoPickIoException(file, "model file not found (train one with 'tomopick train', or give "
					+ "--models)");
		return file;
	}

	public PickingMode mode() {
		return mode;
	}

	/** The tuned thresholds in use, or null. */
	public PipelineTuning tuning() {
		return tuning;
	}

	/** Picks one tomogram (float values, any scale: each branch normalises it). */
	public PickingResult pick(DenseVolume tomogram, double voxelSizeAngstrom, Progress progress) {
		return fuse(detect(tomogram, voxelSizeAngstrom, progress), mode);
	}

	/**
	 * Runs the branches whose models are loaded: UNet peaks, and YOLO slice detections both as points (for the
	 * fusion) and linked across slices (for the YOLO-only and no-dbscan modes).
	 */
	public BranchOutputs detect(DenseVolume tomogram, double voxelSizeAngstrom, Progress progress) {
		DjlRuntime.noGradientsOnThisThread();
		Map<String, Double> seconds = new LinkedHashMap<>();
		List<Particle> unetCandidates = List.of();
		List<Particle> yoloPoints = List.of();
		List<Particle> yoloTracks = List.of();
		ProbabilityMaps maps = null;
		if (unet != null) {
			long t0 = System.nanoTime();
			UNetDetection detection = unet.detect(tomogram, voxelSizeAngstrom, progress);
			unetCandidates = detection.candidates();
			maps = detection.maps();
			seconds.put("unet", (System.nanoTime() - t0) * 1e-9);
		}
		if (yolo != null) {
			long t0 = System.nanoTime();
			List<SliceDetection> detections = yolo.detectSlices(tomogram, voxelSizeAngstrom, progress);
			yoloPoints = SlicewiseYoloDetector.toPoints(detections);
			yoloTracks = yolo.link(detections);
			seconds.put("yolo", (System.nanoTime() - t0) * 1e-9);
		}
		return new BranchOutputs(unetCandidates, yoloPoints, yoloTracks, seconds, maps);
	}

	/** Turns branch outputs into particles as a mode says (the mode's branches must have run). */
	public PickingResult fuse(BranchOutputs outputs, PickingMode as) {
		long t0 = System.nanoTime();
		List<Candidate> candidates = new ArrayList<>();
		if (as.usesUnet())
			outputs.unetCandidates().forEach(p -> candidates.add(candidate(p, Branch.UNET)));
		if (as.usesYolo())
			(as == PickingMode.FULL ? outputs.yoloPoints() : outputs.yoloTracks())
					.forEach(p -> candidates.add(candidate(p, Branch.YOLO)));
		List<FusedParticle> fused = as == PickingMode.FULL ? fusion.fuse(candidates) : fusion.concatenate(candidates);
		List<Particle> particles = fused.stream().map(FusedParticle::toParticle).toList();
		if (tuning != null)
			particles = ThresholdTuner.apply(particles, tuning.thresholds(as));
		Map<String, Double> seconds = new LinkedHashMap<>();
		if (as.usesUnet())
			seconds.put("unet", outputs.stageSeconds().getOrDefault("unet", 0.0));
		if (as.usesYolo())
			seconds.put("yolo", outputs.stageSeconds().getOrDefault("yolo", 0.0));
		seconds.put(as == PickingMode.FULL ? "fusion" : "threshold", (System.nanoTime() - t0) * 1e-9);
		return new PickingResult(particles, as.usesUnet() ? outputs.unetCandidates().size() : 0,
				as.usesYolo() ? (as == PickingMode.FULL ? outputs.yoloPoints() : outputs.yoloTracks()).size() : 0,
				seconds);
	}

	private static Candidate candidate(Particle p, Branch branch) {
		return new Candidate(p.type(), p.x(), p.y(), p.z(), Math.max(0, Math.min(1, p.score())), branch);
	}

	@Override
	public void close() {
		if (unetModel != null)
			unetModel.close();
		if (yoloModel != null)
			yoloModel.close();
	}
}
