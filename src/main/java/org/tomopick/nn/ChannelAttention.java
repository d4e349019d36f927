package org.tomopick.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Squeeze-and-excitation channel attention for 5D feature maps: global average over (D, H, W), a 1x1x1 bottleneck
 * (ReLU) and expansion (sigmoid) give one weight in (0, 1) per channel, which scales that channel.
 */
public final class ChannelAttention extends AbstractBlock {

	private final Block squeeze;
	private final Block excite;

	/** @param reduction bottleneck divisor; the bottleneck keeps at least 2 channels */
	public ChannelAttention(int channels, int reduction) {
		int hidden = Math.max(2, channels / reduction);
		this.squeeze = addChildBlock("squeeze", ConvBlocks.conv(hidden, 1, 1, true));
		this.excite = addChildBlock("excite", ConvBlocks.conv(channels, 1, 1, true));
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray x = inputs.singletonOrThrow();
		NDArray pooled = x.mean(new int[] { 2, 3, 4 }, true);
		NDArray h = Activation.relu(squeeze.forward(store, new NDList(pooled), training, params).singletonOrThrow());
		NDArray w = Activation.sigmoid(excite.forward(store, new NDList(h), training, params).singletonOrThrow());
		return new NDList(x.mul(w));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return inputShapes;
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape s = inputShapes[0];
		Shape pooled = new Shape(s.get(0), s.get(1), 1, 1, 1);
		squeeze.initialize(manager, dataType, pooled);
		excite.initialize(manager, dataType, squeeze.getOutputShapes(new Shape[] { pooled }));
	}
}
