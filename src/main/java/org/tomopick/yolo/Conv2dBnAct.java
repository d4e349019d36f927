package org.tomopick.yolo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The YOLO convolution unit for 2D slices: a square convolution with "same" padding (no bias), batch norm over the
 * channel axis and SiLU. Parameters: {@code in * out * k * k} weights plus 2 * out batch-norm gain and shift.
 */
public final class Conv2dBnAct extends AbstractBlock {

	private final Block conv;
	private final Block norm;
	private final int filters;
	private final int kernel;
	private final int stride;

	public Conv2dBnAct(int filters, int kernel, int stride) {
		if (filters < 1 || kernel < 1 || kernel % 2 == 0 || stride < 1)
			throw new IllegalArgumentException("conv: need filters >= 1, an odd kernel and stride >= 1, got "
					+ filters + ", " + kernel + ", " + stride);
		this.filters = filters;
		this.kernel = kernel;
		this.stride = stride;
		this.conv = addChildBlock("conv", Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
				.optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2)).optBias(false)
				.build());
		this.norm = addChildBlock("bn", BatchNorm.builder().optAxis(1).build());
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDList y = norm.forward(store, conv.forward(store, inputs, training, params), training, params);
		NDArray a = Activation.swish(y.singletonOrThrow(), 1f);
		return new NDList(a);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return conv.getOutputShapes(inputShapes);
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		conv.initialize(manager, dataType, inputShapes);
		norm.initialize(manager, dataType, conv.getOutputShapes(inputShapes));
	}

	public int filters() {
		return filters;
	}

	@Override
	public String toString() {
		return "Conv2dBnAct(" + filters + ", " + kernel + "x" + kernel + ", stride " + stride + ")";
	}
}
