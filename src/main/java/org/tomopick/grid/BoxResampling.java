package org.tomopick.grid;

import java.util.stream.IntStream;

import org.tomopick.io.MemoryCheck;

/**
 * The binning rule of {@link WorkingGrid} for a factor that is not an integer: along each axis, output voxel u is
 * the mean of the input over {@code [u*s, (u+1)*s)} (input voxel i spans {@code [i, i+1)}), each input voxel weighted
 * by the length of its overlap; where the span runs past the end of the axis, over the part that is inside. Applied
 * axis by axis (x, then y, then z), which for a box is the same as the 3D mean.
 */
final class BoxResampling {

	private BoxResampling() {
	}

	/** Per output index along one axis: the first input index and the weights of the input voxels from there. */
	record AxisWeights(int[] first, double[][] weights) {

		static AxisWeights of(int inputSize, double scale, int outputSize) {
			int[] first = new int[outputSize];
			double[][] weights = new double[outputSize][];
			for (int u = 0; u < outputSize; u++) {
				double lo = u * scale, hi = Math.min(inputSize, (u + 1) * scale);
				int i0 = (int) Math.floor(lo), i1 = Math.min(inputSize - 1, (int) Math.ceil(hi) - 1);
				if (i1 < i0)
					i1 = i0;
				double[] w = new double[i1 - i0 + 1];
				double total = 0;
				for (int i = i0; i <= i1; i++) {
					double overlap = Math.min(hi, i + 1) - Math.max(lo, i);
					w[i - i0] = Math.max(0, overlap);
					total += w[i - i0];
				}
				for (int k = 0; k < w.length; k++)
					w[k] = total > 0 ? w[k] / total : 1.0 / w.length;
				first[u] = i0;
				weights[u] = w;
			}
			return new AxisWeights(first, weights);
		}
	}

	/** The volume {@code in} (shape z, y, x) resampled by {@code scale} to {@code out} (z, y, x). */
	static float[] resample(float[] in, int[] shape, double scale, int[] out) {
		long largest = Math.max((long) shape[0] * shape[1] * out[2],
				Math.max((long) shape[0] * out[1] * out[2], (long) out[0] * out[1] * out[2]));
		MemoryCheck.requireHeap(2 * 4 * largest, "resampling a " + shape[0] + "x" + shape[1] + "x" + shape[2]
				+ " tomogram to the working voxel size");
		float[] x = alongX(in, shape, AxisWeights.of(shape[2], scale, out[2]), out[2]);
		int[] sx = { shape[0], shape[1], out[2] };
		float[] y = alongY(x, sx, AxisWeights.of(shape[1], scale, out[1]), out[1]);
		int[] sy = { shape[0], out[1], out[2] };
		return alongZ(y, sy, AxisWeights.of(shape[0], scale, out[0]), out[0]);
	}

	private static float[] alongX(float[] in, int[] shape, AxisWeights w, int nx) {
		int rows = shape[0] * shape[1], sx = shape[2];
		float[] out = new float[rows * nx];
		IntStream.range(0, rows).parallel().forEach(r -> {
			int base = r * sx;
			for (int u = 0; u < nx; u++) {
				double v = 0;
				double[] ws = w.weights()[u];
				int i0 = base + w.first()[u];
				for (int k = 0; k < ws.length; k++)
					v += ws[k] * in[i0 + k];
				out[r * nx + u] = (float) v;
			}
		});
		return out;
	}

	private static float[] alongY(float[] in, int[] shape, AxisWeights w, int ny) {
		int sz = shape[0], sy = shape[1], sx = shape[2];
		float[] out = new float[sz * ny * sx];
		IntStream.range(0, sz).parallel().forEach(z -> {
			for (int u = 0; u < ny; u++) {
				double[] ws = w.weights()[u];
				int o = (z * ny + u) * sx;
				for (int k = 0; k < ws.length; k++) {
					int i = (z * sy + w.first()[u] + k) * sx;
					float f = (float) ws[k];
					for (int x = 0; x < sx; x++)
						out[o + x] += f * in[i + x];
				}
			}
		});
		return out;
	}

	private static float[] alongZ(float[] in, int[] shape, AxisWeights w, int nz) {
		int plane = shape[1] * shape[2];
		float[] out = new float[nz * plane];
		IntStream.range(0, nz).parallel().forEach(u -> {
			double[] ws = w.weights()[u];
			int o = u * plane;
			for (int k = 0; k < ws.length; k++) {
				int i = (w.first()[u] + k) * plane;
				float f = (float) ws[k];
				for (int p = 0; p < plane; p++)
					out[o + p] += f * in[i + p];
			}
		});
		return out;
	}
}
