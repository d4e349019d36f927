package org.tomopick.yolo;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The slice detector network (YOLOv8 family, with the paper's changes). Backbone: a 5x5 stride-2 stem, then four
 * stages, each a lightweight cascade of a 1x1 and a 5x5 stride-2 convolution followed by {@code depth} C2f blocks
 * (asymmetric 1:2 split), and SPPF at stride 32. Neck: top-down and bottom-up paths where every merge of two scales
 * is a channel-attention weighted fusion ({@link AttentionFusion}) followed by a C2f block. Heads: one decoupled
 * anchor-free head per stride 8, 16 and 32.
 * <p>
 * Input (batch, channels, H, W) with H and W multiples of 32; output three arrays (batch, classes + 3, H/s, W/s) for
 * s = 8, 16, 32.
 */
public final class YoloSliceNet extends AbstractBlock {

	private final YoloArchitecture arch;
	private final List<Block> stages = new ArrayList<>();
	private final SppfBlock sppf;
	private final AttentionFusion fuseTop4;
	private final C2fBlock top4;
	private final AttentionFusion fuseTop3;
	private final C2fBlock top3;
	private final Conv2dBnAct down3;
	private final AttentionFusion fuseBottom4;
	private final C2fBlock bottom4;
	private final Conv2dBnAct down4;
	private final AttentionFusion fuseBottom5;
	private final C2fBlock bottom5;
	private final DecoupledHead[] heads = new DecoupledHead[3];

	public YoloSliceNet(YoloArchitecture architecture) {
		this.arch = architecture.validate();
		stages.add(addChildBlock("stem", new Conv2dBnAct(arch.stageChannels(0), 5, 2)));
		for (int level = 1; level <= 4; level++) {
			int c = arch.stageChannels(level);
			SequentialBlock stage = new SequentialBlock().add(new Conv2dBnAct(arch.stageChannels(level - 1), 1, 1))
					.add(new Conv2dBnAct(c, 5, 2));
			for (int d = 0; d < arch.depth(); d++)
				stage.add(new C2fBlock(c, YoloArchitecture.c2fHidden(c)));
			stages.add(addChildBlock("stage" + level, stage));
		}
		int c3 = arch.stageChannels(2), c4 = arch.stageChannels(3), c5 = arch.stageChannels(4);
		this.sppf = addChildBlock("sppf", new SppfBlock(c5, c5 / 2));
		this.fuseTop4 = addChildBlock("fuseTop4", new AttentionFusion(c4));
		this.top4 = addChildBlock("top4", new C2fBlock(c4, YoloArchitecture.c2fHidden(c4)));
		this.fuseTop3 = addChildBlock("fuseTop3", new AttentionFusion(c3));
		this.top3 = addChildBlock("top3", new C2fBlock(c3, YoloArchitecture.c2fHidden(c3)));
		this.down3 = addChildBlock("down3", new Conv2dBnAct(c3, 3, 2));
		this.fuseBottom4 = addChildBlock("fuseBottom4", new AttentionFusion(c4));
		this.bottom4 = addChildBlock("bottom4", new C2fBlock(c4, YoloArchitecture.c2fHidden(c4)));
		this.down4 = addChildBlock("down4", new Conv2dBnAct(c4, 3, 2));
		this.fuseBottom5 = addChildBlock("fuseBottom5", new AttentionFusion(c5));
		this.bottom5 = addChildBlock("bottom5", new C2fBlock(c5, YoloArchitecture.c2fHidden(c5)));
		int headChannels = Math.max(16, arch.stageChannels(1));
		for (int i = 0; i < 3; i++)
			heads[i] = addChildBlock("head" + YoloArchitecture.STRIDES[i],
					new DecoupledHead(arch.classCount(), headChannels));
	}

	public YoloArchitecture architecture() {
		return arch;
	}

	/** Nearest-neighbour 2x upsampling of a (batch, channels, H, W) array. */
	public static NDArray upsample2x(NDArray x) {
		return x.repeat(2, 2).repeat(3, 2);
	}

	@Override
	protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDList x = inputs;
		NDArray[] p = new NDArray[5];
		for (int level = 0; level <= 4; level++) {
			x = stages.get(level).forward(store, x, training, params);
			p[level] = x.singletonOrThrow();
		}
		NDArray p5 = sppf.forward(store, new NDList(p[4]), training, params).singletonOrThrow();
		NDArray n4 = merge(store, fuseTop4, top4, upsample2x(p5), p[3], training, params);
		NDArray n3 = merge(store, fuseTop3, top3, upsample2x(n4), p[2], training, params);
		NDArray d3 = down3.forward(store, new NDList(n3), training, params).singletonOrThrow();
		NDArray m4 = merge(store, fuseBottom4, bottom4, d3, n4, training, params);
		NDArray d4 = down4.forward(store, new NDList(m4), training, params).singletonOrThrow();
		NDArray m5 = merge(store, fuseBottom5, bottom5, d4, p5, training, params);
		NDArray[] features = { n3, m4, m5 };
		NDList out = new NDList(3);
		for (int i = 0; i < 3; i++)
			out.add(heads[i].forward(store, new NDList(features[i]), training, params).singletonOrThrow());
		return out;
	}

	private static NDArray merge(ParameterStore store, AttentionFusion fusion, C2fBlock c2f, NDArray a, NDArray b,
			boolean training, PairList<String, Object> params) {
		NDList fused = fusion.forward(store, new NDList(a, b), training, params);
		return c2f.forward(store, fused, training, params).singletonOrThrow();
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		Shape s = inputShapes[0];
		Shape[] out = new Shape[3];
		for (int i = 0; i < 3; i++) {
			int stride = YoloArchitecture.STRIDES[i];
			out[i] = new Shape(s.get(0), arch.classCount() + DecoupledHead.BOX_CHANNELS, s.get(2) / stride,
					s.get(3) / stride);
		}
		return out;
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape s = inputShapes[0];
		if (s.get(2) % YoloArchitecture.MAX_STRIDE != 0 || s.get(3) % YoloArchitecture.MAX_STRIDE != 0)
			throw new IllegalArgumentException("YOLO input must be a multiple of 32 in H and W, was " + s);
		Shape[] p = new Shape[5];
		Shape x = s;
		for (int level = 0; level <= 4; level++) {
			stages.get(level).initialize(manager, dataType, x);
			x = p[level] = stages.get(level).getOutputShapes(new Shape[] { x })[0];
		}
		long b = s.get(0), h = s.get(2), w = s.get(3);
		int c3 = arch.stageChannels(2), c4 = arch.stageChannels(3), c5 = arch.stageChannels(4);
		sppf.initialize(manager, dataType, p[4]);
		Shape s16 = new Shape(b, c4, h / 16, w / 16), s8 = new Shape(b, c3, h / 8, w / 8),
				s32 = new Shape(b, c5, h / 32, w / 32);
		fuseTop4.initialize(manager, dataType, new Shape(b, c5, h / 16, w / 16), p[3]);
		top4.initialize(manager, dataType, s16);
		fuseTop3.initialize(manager, dataType, new Shape(b, c4, h / 8, w / 8), p[2]);
		top3.initialize(manager, dataType, s8);
		down3.initialize(manager, dataType, s8);
		fuseBottom4.initialize(manager, dataType, new Shape(b, c3, h / 16, w / 16), s16);
		bottom4.initialize(manager, dataType, s16);
		down4.initialize(manager, dataType, s16);
		fuseBottom5.initialize(manager, dataType, new Shape(b, c4, h / 32, w / 32), s32);
		bottom5.initialize(manager, dataType, s32);
		heads[0].initialize(manager, dataType, s8);
		heads[1].initialize(manager, dataType, s16);
		heads[2].initialize(manager, dataType, s32);
	}

	@Override
	public String toString() {
		return "YoloSliceNet(" + arch + ")";
	}
}
