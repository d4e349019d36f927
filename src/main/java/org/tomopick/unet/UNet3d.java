package org.tomopick.unet;

import java.util.ArrayList;
import java.util.List;

import org.tomopick.nn.ChannelAttention;
import org.tomopick.nn.ConvBlocks;
import org.tomopick.nn.ResidualUnit;
import org.tomopick.nn.VoxelShuffleUpsampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The UNet3D of the paper as a DJL block. Input {@code (N, 1, D, H, W)} (normalised density), output
 * {@code (N, classes + 1, D, H, W)} logits (channel 0 = background). Encoder: a 3x3x3 stem and a residual unit at
 * full resolution, then per level a 3x3x3 convolution with stride 2 (no pooling) and a residual unit. Decoder, per
 * level: learned 2x upsampling (1x1x1 convolution + voxel shuffle, the exact equivalent of a transposed convolution),
 * the skip connection adjusted by a 1x1x1 convolution and weighted by channel attention, concatenation, a 3x3x3
 * convolution and a residual unit. Head: a 1x1x1 convolution.
 */
public final class UNet3d extends AbstractBlock {

	private final UNetArchitecture architecture;
	private final List<Block> encoder = new ArrayList<>();
	private final List<Block> upsamplers = new ArrayList<>();
	private final List<Block> skips = new ArrayList<>();
	private final List<Block> decoders = new ArrayList<>();
	private final Block head;

	public UNet3d(UNetArchitecture architecture) {
		this.architecture = architecture.validate();
		int depth = architecture.depth();
		encoder.add(addChildBlock("enc0", new SequentialBlock().add(ConvBlocks.convBnRelu(architecture.channels(0), 3, 1))
				.add(new ResidualUnit(architecture.channels(0), architecture.channels(0)))));
		for (int l = 1; l <= depth; l++) {
			int c = architecture.channels(l);
			encoder.add(addChildBlock("enc" + l,
					new SequentialBlock().add(ConvBlocks.convBnRelu(c, 3, 2)).add(new ResidualUnit(c, c))));
		}
		for (int l = depth - 1; l >= 0; l--) {
			int c = architecture.channels(l);
			upsamplers.add(addChildBlock("up" + l, new VoxelShuffleUpsampler(c)));
			skips.add(addChildBlock("skip" + l, new SequentialBlock().add(ConvBlocks.conv(c, 1, 1, true))
					.add(new ChannelAttention(c, architecture.attentionReduction()))));
			decoders.add(addChildBlock("dec" + l,
					new SequentialBlock().add(ConvBlocks.convBnRelu(c, 3, 1)).add(new ResidualUnit(c, c))));
		}
		head = addChildBlock("head", ConvBlocks.conv(architecture.outputChannels(), 1, 1, true));
	}

	public UNetArchitecture architecture() {
		return architecture;
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		checkShape(inputs.singletonOrThrow().getShape());
		List<NDArray> features = new ArrayList<>();
		NDList x = inputs;
		for (Block e : encoder) {
			x = e.forward(store, x, training, params);
			features.add(x.singletonOrThrow());
		}
		for (int i = 0; i < decoders.size(); i++) {
			int level = architecture.depth() - 1 - i;
			NDArray up = upsamplers.get(i).forward(store, x, training, params).singletonOrThrow();
			NDArray skip = skips.get(i).forward(store, new NDList(features.get(level)), training, params)
					.singletonOrThrow();
			x = decoders.get(i).forward(store, new NDList(NDArrays.concat(new NDList(up, skip), 1)), training,
					params);
		}
		return head.forward(store, x, training, params);
	}

	private void checkShape(Shape s) {
		int m = architecture.sizeMultiple();
		if (s.dimension() != 5 || s.get(1) != 1 || s.get(2) % m != 0 || s.get(3) % m != 0 || s.get(4) % m != 0)
			throw new IllegalArgumentException(
					"UNet3d input must be (N, 1, D, H, W) with D, H, W multiples of " + m + ", got " + s);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape s = inputShapes[0];
		return new Shape[] { new Shape(s.get(0), architecture.outputChannels(), s.get(2), s.get(3), s.get(4)) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		checkShape(inputShapes[0]);
		List<Shape> featureShapes = new ArrayList<>();
		Shape[] x = inputShapes;
		for (Block e : encoder) {
			e.initialize(manager, dataType, x);
			x = e.getOutputShapes(x);
			featureShapes.add(x[0]);
		}
		for (int i = 0; i < decoders.size(); i++) {
			int level = architecture.depth() - 1 - i;
			Block up = upsamplers.get(i);
			up.initialize(manager, dataType, x);
			Shape upShape = up.getOutputShapes(x)[0];
			Shape skipIn = featureShapes.get(level);
			skips.get(i).initialize(manager, dataType, skipIn);
			Shape cat = new Shape(upShape.get(0), 2L * architecture.channels(level), upShape.get(2), upShape.get(3),
					upShape.get(4));
			decoders.get(i).initialize(manager, dataType, cat);
			x = decoders.get(i).getOutputShapes(new Shape[] { cat });
		}
		head.initialize(manager, dataType, x);
	}

	@Override
	public String toString() {
		return "UNet3d" + architecture;
	}
}
