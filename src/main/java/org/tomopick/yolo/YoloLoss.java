package org.tomopick.yolo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The paper's multi-task detection loss over the three scales: Smooth-L1 on the box centres (localisation), focal
 * loss on the per-class sigmoid scores of every cell (alpha 0.25, gamma 2) and DIoU on the square boxes, each summed
 * and divided by the number of positive cells, combined with the weights of the current loss phase.
 */
public final class YoloLoss {

	public static final float FOCAL_ALPHA = 0.25f;
	public static final float FOCAL_GAMMA = 2f;
	private static final float MAX_LOG_SIZE = 6f;

	private final int classCount;

	public YoloLoss(int classCount) {
		this.classCount = classCount;
	}

	/** The total loss (a scalar, differentiable, and its value) and its three unweighted terms. */
	public record Terms(NDArray total, float totalValue, float localisation, float classification, float iou) {

		/** The same numbers without the array (which may be closed afterwards). */
		Terms detached() {
			return new Terms(null, totalValue, localisation, classification, iou);
		}
	}

	/**
	 * @param predictions the network output, one array per scale (batch, classes + 3, H, W)
	 * @param targets     the targets of the same scales, in the same order
	 */
	public Terms compute(NDList predictions, GridTargets[] targets, LossPhaseSchedule.LossWeights weights) {
		NDManager m = predictions.get(0).getManager();
		NDArray loc = null, cls = null, iou = null;
		float positives = 0;
		for (int s = 0; s < targets.length; s++) {
			GridTargets t = targets[s];
			NDArray p = predictions.get(s);
			Shape plane = new Shape(t.batch, 1, t.h, t.w);
			NDArray mask = m.create(t.mask, plane);
			NDArray clsT = m.create(t.classes, new Shape(t.batch, classCount, t.h, t.w));
			NDArray boxT = m.create(t.box, new Shape(t.batch, 3, t.h, t.w));
			positives += t.positives();
			NDArray logits = p.get(":, 0:" + classCount);
			NDArray boxP = p.get(":, " + classCount + ":");
			NDArray f = focal(logits, clsT).sum();
			NDArray l = smoothL1(boxP.get(":, 0:2").sub(boxT.get(":, 0:2"))).mul(mask).sum();
			NDArray d = diou(boxP, boxT).mul(mask).sum();
			cls = cls == null ? f : cls.add(f);
			loc = loc == null ? l : loc.add(l);
			iou = iou == null ? d : iou.add(d);
		}
		float norm = Math.max(1f, positives);
		loc = loc.div(norm);
		cls = cls.div(norm);
		iou = iou.div(norm);
		NDArray total = loc.mul((float) weights.localisation()).add(cls.mul((float) weights.classification()))
				.add(iou.mul((float) weights.iou()));
		return new Terms(total, total.getFloat(), loc.getFloat(), cls.getFloat(), iou.getFloat());
	}

	/** Element-wise sigmoid focal loss of logits x against 0/1 targets t. */
	static NDArray focal(NDArray x, NDArray t) {
		NDArray p = Activation.sigmoid(x);
		NDArray ce = Activation.relu(x).sub(x.mul(t)).add(x.abs().neg().exp().add(1).log());
		NDArray pt = p.mul(t).add(p.neg().add(1).mul(t.neg().add(1)));
		NDArray alpha = t.mul(2 * FOCAL_ALPHA - 1).add(1 - FOCAL_ALPHA);
		NDArray oneMinus = pt.neg().add(1);
		return alpha.mul(oneMinus.pow(FOCAL_GAMMA)).mul(ce);
	}

	static NDArray smoothL1(NDArray d) {
		NDArray a = d.abs();
		NDArray quadratic = a.mul(a).mul(0.5f);
		NDArray linear = a.sub(0.5f);
		return quadratic.mul(a.lt(1f)).add(linear.mul(a.gte(1f))).sum(new int[] { 1 }, true);
	}

	/**
	 * DIoU loss of square boxes given as (dx, dy, log half-size) channels: 1 - IoU + (centre distance)^2 / (diagonal
	 * of the smallest enclosing box)^2, per cell (batch, 1, H, W).
	 */
	static NDArray diou(NDArray pred, NDArray target) {
		NDArray px = pred.get(":, 0:1"), py = pred.get(":, 1:2");
		NDArray ph = pred.get(":, 2:3").clip(-MAX_LOG_SIZE, MAX_LOG_SIZE).exp();
		NDArray tx = target.get(":, 0:1"), ty = target.get(":, 1:2"), th = target.get(":, 2:3").exp();
		NDArray ix = overlap(px, ph, tx, th), iy = overlap(py, ph, ty, th);
		NDArray inter = ix.mul(iy);
		NDArray union = ph.mul(ph).mul(4).add(th.mul(th).mul(4)).sub(inter).add(1e-7f);
		NDArray iou = inter.div(union);
		NDArray cw = px.add(ph).maximum(tx.add(th)).sub(px.sub(ph).minimum(tx.sub(th)));
		NDArray ch = py.add(ph).maximum(ty.add(th)).sub(py.sub(ph).minimum(ty.sub(th)));
		NDArray c2 = cw.mul(cw).add(ch.mul(ch)).add(1e-7f);
		NDArray dx = px.sub(tx), dy = py.sub(ty);
		NDArray d2 = dx.mul(dx).add(dy.mul(dy));
		return iou.neg().add(1).add(d2.div(c2));
	}

	private static NDArray overlap(NDArray pc, NDArray ph, NDArray tc, NDArray th) {
		NDArray hi = pc.add(ph).minimum(tc.add(th));
		NDArray lo = pc.sub(ph).maximum(tc.sub(th));
		return Activation.relu(hi.sub(lo));
	}
}
