package org.tomopick.unet;

import java.util.ArrayList;
import java.util.List;

import org.tomopick.grid.WorkingGrid;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;
import org.tomopick.model.VoxelGeometry;
import org.tomopick.progress.Progress;

/**
 * The UNet3D branch at inference: bins the tomogram to the model's working voxel size and normalises it, runs the
 * network over it in overlapping blended windows ({@link SlidingWindowInference}), and turns every class
 * probability map into candidates ({@link PeakFinder}) with the class's threshold and minimum size from the model
 * info. Candidates are particles (provenance UNET) with positions in Angstrom and the peak probability as score.
 *
 * <pre>
 * try (UNetModel model = UNetModel.load(Path.of("models/unet-czii"))) {
 * 	UNetDetection d = new UNetDetector(model, TilingSettings.defaults(), PeakSettings.defaults())
 * 			.detect(tomogram, 10.012444, progress);
 * }
 * </pre>
 */
public final class UNetDetector {

	private final UNetModelInfo info;
	private final WindowPredictor predictor;
	private final SlidingWindowInference tiler;
	private final PeakSettings peaks;

	/** @param peaks the method and NMS distance (thresholds and minimum sizes come from the model) */
	public UNetDetector(UNetModel model, TilingSettings tiling, PeakSettings peaks) {
		this(model.info(), model.predictor(), tiling, peaks);
	}

	UNetDetector(UNetModelInfo info, WindowPredictor predictor, TilingSettings tiling, PeakSettings peaks) {
		this.info = info;
		this.predictor = predictor;
		this.tiler = new SlidingWindowInference(tiling);
		this.peaks = peaks.validate();
	}

	/**
	 * @param voxelSizeAngstrom the tomogram's voxel size; the model's working voxel size must be an integer multiple
	 * @throws IllegalArgumentException when the voxel sizes do not pair
	 */
	public UNetDetection detect(DenseVolume tomogram, double voxelSizeAngstrom, Progress progress) {
		WorkingGrid working = WorkingGrid.prepare(tomogram, voxelSizeAngstrom, info.voxelSizeAngstrom(),
				info.normalisation());
		return detect(working, progress);
	}

	/** Detection on an already prepared volume. */
	public UNetDetection detect(WorkingGrid working, Progress progress) {
		float[][] maps = tiler.predict(working.data(), working.shape(), predictor, progress);
		List<ParticleClass> classes = new ArrayList<>();
		info.classes().forEach(c -> classes.add(c.particleClass()));
		ProbabilityMaps probabilities = new ProbabilityMaps(working.shape(), classes, maps, working.geometry());
		return new UNetDetection(candidates(probabilities), probabilities);
	}

	/** Candidates of all classes from probability maps, with this model's thresholds. */
	public List<Particle> candidates(ProbabilityMaps maps) {
		List<Particle> out = new ArrayList<>();
		VoxelGeometry g = maps.geometry();
		double voxel = g.voxelSize(0)[2];
		for (int k = 0; k < info.classes().size(); k++) {
			UNetClassInfo c = info.classes().get(k);
			List<Peak> found = switch (peaks.method()) {
			case COMPONENTS -> PeakFinder.components(maps.map(k), maps.shape(), c.threshold(), c.minVoxels());
			case NMS -> PeakFinder.nonMaximumSuppression(maps.map(k), maps.shape(), c.threshold(),
					Math.max(1, peaks.nmsRadiusFraction() * c.particleClass().radiusAngstrom() / voxel),
					c.minVoxels());
			};
			for (Peak p : found)
				out.add(new Particle(c.particleClass(), g.angstromX(0, p.x()), g.angstromY(0, p.y()),
						g.angstromZ(0, p.z()), p.confidence(), Provenance.UNET));
		}
		return out;
	}
}
