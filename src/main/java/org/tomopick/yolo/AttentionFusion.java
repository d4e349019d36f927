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
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The paper's channel-attention weighted cross-scale fusion, in place of YOLO's plain concatenation: two feature
 * maps of the same size (from different scales) are each brought to {@code channels} by a 1x1 convolution; their
 * global averages go through a small bottleneck that gives, per channel, one logit per input; a softmax over the two
 * inputs turns them into weights that sum to 1, and the output is the weighted sum.
 */
public final class AttentionFusion extends AbstractBlock {

	private final Conv2dBnAct projectA;
	private final Conv2dBnAct projectB;
	private final Block squeeze;
	private final Block excite;
	private final int channels;

	public AttentionFusion(int channels) {
		this.channels = channels;
		this.projectA = addChildBlock("projectA", new Conv2dBnAct(channels, 1, 1));
		this.projectB = addChildBlock("projectB", new Conv2dBnAct(channels, 1, 1));
		this.squeeze = addChildBlock("squeeze", conv1x1(Math.max(4, channels / 4)));
		this.excite = addChildBlock("excite", conv1x1(2 * channels));
	}

	private static Conv2d conv1x1(int filters) {
		return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(1, 1)).optBias(true).build();
	}

	/** Inputs: the two maps (batch, *, H, W); output (batch, channels, H, W). */
	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray a = projectA.forward(store, new NDList(inputs.get(0)), training, params).singletonOrThrow();
		NDArray b = projectB.forward(store, new NDList(inputs.get(1)), training, params).singletonOrThrow();
		NDArray pooled = spatialMean(a).concat(spatialMean(b), 1);
		NDArray h = Activation.relu(squeeze.forward(store, new NDList(pooled), training, params).singletonOrThrow());
		NDArray logits = excite.forward(store, new NDList(h), training, params).singletonOrThrow();
		long batch = logits.getShape().get(0);
		NDArray w = logits.reshape(batch, 2, channels, 1, 1).softmax(1);
		NDArray wa = w.get(":, 0");
		NDArray wb = w.get(":, 1");
		return new NDList(a.mul(wa).add(b.mul(wb)));
	}

	/** Mean over H and W, keeping them as size 1 (the engine reduces one axis per call). */
	private static NDArray spatialMean(NDArray x) {
		return x.mean(new int[] { 3 }, true).mean(new int[] { 2 }, true);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape s = inputShapes[0];
		return new Shape[] { new Shape(s.get(0), channels, s.get(2), s.get(3)) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		projectA.initialize(manager, dataType, inputShapes[0]);
		projectB.initialize(manager, dataType, inputShapes[1]);
		long batch = inputShapes[0].get(0);
		Shape pooled = new Shape(batch, 2L * channels, 1, 1);
		squeeze.initialize(manager, dataType, pooled);
		excite.initialize(manager, dataType, squeeze.getOutputShapes(new Shape[] { pooled }));
	}
}
