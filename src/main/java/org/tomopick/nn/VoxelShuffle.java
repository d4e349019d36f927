package org.tomopick.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The 3D pixel shuffle: rearranges {@code (N, 8C, D, H, W)} into {@code (N, C, 2D, 2H, 2W)}, taking channel
 * {@code c * 8 + i * 4 + j * 2 + k} to the sub-voxel offset {@code (i, j, k)} along (z, y, x) of channel {@code c}.
 * After a 1x1x1 convolution to 8C channels it is exactly a transposed convolution with kernel 2 and stride 2 (whose
 * kernel tap {@code (i, j, k)} of output channel {@code c} is the 1x1x1 weight row {@code c * 8 + i * 4 + j * 2 + k}),
 * which DJL's PyTorch engine does not implement.
 */
public final class VoxelShuffle {

	private VoxelShuffle() {
	}

	public static NDArray apply(NDArray x) {
		Shape s = x.getShape();
		if (s.dimension() != 5 || s.get(1) % 8 != 0)
			throw new IllegalArgumentException("voxel shuffle needs (N, 8C, D, H, W), got " + s);
		long n = s.get(0), c = s.get(1) / 8, d = s.get(2), h = s.get(3), w = s.get(4);
		return x.reshape(n, c, 2, 2, 2, d, h, w)
				.transpose(0, 1, 5, 2, 6, 3, 7, 4)
				.reshape(n, c, 2 * d, 2 * h, 2 * w);
	}

	/** The output shape for an input shape. */
	public static Shape outputShape(Shape s) {
		return new Shape(s.get(0), s.get(1) / 8, 2 * s.get(2), 2 * s.get(3), 2 * s.get(4));
	}
}
