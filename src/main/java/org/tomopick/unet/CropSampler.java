package org.tomopick.unet;

import java.util.SplittableRandom;

/**
 * Draws augmented training crops: a cube of {@code size} voxels, centred near a random particle (jittered by up to a
 * quarter crop) with probability {@code particleFraction}, anywhere otherwise; then a random flip along each axis, a
 * rotation by a random multiple of 90 degrees in the x-y plane, and intensity jitter {@code v * (1 + a) + b} with
 * a, b uniform in {@code [-jitter, jitter]}; then, when asked, a lower signal-to-noise ratio ({@link SnrAugmentation}).
 * Outside the volume: value 0 (the normalised mean), label background.
 */
final class CropSampler {

	private final int size;
	private final double particleFraction;
	private final double jitter;
	private final SnrAugmentation snr;

	/** {@code snrProbability}: the share of crops given a lower SNR on a working grid of {@code voxelAngstrom}. */
	CropSampler(int size, double particleFraction, double jitter, double snrProbability, double voxelAngstrom) {
		this.size = size;
		this.particleFraction = particleFraction;
		this.jitter = jitter;
		this.snr = new SnrAugmentation(snrProbability, voxelAngstrom, size);
	}

	/**
	 * Writes one crop into {@code image} at {@code imageOffset} and its one-hot target (one crop per output channel)
	 * into {@code target} (zero-filled) at {@code targetOffset}.
	 */
	void sample(PreparedExample e, SplittableRandom random, float[] image, int imageOffset, float[] target,
			int targetOffset) {
		int[] shape = e.volume().shape();
		int[] origin = new int[3];
		boolean nearParticle = !e.centres().isEmpty() && random.nextDouble() < particleFraction;
		double[] centre = nearParticle ? e.centres().get(random.nextInt(e.centres().size())) : null;
		for (int a = 0; a < 3; a++) {
			if (centre != null) {
				double j = (random.nextDouble() * 2 - 1) * size / 4.0;
				origin[a] = (int) Math.round(centre[a] + j - size / 2.0);
			} else {
				int lo = Math.min(0, shape[a] - size), hi = Math.max(0, shape[a] - size);
				origin[a] = lo + random.nextInt(hi - lo + 1);
			}
		}
		boolean flipZ = random.nextBoolean(), flipY = random.nextBoolean(), flipX = random.nextBoolean();
		int turns = random.nextInt(4);
		float scale = (float) (1 + (random.nextDouble() * 2 - 1) * jitter);
		float offset = (float) ((random.nextDouble() * 2 - 1) * jitter);
		float[] data = e.volume().data();
		byte[] labels = e.labels();
		int n = size, cube = n * n * n;
		for (int z = 0, i = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++, i++) {
					int ry = y, rx = x;
					for (int t = 0; t < turns; t++) {
						int tmp = ry;
						ry = rx;
						rx = n - 1 - tmp;
					}
					int sz = origin[0] + (flipZ ? n - 1 - z : z);
					int sy = origin[1] + (flipY ? n - 1 - ry : ry);
					int sx = origin[2] + (flipX ? n - 1 - rx : rx);
					float v = 0;
					int label = 0;
					if (sz >= 0 && sy >= 0 && sx >= 0 && sz < shape[0] && sy < shape[1] && sx < shape[2]) {
						int s = (sz * shape[1] + sy) * shape[2] + sx;
						v = data[s];
						label = labels[s];
					}
					image[imageOffset + i] = v * scale + offset;
					target[targetOffset + label * cube + i] = 1;
				}
		snr.apply(image, imageOffset, random);
	}
}
