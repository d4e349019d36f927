package org.tomopick.yolo;

import java.util.ArrayList;
import java.util.List;

import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleClass;
import org.tomopick.progress.Progress;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * The YOLO branch at inference: the tomogram is binned and normalised to the model's working grid, every
 * {@code sliceStride}-th working slice (with its neighbours as channels for a 2.5D model) is padded to a multiple of
 * 32 and sent through the network in batches of {@code batchSlices}, each cell whose best class scores at least the
 * confidence threshold gives a 2D detection, and per-slice non-maximum suppression removes duplicates. The
 * detections then either become 3D particles by cross-slice linking ({@link #pick}, the branch alone) or are handed
 * on one by one as 3D points ({@link #detectionPoints}, for fusion with the other branch).
 */
public final class SlicewiseYoloDetector {

	public static final String STAGE = "yolo slices";

	private final YoloModel model;
	private final YoloSettings settings;

	public SlicewiseYoloDetector(YoloModel model) {
		this.model = model;
		this.settings = model.settings();
	}

	/** Particles found by the branch alone: detections linked across slices (provenance YOLO). */
	public List<Particle> pick(DenseVolume tomogram, double voxelAngstrom, Progress progress) {
		return link(detectSlices(tomogram, voxelAngstrom, progress));
	}

	/** Every 2D detection as a 3D point in Angstrom (score = confidence, provenance YOLO), for the fusion step. */
	public List<Particle> detectionPoints(DenseVolume tomogram, double voxelAngstrom, Progress progress) {
		return toPoints(detectSlices(tomogram, voxelAngstrom, progress));
	}

	public static List<Particle> toPoints(List<SliceDetection> detections) {
		List<Particle> points = new ArrayList<>(detections.size());
		for (SliceDetection d : detections)
			points.add(d.toPoint());
		return points;
	}

	/** Cross-slice linking with the model's detection settings. */
	public List<Particle> link(List<SliceDetection> detections) {
		return new SliceTrackLinker(settings.detection(), settings.sliceStride()).link(detections);
	}

	/** The 2D detections (after per-slice NMS) of a tomogram of the given voxel size. */
	public List<SliceDetection> detectSlices(DenseVolume tomogram, double voxelAngstrom, Progress progress) {
		WorkingVolume volume = WorkingVolume.prepare(tomogram, voxelAngstrom, settings.workingVoxelAngstrom(),
				settings.normalisation());
		return detectSlices(volume, progress);
	}

	/** The 2D detections (after per-slice NMS) of an already prepared working volume. */
	public List<SliceDetection> detectSlices(WorkingVolume volume, Progress progress) {
		int stride = settings.sliceStride(), batch = settings.detection().batchSlices();
		int neighbours = settings.architecture().neighbourSlices(), ch = settings.architecture().inputChannels();
		int h = volume.paddedY(), w = volume.paddedX();
		List<Integer> slices = new ArrayList<>();
		for (int z = 0; z < volume.sizeZ(); z += stride)
			slices.add(z);
		List<SliceDetection> all = new ArrayList<>();
		for (int start = 0; start < slices.size(); start += batch) {
			progress.checkCancelled(STAGE);
			int n = Math.min(batch, slices.size() - start);
			float[] input = new float[n * ch * h * w];
			for (int b = 0; b < n; b++)
				volume.copyInput(slices.get(start + b), neighbours, 0, 0, h, w, input, b * ch * h * w);
			float[][] outputs = new float[3][];
			try (NDManager m = model.manager().newSubManager()) {
				NDList out = model.net().forward(new ParameterStore(m, false),
						new NDList(m.create(input, new Shape(n, ch, h, w))), false);
				for (int s = 0; s < 3; s++)
					outputs[s] = out.get(s).toFloatArray();
			}
			for (int b = 0; b < n; b++) {
				List<SliceDetection> found = new ArrayList<>();
				for (int s = 0; s < 3; s++)
					decode(outputs[s], b, YoloArchitecture.STRIDES[s], h, w, slices.get(start + b), volume, found);
				all.addAll(SliceNms.suppress(found, settings.detection().nmsIou()));
			}
			progress.report(STAGE, (start + n) / (double) slices.size());
		}
		return all;
	}

	private void decode(float[] out, int b, int stride, int h, int w, int slice, WorkingVolume volume,
			List<SliceDetection> found) {
		int classes = model.catalog().size(), gh = h / stride, gw = w / stride, plane = gh * gw;
		int base = b * (classes + 3) * plane;
		double threshold = settings.detection().confidenceThreshold();
		double logitThreshold = Math.log(threshold / (1 - threshold));
		for (int i = 0; i < gh; i++)
			for (int j = 0; j < gw; j++) {
				int pix = i * gw + j, best = 0;
				for (int c = 1; c < classes; c++)
					if (out[base + c * plane + pix] > out[base + best * plane + pix])
						best = c;
				float logit = out[base + best * plane + pix];
				if (logit < logitThreshold)
					continue;
				double x = GridTargets.cellCentre(j, stride) + out[base + classes * plane + pix] * stride;
				double y = GridTargets.cellCentre(i, stride) + out[base + (classes + 1) * plane + pix] * stride;
				if (x < -0.5 || y < -0.5 || x > volume.sizeX() - 0.5 || y > volume.sizeY() - 0.5)
					continue;
				double half = Math.exp(Math.min(6, out[base + (classes + 2) * plane + pix])) * stride;
				ParticleClass type = model.catalog().classes().get(best);
				double confidence = 1 / (1 + Math.exp(-logit));
				found.add(new SliceDetection(type, volume.toAngstrom(x), volume.toAngstrom(y), volume.toAngstrom(slice),
						slice, half * volume.workingVoxelAngstrom(), confidence));
			}
	}
}
