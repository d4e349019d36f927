package org.tomopick.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The ResUnit of the paper: two 3x3x3 convolutions with batch norm (ReLU between them) plus an identity path
 * (a 1x1x1 convolution with batch norm when the channel count changes), then ReLU.
 */
public final class ResidualUnit extends AbstractBlock {

	private final Block body;
	private final Block projection;
	private final int inChannels;
	private final int outChannels;

	public ResidualUnit(int inChannels, int outChannels) {
		this.inChannels = inChannels;
		this.outChannels = outChannels;
		this.body = addChildBlock("body", new SequentialBlock().add(ConvBlocks.convBnRelu(outChannels, 3, 1))
				.add(ConvBlocks.convBn(outChannels, 3, 1)));
		this.projection = inChannels == outChannels ? null
				: addChildBlock("projection", ConvBlocks.convBn(outChannels, 1, 1));
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray x = inputs.singletonOrThrow();
		NDArray y = body.forward(store, inputs, training, params).singletonOrThrow();
		NDArray shortcut = projection == null ? x : projection.forward(store, inputs, training, params).singletonOrThrow();
		return new NDList(Activation.relu(y.add(shortcut)));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return body.getOutputShapes(inputShapes);
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		body.initialize(manager, dataType, inputShapes);
		if (projection != null)
			projection.initialize(manager, dataType, inputShapes);
	}

	@Override
	public String toString() {
		return "ResidualUnit(" + inChannels + " -> " + outChannels + ")";
	}
}
