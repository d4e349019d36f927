package org.tomopick.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;

/**
 * Class-weighted cross-entropy plus a Tversky term. Labels: one-hot {@code (N, K, D, H, W)}; predictions: logits of
 * the same shape. Cross-entropy = {@code -sum(w_k g log p) / sum(w_k g)} (the weighted mean, as PyTorch's). Tversky,
 * per foreground class over the batch: {@code T = (TP + 1) / (TP + alpha FP + beta FN + 1)} with soft counts from the
 * softmax; the term is {@code 1 - mean(T)}. Loss = cross-entropy + tverskyWeight x Tversky term.
 */
public final class SegmentationLoss extends Loss {

	private final float[] channelWeights;
	private final float tverskyWeight;
	private final float alpha;
	private final float beta;

	public SegmentationLoss(float[] channelWeights, double tverskyWeight, double alpha, double beta) {
		super("segmentation");
		this.channelWeights = channelWeights.clone();
		this.tverskyWeight = (float) tverskyWeight;
		this.alpha = (float) alpha;
		this.beta = (float) beta;
	}

	static SegmentationLoss of(UNetTrainingSettings t, int channels) {
		float[] w = new float[channels];
		for (int k = 0; k < channels; k++)
			w[k] = (float) t.channelWeight(k);
		return new SegmentationLoss(w, t.tverskyWeight(), t.tverskyAlpha(), t.tverskyBeta());
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray g = labels.singletonOrThrow();
		NDArray logits = predictions.singletonOrThrow();
		NDArray logp = logits.logSoftmax(1);
		NDArray w = logits.getManager().create(channelWeights).reshape(1, channelWeights.length, 1, 1, 1);
		NDArray weighted = g.mul(w);
		NDArray ce = weighted.mul(logp).sum().neg().div(weighted.sum());
		if (tverskyWeight == 0)
			return ce;
		NDArray p = logp.exp();
		int[] axes = { 0, 2, 3, 4 };
		NDArray tp = p.mul(g).sum(axes);
		NDArray fp = p.sum(axes).sub(tp);
		NDArray fn = g.sum(axes).sub(tp);
		NDArray t = tp.add(1).div(tp.add(fp.mul(alpha)).add(fn.mul(beta)).add(1));
		NDArray tversky = t.get(new NDIndex("1:")).mean().neg().add(1);
		return ce.add(tversky.mul(tverskyWeight));
	}
}
