package org.tomopick.sim;

import org.tomopick.progress.Progress;
import java.util.stream.IntStream;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Weighted back-projection: every detector row of every tilt image is filtered with the discrete ramp filter
 * (Ram-Lak, built from its exact spatial kernel so that the DC term is right), optionally tapered by a Hamming
 * window, along x with edge-extended padding; then smeared back through the volume along its beam direction with
 * linear interpolation and weighted by the angular step. Each y row is an independent x-z problem.
 */
public final class WeightedBackProjector {

	private WeightedBackProjector() {
	}

	/** Filters every row (length nx) of every image in place. */
	public static void filter(float[][] stack, int ny, int nx, boolean hamming, Progress progress) {
		int padded = Integer.highestOneBit(Math.max(2, 2 * nx - 1)) << 1;
		float[] response = rampResponse(padded, hamming);
		BatchRunner.run("ramp filter", stack.length, 8, progress, t -> {
			FloatFFT_1D fft = new FloatFFT_1D(padded);
			float[] row = new float[padded];
			float[] image = stack[t];
			for (int y = 0; y < ny; y++) {
				int off = y * nx;
				System.arraycopy(image, off, row, 0, nx);
				int mid = nx + (padded - nx) / 2;
				java.util.Arrays.fill(row, nx, mid, image[off + nx - 1]);
				java.util.Arrays.fill(row, mid, padded, image[off]);
				fft.realForward(row);
				row[0] *= response[0];
				row[1] *= response[padded / 2];
				for (int k = 1; k < padded / 2; k++) {
					row[2 * k] *= response[k];
					row[2 * k + 1] *= response[k];
				}
				fft.realInverse(row, true);
				System.arraycopy(row, 0, image, off, nx);
			}
		});
	}

	/** The ramp filter's frequency response at bins 0..n/2 of an n-point DFT, optionally Hamming-tapered. */
	static float[] rampResponse(int n, boolean hamming) {
		double[] kernel = new double[n];
		kernel[0] = 0.25;
		for (int i = 1; i < n / 2; i++)
			if (i % 2 == 1)
				kernel[i] = kernel[n - i] = -1 / (Math.PI * Math.PI * i * i);
		float[] response = new float[n / 2 + 1];
		for (int k = 0; k <= n / 2; k++) {
			double sum = 0;
			for (int i = 0; i < n; i++)
				if (kernel[i] != 0)
					sum += kernel[i] * Math.cos(2 * Math.PI * k * (double) i / n);
			double taper = hamming ? 0.54 + 0.46 * Math.cos(2 * Math.PI * k / n) : 1;
			response[k] = (float) (sum * taper);
		}
		return response;
	}

	/**
	 * Back-projects filtered images into a volume (overwritten).
	 *
	 * @param output values (z, y, x), overwritten
	 */
	public static void backProject(float[][] stack, double[] angles, double angularWeight, float[] output,
			int[] shape, Progress progress) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		double cx = (nx - 1) / 2.0, cz = (nz - 1) / 2.0, cu = (nx - 1) / 2.0;
		float weight = (float) angularWeight;
		double[] cos = IntStream.range(0, angles.length).mapToDouble(t -> Math.cos(angles[t])).toArray();
		double[] sin = IntStream.range(0, angles.length).mapToDouble(t -> Math.sin(angles[t])).toArray();
		BatchRunner.run("back-projection", ny, 32, progress, y -> {
			float[] row = new float[nx];
			for (int z = 0; z < nz; z++) {
				java.util.Arrays.fill(row, 0);
				for (int t = 0; t < angles.length; t++) {
					double start = -cx * cos[t] + (z - cz) * sin[t] + cu;
					LinearRows.accumulate(stack[t], y * nx, nx, start, cos[t], row, 0, nx, weight);
				}
				System.arraycopy(row, 0, output, (z * ny + y) * nx, nx);
			}
		});
	}
}
