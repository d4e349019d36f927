package org.tomopick.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Learned 2x upsampling: a 1x1x1 convolution to 8C channels followed by a {@link VoxelShuffle}, the exact equivalent
 * of {@code ConvTranspose3d(in, C, kernel_size=2, stride=2)}.
 */
public final class VoxelShuffleUpsampler extends AbstractBlock {

	private final Block conv;
	private final int filters;

	/** @param filters output channels C */
	public VoxelShuffleUpsampler(int filters) {
		this.filters = filters;
		this.conv = addChildBlock("conv", ConvBlocks.conv(8 * filters, 1, 1, true));
	}

	public int filters() {
		return filters;
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDList out = conv.forward(store, inputs, training, params);
		return new NDList(VoxelShuffle.apply(out.singletonOrThrow()));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { VoxelShuffle.outputShape(conv.getOutputShapes(inputShapes)[0]) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		conv.initialize(manager, dataType, inputShapes);
	}
}
