package org.tomopick.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/**
 * The voxel-shuffle upsampler against a transposed convolution (kernel 2, stride 2) written out by hand from its
 * definition: out[n, c, 2d+i, 2h+j, 2w+k] = b[c] + sum_ci x[n, ci, d, h, w] * K[ci, c, i, j, k].
 */
class VoxelShuffleUpsamplerTest {

	static {
		DjlRuntime.configure(2);
	}

	@Test
	void equalsHandWrittenTransposedConvolution() {
		int n = 2, cin = 3, cout = 2, d = 2, h = 3, w = 4;
		SplittableRandom random = new SplittableRandom(7);
		float[] x = randoms(random, n * cin * d * h * w);
		float[] kernel = randoms(random, cin * cout * 8); // K[ci][c][i][j][k]
		float[] bias = randoms(random, cout);

		float[] expected = new float[n * cout * 8 * d * h * w];
		int oz = 2 * d, oy = 2 * h, ox = 2 * w;
		for (int b = 0; b < n; b++)
			for (int c = 0; c < cout; c++)
				for (int zz = 0; zz < d; zz++)
					for (int yy = 0; yy < h; yy++)
						for (int xx = 0; xx < w; xx++)
							for (int i = 0; i < 2; i++)
								for (int j = 0; j < 2; j++)
									for (int k = 0; k < 2; k++) {
										double sum = bias[c];
										for (int ci = 0; ci < cin; ci++)
											sum += x[(((b * cin + ci) * d + zz) * h + yy) * w + xx]
													* kernel[(ci * cout + c) * 8 + i * 4 + j * 2 + k];
										int o = (((b * cout + c) * oz + 2 * zz + i) * oy + 2 * yy + j) * ox + 2 * xx + k;
										expected[o] = (float) sum;
									}

		try (NDManager manager = NDManager.newBaseManager()) {
			VoxelShuffleUpsampler up = new VoxelShuffleUpsampler(cout);
			up.initialize(manager, DataType.FLOAT32, new Shape(n, cin, d, h, w));
			// the 1x1x1 weight row c*8 + i*4 + j*2 + k, column ci, is the transposed-convolution tap K[ci, c, i, j, k]
			float[] weight = new float[8 * cout * cin];
			for (int c = 0; c < cout; c++)
				for (int t = 0; t < 8; t++)
					for (int ci = 0; ci < cin; ci++)
						weight[(c * 8 + t) * cin + ci] = kernel[(ci * cout + c) * 8 + t];
			float[] convBias = new float[8 * cout];
			for (int c = 0; c < cout; c++)
				for (int t = 0; t < 8; t++)
					convBias[c * 8 + t] = bias[c];
			for (Parameter p : up.getParameters().values())
				p.getArray().set(FloatBuffer.wrap(p.getType() == Parameter.Type.BIAS ? convBias : weight));

			NDArray input = manager.create(x, new Shape(n, cin, d, h, w));
			NDArray out = up.forward(new ParameterStore(manager, false), new NDList(input), false).singletonOrThrow();
			assertEquals(new Shape(n, cout, oz, oy, ox), out.getShape());
			assertArrayEquals(expected, out.toFloatArray(), 1e-5f);
		}
	}

	@Test
	void shuffleMovesChannelsToSubVoxels() {
		try (NDManager manager = NDManager.newBaseManager()) {
			// one voxel, 8 channels numbered 0..7: channel i*4 + j*2 + k must land at (z=i, y=j, x=k)
			NDArray in = manager.arange(8f).reshape(1, 8, 1, 1, 1);
			float[] out = VoxelShuffle.apply(in).toFloatArray();
			for (int i = 0; i < 2; i++)
				for (int j = 0; j < 2; j++)
					for (int k = 0; k < 2; k++)
						assertEquals(i * 4 + j * 2 + k, out[(i * 2 + j) * 2 + k], 0);
		}
	}

	private static float[] randoms(SplittableRandom random, int n) {
		float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (float) (random.nextDouble() * 2 - 1);
		return v;
	}
}
