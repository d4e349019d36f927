package org.tomopick.yolo;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/**
 * One 2D detection on one working slice: class, centre (x, y, and the slice's z) in Angstrom, the working slice
 * index, the box half-size in Angstrom and the confidence (sigmoid of the class logit).
 */
public record SliceDetection(ParticleClass type, double xAngstrom, double yAngstrom, double zAngstrom, int slice,
		double halfSizeAngstrom, double confidence) {

	/** This detection as a 3D point for the fusion step: class, x, y, z in Angstrom, score = confidence. */
	public Particle toPoint() {
		return new Particle(type, xAngstrom, yAngstrom, zAngstrom, confidence, Provenance.YOLO);
	}

	/** Intersection over union of two square boxes in the x-y plane. */
	public double iou(SliceDetection o) {
		double ix = overlap(xAngstrom, halfSizeAngstrom, o.xAngstrom, o.halfSizeAngstrom);
		double iy = overlap(yAngstrom, halfSizeAngstrom, o.yAngstrom, o.halfSizeAngstrom);
		double inter = ix * iy;
		double union = 4 * halfSizeAngstrom * halfSizeAngstrom + 4 * o.halfSizeAngstrom * o.halfSizeAngstrom - inter;
		return union > 0 ? inter / union : 0;
	}

	private static double overlap(double a, double ha, double b, double hb) {
		return Math.max(0, Math.min(a + ha, b + hb) - Math.max(a - ha, b - hb));
	}
}
