package org.tomopick.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomopick.classify.BlobProposals;
import org.tomopick.classify.ClassifierFile;
import org.tomopick.classify.LabelDecision;
import org.tomopick.classify.ParticleDescriptor;
import org.tomopick.classify.ProposalClassifier;
import org.tomopick.classify.ProposalSettings;
import org.tomopick.classify.ShellProposals;
import org.tomopick.classify.TomogramSampler;
import org.tomopick.eval.ThresholdTuner;
import org.tomopick.fuse.Branch;
import org.tomopick.fuse.Candidate;
import org.tomopick.fuse.DbscanFusion;
import org.tomopick.fuse.FusedParticle;
import org.tomopick.fuse.FusionSettings;
import org.tomopick.grid.Normalisation;
import org.tomopick.grid.WorkingGrid;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
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
import org.tomopick.yolo.WorkingVolume;
import org.tomopick.yolo.YoloSettings;
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
	public static final String CLASSIFIER_FOLDER = "classifier";
	/** The classes the candidate classifier and the blob proposals know. */
	private static final ParticleCatalog CATALOG = ParticleCatalog.czii();

	private final PickingMode mode;
	private final DbscanFusion fusion;
	private final UNetModel unetModel;
	private final UNetDetector unet;
	private final YoloModel yoloModel;
	private final SlicewiseYoloDetector yolo;
	private final ProposalClassifier classifier;
	private final FusionSettings fusionSettings;

	private final PipelineTuning tuning;

	private PickingPipeline(PickingMode mode, FusionSettings fusion, UNetModel unetModel, YoloModel yoloModel,
			ProposalClassifier classifier, PipelineTuning tuning) {
		this.classifier = classifier;
		this.fusionSettings = fusion;
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
	 * null, its tuned thresholds ({@link PipelineTuning}); with explicit fusion settings the tuning is not used and
	 * their per-class thresholds are what a particle must reach: the candidates' confidence before the fusion, and,
	 * in full mode, also the candidate classifier's probability of the particle's class.
	 */
	public static PickingPipeline load(Path modelsDir, PickingMode mode, FusionSettings fusion) {
		PipelineTuning tuned = PipelineTuning.readIfPresent(modelsDir);
		PipelineTuning tuning = fusion == null ? tuned : given(fusion, tuned);
		FusionSettings f = fusion != null ? fusion
				: tuning != null ? FusionSettings.defaults().withThresholds(tuning.candidateThreshold(), Map.of())
						: FusionSettings.defaults();
		return load(modelsDir, mode, f, tuning);
	}

	/** Explicit thresholds as output thresholds of full mode (with the tuned label decision, if any). */
	private static PipelineTuning given(FusionSettings fusion, PipelineTuning tuned) {
		Map<String, Double> perClass = new LinkedHashMap<>();
		for (ParticleClass c : CATALOG.classes())
			perClass.put(c.name(), fusion.threshold(c));
		return new PipelineTuning(fusion.defaultThreshold(), Map.of(PickingMode.FULL, perClass), "given",
				tuned != null ? tuned.labelDecision() : LabelDecision.MOST_PROBABLE);
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
			return new PickingPipeline(mode, fusion, u, y, mode == PickingMode.FULL ? loadClassifier(modelsDir) : null,
					tuning);
		} catch (RuntimeException e) {
			if (u != null)
				u.close();
			if (y != null)
				y.close();
			throw e;
		}
	}

	/** The candidate classifier of a models folder, or null when it has none. */
	private static ProposalClassifier loadClassifier(Path modelsDir) {
		Path dir = modelsDir.resolve(CLASSIFIER_FOLDER);
		if (!ClassifierFile.present(dir))
			return null;
		ParticleDescriptor descriptor = ClassifierFile.descriptor(dir, CATALOG);
		return new ProposalClassifier(ClassifierFile.load(dir, descriptor.names()), descriptor);
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
		WorkingGrid unetGrid = null, yoloGrid = null;
		if (unet != null) {
			long t0 = System.nanoTime();
			unetGrid = WorkingGrid.prepare(tomogram, voxelSizeAngstrom, unetModel.info().voxelSizeAngstrom(),
					unetModel.info().normalisation());
			UNetDetection detection = unet.detect(unetGrid, progress);
			unetCandidates = detection.candidates();
			maps = detection.maps();
			seconds.put("unet", (System.nanoTime() - t0) * 1e-9);
		}
		if (yolo != null) {
			long t0 = System.nanoTime();
			YoloSettings ys = yoloModel.settings();
			yoloGrid = unetGrid != null && sameGrid(unetGrid, voxelSizeAngstrom, ys.workingVoxelAngstrom(),
					ys.normalisation()) ? unetGrid
							: WorkingGrid.prepare(tomogram, voxelSizeAngstrom, ys.workingVoxelAngstrom(), ys.normalisation());
			List<SliceDetection> detections = yolo.detectSlices(WorkingVolume.of(yoloGrid), progress);
			yoloPoints = SlicewiseYoloDetector.toPoints(detections);
			yoloTracks = yolo.link(detections);
			seconds.put("yolo", (System.nanoTime() - t0) * 1e-9);
		}
		return new BranchOutputs(unetCandidates, yoloPoints, yoloTracks, seconds, maps, tomogram, voxelSizeAngstrom,
				unetGrid != null ? unetGrid : yoloGrid);
	}

	/** Whether a prepared grid is what these settings would prepare from a tomogram of this voxel size. */
	private static boolean sameGrid(WorkingGrid grid, double voxelSizeAngstrom, double workingVoxelAngstrom,
			Normalisation normalisation) {
		return grid.normalisation() == normalisation && grid.inputVoxelAngstrom() == voxelSizeAngstrom
				&& grid.scale() == WorkingGrid.scale(voxelSizeAngstrom, workingVoxelAngstrom);
	}

	/**
	 * The classifier's view of a tomogram: the branches' grid when it is the one the proposal settings ask for,
	 * else a grid prepared for them.
	 */
	public static TomogramSampler sampler(BranchOutputs outputs, ProposalSettings proposals) {
		double vs = outputs.voxelSizeAngstrom();
		double working = proposals.gridVoxelAngstrom() > 0 ? proposals.gridVoxelAngstrom() : vs;
		WorkingGrid grid = outputs.grid() != null && sameGrid(outputs.grid(), vs, working, proposals.normalisation())
				? outputs.grid()
				: WorkingGrid.prepare(outputs.tomogram(), vs, working, proposals.normalisation());
		return new TomogramSampler(grid);
	}

	/** Turns branch outputs into particles as a mode says (the mode's branches must have run). */
	public PickingResult fuse(BranchOutputs outputs, PickingMode as) {
		return fuse(outputs, as, tuning != null ? tuning.labelDecision() : LabelDecision.MOST_PROBABLE);
	}

	/** As {@link #fuse(BranchOutputs, PickingMode)}, with the given label decision in full mode. */
	public PickingResult fuse(BranchOutputs outputs, PickingMode as, LabelDecision decision) {
		long t0 = System.nanoTime();
		List<Particle> particles;
		if (as == PickingMode.FULL && classifier != null) {
			TomogramSampler sampler = sampler(outputs, classifier.proposalSettings());
			particles = classifier.classify(clusters(outputs, classifier.proposalSettings(), sampler), sampler,
					outputs.unetCandidates(), outputs.yoloPoints(), outputs.unetMaps(), decision);
		} else {
			List<Candidate> candidates = candidates(outputs, as);
			particles = (as.clusters() ? fusion.fuse(candidates) : fusion.concatenate(candidates)).stream()
					.map(FusedParticle::toParticle).toList();
		}
		if (tuning != null)
			particles = ThresholdTuner.apply(particles, tuning.thresholds(as));
		Map<String, Double> seconds = new LinkedHashMap<>();
		if (as.usesUnet())
			seconds.put("unet", outputs.stageSeconds().getOrDefault("unet", 0.0));
		if (as.usesYolo())
			seconds.put("yolo", outputs.stageSeconds().getOrDefault("yolo", 0.0));
		seconds.put(as.clusters() ? "fusion" : "threshold", (System.nanoTime() - t0) * 1e-9);
		return new PickingResult(particles, as.usesUnet() ? outputs.unetCandidates().size() : 0,
				as.usesYolo() ? (as.clusters() ? outputs.yoloPoints() : outputs.yoloTracks()).size() : 0, seconds);
	}

	/**
	 * What the candidate classifier looks at: the DBSCAN clusters of both branches' candidates (full mode's
	 * candidates, class conflicts not resolved) with the proposal settings' threshold and minimum support, followed
	 * by every UNet peak and linked YOLO track at or above that threshold as a cluster of its own (the
	 * {@code no-dbscan} candidates: two branches' slice points can chain two close particles into one cluster whose
	 * centre lies between them; the single detections keep both), and, when the settings ask for them, the bright
	 * cavities of hollow shells the size of the smallest class, apo-ferritin ({@link BlobProposals#cavities}), the
	 * centres that a shell-shaped matched filter finds ({@link ShellProposals}), found in {@code tomogram}. {@link org.tomopick.classify.Proposals} then merges what lies on one object.
	 */
	public List<FusedParticle> clusters(BranchOutputs outputs, ProposalSettings proposals, TomogramSampler tomogram) {
		DbscanFusion proposalFusion = new DbscanFusion(fusionSettings
				.withThresholds(proposals.candidateThreshold(), Map.of())
				.withMinClusterSupport(proposals.minClusterSupport()));
		List<FusedParticle> out = new ArrayList<>(proposalFusion.clusters(candidates(outputs, PickingMode.FULL)));
		out.addAll(proposalFusion.concatenate(candidates(outputs, PickingMode.NO_DBSCAN)));
		if (proposals.blobs())
			out.addAll(BlobProposals.cavities(tomogram, smallestClass()));
		if (proposals.shellFilter())
			out.addAll(ShellProposals.find(tomogram, smallestClass()));
		if (proposals.darkBlobs())
			out.addAll(BlobProposals.darkBlobs(tomogram, CATALOG));
		return out;
	}

	private static ParticleClass smallestClass() {
		return CATALOG.classes().stream().min(java.util.Comparator.comparingDouble(ParticleClass::radiusAngstrom))
				.orElseThrow();
	}

	private static List<Candidate> candidates(BranchOutputs outputs, PickingMode as) {
		List<Candidate> candidates = new ArrayList<>();
		if (as.usesUnet())
			outputs.unetCandidates().forEach(p -> candidates.add(candidate(p, Branch.UNET)));
		if (as.usesYolo())
			(as.clusters() ? outputs.yoloPoints() : outputs.yoloTracks())
					.forEach(p -> candidates.add(candidate(p, Branch.YOLO)));
		return candidates;
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
