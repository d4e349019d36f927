package org.tomopick.yolo;

import java.util.Arrays;
import java.util.List;

/**
 * Dense targets of one detection scale for a batch of crops, as the loss wants them: per cell a one-hot class
 * vector ({@code classes}, batch x C x H x W), a positive mask (batch x 1 x H x W) and the box regression target
 * (batch x 3 x H x W: centre offset x, y from the cell centre in cells, log half-size in cells).
 * <p>
 * Assignment (anchor-free): each box goes to the one scale whose stride is closest, on a log scale, to its
 * diameter / 2; there the cell that holds its centre is positive, and so are the cells of its 3x3 neighbourhood
 * whose centres lie inside the box's circle. A cell claimed by two boxes keeps the one whose centre is nearer.
 * Cell j spans pixels j*s .. j*s+s-1; its centre is at {@code j*s + (s-1)/2}.
 */
public final class GridTargets {

	public final int stride;
	public final int batch, classCount, h, w;
	public final float[] classes;
	public final float[] mask;
	public final float[] box;
	private final float[] claimDistance;

	public GridTargets(int stride, int batch, int classCount, int h, int w) {
		this.stride = stride;
		this.batch = batch;
		this.classCount = classCount;
		this.h = h;
		this.w = w;
		this.classes = new float[batch * classCount * h * w];
		this.mask = new float[batch * h * w];
		this.box = new float[batch * 3 * h * w];
		this.claimDistance = new float[batch * h * w];
		Arrays.fill(claimDistance, Float.POSITIVE_INFINITY);
	}

	/** The centre of cell j (along either axis), in pixels. */
	public static double cellCentre(int j, int stride) {
		return j * stride + (stride - 1) / 2.0;
	}

	/** The index into {@link YoloArchitecture#STRIDES} of the scale a box of this half-size (pixels) goes to. */
	public static int scaleFor(double halfSize) {
		int best = 0;
		double bestCost = Double.POSITIVE_INFINITY;
		for (int i = 0; i < YoloArchitecture.STRIDES.length; i++) {
			double cost = Math.abs(Math.log(halfSize / YoloArchitecture.STRIDES[i]));
			if (cost < bestCost) {
				bestCost = cost;
				best = i;
			}
		}
		return best;
	}

	/** Adds the boxes of crop b (coordinates in crop pixels) that belong to this scale. */
	public void add(int b, List<SliceBox> boxes) {
		for (SliceBox s : boxes) {
			if (YoloArchitecture.STRIDES[scaleFor(s.halfSize())] != stride)
				continue;
			int cj = (int) Math.floor(s.x() / stride), ci = (int) Math.floor(s.y() / stride);
			for (int i = ci - 1; i <= ci + 1; i++)
				for (int j = cj - 1; j <= cj + 1; j++) {
					if (i < 0 || j < 0 || i >= h || j >= w)
						continue;
					double dx = s.x() - cellCentre(j, stride), dy = s.y() - cellCentre(i, stride);
					double d = Math.hypot(dx, dy);
					boolean centreCell = i == ci && j == cj;
					if (!centreCell && d > s.halfSize())
						continue;
					claim(b, i, j, s, dx, dy, centreCell ? -1 : (float) d);
				}
		}
	}

	private void claim(int b, int i, int j, SliceBox s, double dx, double dy, float distance) {
		int cell = (b * h + i) * w + j;
		if (distance >= claimDistance[cell])
			return;
		claimDistance[cell] = distance;
		mask[cell] = 1;
		int plane = h * w, pix = i * w + j;
		for (int c = 0; c < classCount; c++)
			classes[(b * classCount + c) * plane + pix] = c == s.classIndex() ? 1 : 0;
		box[(b * 3) * plane + pix] = (float) (dx / stride);
		box[(b * 3 + 1) * plane + pix] = (float) (dy / stride);
		box[(b * 3 + 2) * plane + pix] = (float) Math.log(s.halfSize() / stride);
	}

	public int positives() {
		int n = 0;
		for (float m : mask)
			n += m > 0 ? 1 : 0;
		return n;
	}
}
