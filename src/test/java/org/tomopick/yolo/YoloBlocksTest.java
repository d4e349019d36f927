package org.tomopick.yolo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomopick.nn.DjlRuntime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** The paper's blocks: C2f's 1:2 split, SPPF's progressive 5x5 pooling, the network's output shapes. */
class YoloBlocksTest {

	private static NDManager manager;

	@BeforeAll
	static void start() {
		DjlRuntime.configure(2);
		manager = NDManager.newBaseManager();
	}

	@AfterAll
	static void stop() {
		manager.close();
	}

	/** Parameters of a conv (no bias) + batch norm unit: weights, then gamma, beta, running mean and variance. */
	private static long convBn(long in, long out, int k) {
		return in * out * k * k + 4 * out;
	}

	private static long count(Block b) {
		long n = 0;
		for (Parameter p : b.getParameters().values())
			n += p.getArray().getShape().size();
		return n;
	}

	private static NDArray forward(Block b, NDArray x) {
		return b.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
	}

	@Test
	void c2fSplitsOneToTwo() {
		C2fBlock c2f = new C2fBlock(10, 12);
		c2f.initialize(manager, DataType.FLOAT32, new Shape(1, 5, 8, 8));
		assertEquals(4, c2f.passChannels());
		assertEquals(8, c2f.deepChannels());
		// the dense convolutions see the deep part (8) and then 4 more channels per earlier layer
		long expected = convBn(5, 12, 1) + convBn(8, 4, 3) + convBn(12, 4, 3) + convBn(16, 4, 3)
				+ convBn(4 + 8 + 3 * 4, 10, 1);
		assertEquals(expected, count(c2f));
		assertEquals(new Shape(4, 8, 3, 3),
				c2f.getChildren().get("02dense0").getParameters().get("01conv_weight").getArray().getShape());

		// a known input: channel c holds the value c; the split keeps channels 0..3 and 4..11 in order
		float[] values = new float[12 * 2 * 2];
		for (int i = 0; i < values.length; i++)
			values[i] = i / 4;
		NDList parts = c2f.split(manager.create(values, new Shape(1, 12, 2, 2)));
		assertEquals(new Shape(1, 4, 2, 2), parts.get(0).getShape());
		assertEquals(new Shape(1, 8, 2, 2), parts.get(1).getShape());
		float[] pass = parts.get(0).toFloatArray(), deep = parts.get(1).toFloatArray();
		for (int i = 0; i < pass.length; i++)
			assertEquals(i / 4, pass[i]);
		for (int i = 0; i < deep.length; i++)
			assertEquals(4 + i / 4, deep[i]);
		assertEquals(new Shape(1, 10, 8, 8), forward(c2f, manager.randomNormal(new Shape(1, 5, 8, 8))).getShape());
	}

	@Test
	void c2fRejectsHiddenNotDivisibleByThree() {
		org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new C2fBlock(8, 8));
	}

	@Test
	void sppfPoolsFiveByFiveOnceTwiceThrice() {
		int n = 17, c = n / 2;
		float[] impulse = new float[n * n];
		impulse[c * n + c] = 1;
		NDArray pyramid = SppfBlock.pyramid(manager.create(impulse, new Shape(1, 1, n, n)));
		assertEquals(new Shape(1, 4, n, n), pyramid.getShape());
		float[] p = pyramid.toFloatArray();
		for (int level = 0; level < 4; level++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++) {
					// each 5x5 max-pool grows the square of ones by 2 on every side
					boolean inside = Math.abs(y - c) <= 2 * level && Math.abs(x - c) <= 2 * level;
					assertEquals(inside ? 1f : 0f, p[(level * n + y) * n + x], "level " + level + " at " + y + "," + x);
				}
	}

	@Test
	void sppfPoolMatchesBruteForceMaxFilter() {
		int n = 11;
		NDArray x = manager.randomNormal(new Shape(1, 1, n, n));
		float[] in = x.toFloatArray();
		float[] expected = new float[n * n];
		for (int y = 0; y < n; y++)
			for (int xx = 0; xx < n; xx++) {
				float m = Float.NEGATIVE_INFINITY;
				for (int dy = -2; dy <= 2; dy++)
					for (int dx = -2; dx <= 2; dx++)
						if (y + dy >= 0 && y + dy < n && xx + dx >= 0 && xx + dx < n)
							m = Math.max(m, in[(y + dy) * n + xx + dx]);
				expected[y * n + xx] = m;
			}
		assertArrayEquals(expected, SppfBlock.pool(x).toFloatArray(), 0f);
	}

	@Test
	void sppfShapesAndParameters() {
		SppfBlock sppf = new SppfBlock(7, 6);
		sppf.initialize(manager, DataType.FLOAT32, new Shape(2, 5, 16, 16));
		assertEquals(convBn(5, 6, 1) + convBn(4 * 6, 7, 1), count(sppf));
		assertEquals(new Shape(2, 7, 16, 16), forward(sppf, manager.randomNormal(new Shape(2, 5, 16, 16))).getShape());
	}

	@Test
	void upsamplingRepeatsEachPixelTwice() {
		NDArray x = manager.create(new float[] { 1, 2, 3, 4 }, new Shape(1, 1, 2, 2));
		assertArrayEquals(new float[] { 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4 },
				YoloSliceNet.upsample2x(x).toFloatArray());
	}

	@Test
	void networkGivesThreeScales() {
		YoloArchitecture arch = new YoloArchitecture(6, 1, 1, 6);
		YoloSliceNet net = new YoloSliceNet(arch);
		net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 64, 96));
		NDList out = net.forward(new ParameterStore(manager, false),
				new NDList(manager.randomNormal(new Shape(2, 3, 64, 96))), false);
		assertEquals(new Shape(2, 9, 8, 12), out.get(0).getShape());
		assertEquals(new Shape(2, 9, 4, 6), out.get(1).getShape());
		assertEquals(new Shape(2, 9, 2, 3), out.get(2).getShape());
	}
}
