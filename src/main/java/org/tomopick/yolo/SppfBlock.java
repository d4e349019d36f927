package org.tomopick.yolo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Spatial pyramid pooling, fast, as in the paper: a 1x1 convolution to {@code hidden} channels, then a 5x5 max-pool
 * (stride 1, padding 2) applied progressively once, twice and three times; the input and the three pooled maps are
 * concatenated (4 x hidden channels) and fused by a 1x1 convolution.
 */
public final class SppfBlock extends AbstractBlock {

	/** The pooling window, 5x5 as in the paper. */
	public static final int POOL = 5;

	private final Conv2dBnAct reduce;
	private final Conv2dBnAct fuse;
	private final int hidden;
	private final int outChannels;

	public SppfBlock(int outChannels, int hidden) {
		this.hidden = hidden;
		this.outChannels = outChannels;
		this.reduce = addChildBlock("reduce", new Conv2dBnAct(hidden, 1, 1));
		this.fuse = addChildBlock("fuse", new Conv2dBnAct(outChannels, 1, 1));
	}

	/** One 5x5 max-pool, stride 1, padding 2 (the shape is kept). */
	public static NDArray pool(NDArray x) {
		return Pool.maxPool2d(x, new Shape(POOL, POOL), new Shape(1, 1), new Shape(POOL / 2, POOL / 2), false);
	}

	/** The input and its pooled versions (once, twice, three times), concatenated along the channel axis. */
	public static NDArray pyramid(NDArray x) {
		NDArray p1 = pool(x);
		NDArray p2 = pool(p1);
		NDArray p3 = pool(p2);
		return x.concat(p1, 1).concat(p2, 1).concat(p3, 1);
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray x = reduce.forward(store, inputs, training, params).singletonOrThrow();
		return fuse.forward(store, new NDList(pyramid(x)), training, params);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape s = inputShapes[0];
		return new Shape[] { new Shape(s.get(0), outChannels, s.get(2), s.get(3)) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape s = inputShapes[0];
		reduce.initialize(manager, dataType, s);
		fuse.initialize(manager, dataType, new Shape(s.get(0), 4L * hidden, s.get(2), s.get(3)));
	}

	@Override
	public String toString() {
		return "SPPF(" + hidden + " x 4 -> " + outChannels + ")";
	}
}
