package org.tomopick.yolo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The decoupled anchor-free head of one scale: a class branch (3x3 conv, 1x1 conv to one logit per class, biased to
 * a prior probability of 1%) and a box branch (3x3 conv, 1x1 conv to 3 numbers: centre offset x, y in cells and the
 * log of the box half-size in cells). Output (batch, classes + 3, H, W), class logits first.
 */
public final class DecoupledHead extends AbstractBlock {

	/** The box numbers per cell: dx, dy, log half-size. */
	public static final int BOX_CHANNELS = 3;
	private static final double PRIOR = 0.01;
	/** Subtracted from the class logits so that a fresh head starts at the prior probability. */
	private static final float PRIOR_OFFSET = (float) Math.log((1 - PRIOR) / PRIOR);

	private final Block classBranch;
	private final Block boxBranch;
	private final int classCount;

	public DecoupledHead(int classCount, int hiddenChannels) {
		this.classCount = classCount;
		this.classBranch = addChildBlock("cls",
				new SequentialBlock().add(new Conv2dBnAct(hiddenChannels, 3, 1)).add(Conv2d.builder().setFilters(classCount).setKernelShape(new Shape(1, 1)).build()));
		this.boxBranch = addChildBlock("box", new SequentialBlock().add(new Conv2dBnAct(hiddenChannels, 3, 1))
				.add(Conv2d.builder().setFilters(BOX_CHANNELS).setKernelShape(new Shape(1, 1)).build()));
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray c = classBranch.forward(store, inputs, training, params).singletonOrThrow().sub(PRIOR_OFFSET);
		NDArray b = boxBranch.forward(store, inputs, training, params).singletonOrThrow();
		return new NDList(c.concat(b, 1));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape s = inputShapes[0];
		return new Shape[] { new Shape(s.get(0), classCount + BOX_CHANNELS, s.get(2), s.get(3)) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		classBranch.initialize(manager, dataType, inputShapes);
		boxBranch.initialize(manager, dataType, inputShapes);
	}
}
