package org.tomopick.yolo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws training batches: square crops of working slices (whole slices when they fit) (with neighbour channels), mostly placed around a random
 * particle on a random slice where it is visible, otherwise anywhere; each crop is augmented (flips and quarter
 * turns applied to the image and its boxes alike, intensity jitter, noise) and its boxes become the dense targets
 * of the three scales.
 */
final class SliceCropSampler {

	/** One batch: input (batch, channels, crop, crop) and the targets per scale. */
	record Batch(float[] input, int size, int channels, int crop, GridTargets[] targets) {
	}

	private final List<WorkingVolume> volumes;
	private final List<SliceBoxTargets> targets;
	private final YoloSettings settings;

	SliceCropSampler(List<WorkingVolume> volumes, List<SliceBoxTargets> targets, YoloSettings settings) {
		this.volumes = volumes;
		this.targets = targets;
		this.settings = settings;
	}

	Batch next(SplittableRandom random) {
		YoloTrainingSettings t = settings.training();
		int n = t.batchSize(), s = t.cropSize(), ch = settings.architecture().inputChannels();
		int classes = settings.architecture().classCount();
		float[] input = new float[n * ch * s * s];
		GridTargets[] grids = new GridTargets[3];
		for (int i = 0; i < 3; i++) {
			int stride = YoloArchitecture.STRIDES[i];
			grids[i] = new GridTargets(stride, n, classes, s / stride, s / stride);
		}
		float[] crop = new float[ch * s * s];
		for (int b = 0; b < n; b++) {
			int v = random.nextInt(volumes.size());
			WorkingVolume volume = volumes.get(v);
			SliceBoxTargets boxes = targets.get(v);
			int z, x0, y0;
			if (boxes.size() == 0 || random.nextDouble() < t.backgroundSliceFraction()) {
				z = random.nextInt(volume.sizeZ());
				x0 = random.nextInt(Math.max(1, volume.sizeX() - s / 2)) - s / 4;
				y0 = random.nextInt(Math.max(1, volume.sizeY() - s / 2)) - s / 4;
			} else {
				double[] p = boxes.particle(random.nextInt(boxes.size()));
				double reach = p[3] * Math.sqrt(1 - t.minVisibleFraction() * t.minVisibleFraction());
				z = (int) Math.round(p[2] + (2 * random.nextDouble() - 1) * reach);
				z = Math.max(0, Math.min(volume.sizeZ() - 1, z));
				x0 = (int) Math.round(p[0] - s * (0.15 + 0.7 * random.nextDouble()));
				y0 = (int) Math.round(p[1] - s * (0.15 + 0.7 * random.nextDouble()));
			}
			if (s >= volume.sizeX() && s >= volume.sizeY())
				x0 = y0 = 0; // the whole slice fits: no crop, as at inference
			volume.copyInput(z, settings.architecture().neighbourSlices(), y0, x0, s, s, crop, 0);
			int turn = t.augmentation().flipsAndTurns() ? random.nextInt(8) : 0;
			List<SliceBox> inCrop = new ArrayList<>();
			for (SliceBox box : boxes.boxesOnSlice(z)) {
				SliceBox c = box.shifted(x0, y0);
				if (c.x() >= 0 && c.y() >= 0 && c.x() < s && c.y() < s) {
					double[] m = dihedral(c.x(), c.y(), s, turn);
					inCrop.add(new SliceBox(c.classIndex(), m[0], m[1], c.halfSize()));
				}
			}
			augment(crop, ch, s, turn, random, input, b * ch * s * s);
			for (GridTargets g : grids)
				g.add(b, inCrop);
		}
		return new Batch(input, n, ch, s, grids);
	}

	/** One of the 8 symmetries of the square [0, s-1]^2: bit 2 flips x, bits 0-1 count quarter turns. */
	static double[] dihedral(double x, double y, int s, int k) {
		if ((k & 4) != 0)
			x = s - 1 - x;
		for (int i = 0; i < (k & 3); i++) {
			double nx = s - 1 - y;
			y = x;
			x = nx;
		}
		return new double[] { x, y };
	}

	private void augment(float[] crop, int ch, int s, int turn, SplittableRandom random, float[] dst, int offset) {
		YoloAugmentation a = settings.training().augmentation();
		float scale = (float) (1 + a.intensityJitter() * (2 * random.nextDouble() - 1));
		float shift = (float) (a.intensityJitter() * (2 * random.nextDouble() - 1));
		for (int c = 0; c < ch; c++)
			for (int y = 0; y < s; y++)
				for (int x = 0; x < s; x++) {
					double[] m = dihedral(x, y, s, turn);
					int to = offset + (c * s + (int) m[1]) * s + (int) m[0];
					float v = crop[(c * s + y) * s + x] * scale + shift;
					if (a.noiseStd() > 0)
						v += (float) (a.noiseStd() * random.nextGaussian());
					dst[to] = v;
				}
	}
}
