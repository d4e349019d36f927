package org.tomopick.classify;

import java.util.stream.IntStream;

/** Separable Gaussian smoothing of a (z, y, x) float volume, edges clamped; rows in parallel. */
final class GaussianBlur {

	private GaussianBlur() {
	}

	static float[] blur(float[] volume, int[] shape, double sigma) {
		float[] kernel = kernel(sigma);
		float[] a = axis(volume, shape, kernel, 2);
		float[] b = axis(a, shape, kernel, 1);
		return axis(b, shape, kernel, 0);
	}

	static float[] kernel(double sigma) {
		int radius = Math.max(1, (int) Math.ceil(3 * sigma));
		float[] k = new float[2 * radius + 1];
		double sum = 0;
		for (int i = -radius; i <= radius; i++) {
			double w = Math.exp(-0.5 * i * i / (sigma * sigma));
			k[i + radius] = (float) w;
			sum += w;
		}
		for (int i = 0; i < k.length; i++)
			k[i] /= (float) sum;
		return k;
	}

	/** Convolves along one axis (0 z, 1 y, 2 x). */
	private static float[] axis(float[] in, int[] shape, float[] kernel, int axis) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		int n = shape[axis];
		int stride = axis == 2 ? 1 : axis == 1 ? nx : nx * ny;
		int radius = kernel.length / 2;
		float[] out = new float[in.length];
		// every line along the axis starts at a voxel whose coordinate on that axis is 0
		int lines = in.length / n;
		IntStream.range(0, lines).parallel().forEach(line -> {
			int start;
			if (axis == 2)
				start = line * nx;
			else if (axis == 1)
				start = (line / nx) * nx * ny + line % nx;
			else
				start = line;
			for (int i = 0; i < n; i++) {
				double sum = 0;
				for (int k = -radius; k <= radius; k++) {
					int j = Math.min(n - 1, Math.max(0, i + k));
					sum += kernel[k + radius] * in[start + j * stride];
				}
				out[start + i * stride] = (float) sum;
			}
		});
		return out;
	}
}
