package org.tomopick.yolo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The paper's C2f block with an asymmetric 1:2 split: a 1x1 convolution to {@code hidden} channels (a multiple of
 * 3), then one third of the channels passes straight through while two thirds go through three densely connected
 * 3x3 convolutions (each sees the deep input and all earlier outputs, and adds {@code hidden / 3} channels); the
 * pass-through part, the deep input and the three outputs are concatenated and fused by a 1x1 convolution.
 */
public final class C2fBlock extends AbstractBlock {

	/** Number of densely connected convolutions on the deep path. */
	public static final int DENSE_LAYERS = 3;

	private final Conv2dBnAct reduce;
	private final Conv2dBnAct[] dense = new Conv2dBnAct[DENSE_LAYERS];
	private final Conv2dBnAct fuse;
	private final int hidden;
	private final int outChannels;

	/**
	 * @param outChannels channels of the output
	 * @param hidden      channels after the first 1x1 convolution; must be a positive multiple of 3
	 */
	public C2fBlock(int outChannels, int hidden) {
		if (hidden < 3 || hidden % 3 != 0)
			throw new IllegalArgumentException("C2f: hidden channels must be a positive multiple of 3, was " + hidden);
		this.hidden = hidden;
		this.outChannels = outChannels;
		this.reduce = addChildBlock("reduce", new Conv2dBnAct(hidden, 1, 1));
		for (int i = 0; i < DENSE_LAYERS; i++)
			dense[i] = addChildBlock("dense" + i, new Conv2dBnAct(growth(), 3, 1));
		this.fuse = addChildBlock("fuse", new Conv2dBnAct(outChannels, 1, 1));
	}

	/** Channels that pass straight through: one third of {@link #hidden()}. */
	public int passChannels() {
		return hidden / 3;
	}

	/** Channels that go through the dense path: two thirds of {@link #hidden()}. */
	public int deepChannels() {
		return hidden - passChannels();
	}

	/** Channels each dense convolution adds. */
	public int growth() {
		return hidden / 3;
	}

	public int hidden() {
		return hidden;
	}

	/** Channels that the fusing 1x1 convolution sees: pass + deep + 3 x growth. */
	public int concatenatedChannels() {
		return passChannels() + deepChannels() + DENSE_LAYERS * growth();
	}

	/** Splits a (batch, hidden, H, W) array into its pass-through and deep parts, 1:2 along the channel axis. */
	public NDList split(NDArray x) {
		return x.split(new long[] { passChannels() }, 1);
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray x = reduce.forward(store, inputs, training, params).singletonOrThrow();
		NDList parts = split(x);
		NDList all = new NDList(parts.get(0), parts.get(1));
		NDList deep = new NDList(parts.get(1));
		for (Conv2dBnAct conv : dense) {
			NDArray in = deep.size() == 1 ? deep.get(0) : NDArrays.concat(deep, 1);
			NDArray y = conv.forward(store, new NDList(in), training, params).singletonOrThrow();
			deep.add(y);
			all.add(y);
		}
		return fuse.forward(store, new NDList(NDArrays.concat(all, 1)), training, params);
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
		for (int i = 0; i < DENSE_LAYERS; i++)
			dense[i].initialize(manager, dataType, new Shape(s.get(0), deepChannels() + i * growth(), s.get(2), s.get(3)));
		fuse.initialize(manager, dataType, new Shape(s.get(0), concatenatedChannels(), s.get(2), s.get(3)));
	}

	@Override
	public String toString() {
		return "C2f(hidden " + hidden + " = " + passChannels() + " pass + " + deepChannels() + " deep -> "
				+ outChannels + ")";
	}
}
