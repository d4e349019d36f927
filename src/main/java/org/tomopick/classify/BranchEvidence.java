package org.tomopick.classify;

import java.util.ArrayList;
import java.util.List;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;

/**
 * What the two branches said near a point, per class: the best UNet peak confidence, the best YOLO slice-detection
 * confidence, and how many YOLO slice detections there are (a particle seen on more slices is taller). "Near" is
 * within {@link #reach} of the class: half its radius, at least {@value #MIN_REACH_ANGSTROM} A.
 */
public final class BranchEvidence {

	static final double MIN_REACH_ANGSTROM = 40;

	private final List<ParticleClass> classes;
	private final double[][][] unet; // [class][i] = {x, y, z, confidence}
	private final double[][][] yolo;

	public BranchEvidence(ParticleCatalog catalog, List<Particle> unetCandidates, List<Particle> yoloPoints) {
		this.classes = catalog.classes();
		this.unet = byClass(catalog, unetCandidates);
		this.yolo = byClass(catalog, yoloPoints);
	}

	private static double[][][] byClass(ParticleCatalog catalog, List<Particle> particles) {
		List<List<double[]>> lists = new ArrayList<>();
		for (int i = 0; i < catalog.size(); i++)
			lists.add(new ArrayList<>());
		for (Particle p : particles) {
			int c = catalog.indexOf(p.type());
			if (c >= 0)
				lists.get(c).add(new double[] { p.x(), p.y(), p.z(), p.score() });
		}
		double[][][] out = new double[lists.size()][][];
		for (int c = 0; c < out.length; c++)
			out[c] = lists.get(c).toArray(double[][]::new);
		return out;
	}

	static double reach(ParticleClass c) {
		return Math.max(MIN_REACH_ANGSTROM, 0.5 * c.radiusAngstrom());
	}

	/** Writes 3 values per class (UNet best, YOLO best, YOLO count) into {@code out} from {@code offset}. */
	void write(double x, double y, double z, double[] out, int offset) {
		for (int c = 0; c < classes.size(); c++) {
			double r2 = reach(classes.get(c)) * reach(classes.get(c));
			out[offset + 3 * c] = best(unet[c], x, y, z, r2, false);
			out[offset + 3 * c + 1] = best(yolo[c], x, y, z, r2, false);
			out[offset + 3 * c + 2] = best(yolo[c], x, y, z, r2, true);
		}
	}

	private static double best(double[][] points, double x, double y, double z, double r2, boolean count) {
		double best = 0;
		for (double[] p : points) {
			double dx = p[0] - x, dy = p[1] - y, dz = p[2] - z;
			if (dx * dx + dy * dy + dz * dz <= r2)
				best = count ? best + 1 : Math.max(best, p[3]);
		}
		return best;
	}
}
