package org.tomopick.fuse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomopick.model.ParticleClass;

import smile.clustering.DBSCAN;
import smile.clustering.PartitionClustering;

/**
 * Fuses the candidates of both branches into particles, following the paper's post-processing: (1) drop candidates
 * below the class's confidence threshold; (2) per class, cluster the rest with DBSCAN (Smile) with a neighbourhood
 * eps adapted to the spread of the candidates ({@link #eps}); (3) each cluster becomes one particle at its
 * confidence-weighted centre, with the combined score of {@link FusedParticle}; clusters whose summed confidence is
 * below {@link FusionSettings#minClusterSupport()} are outliers and dropped; (4) fused particles of different classes
 * at one location are one object: the better-supported class is kept ({@link ClassConflicts}).
 * <p>
 * DBSCAN runs with Smile's {@code minPts = 1}. Smile counts neighbours without the point itself (unlike
 * scikit-learn, where this is {@code min_samples = 2}): a candidate with at least one other candidate within eps is
 * a core point, so clusters are the groups of candidates linked by steps of at most eps, and an isolated candidate is
 * Smile's outlier, which here becomes a cluster of its own that the support rule keeps only when it is confident
 * enough. The paper's density rule (minPts lowered for confident detections) is thus expressed as a minimum summed
 * confidence instead of a count.
 */
public final class DbscanFusion {

	private final FusionSettings settings;

	public DbscanFusion(FusionSettings settings) {
		this.settings = settings.validate();
	}

	/** Fused particles of all classes, strongest support first. */
	public List<FusedParticle> fuse(List<Candidate> candidates) {
		return ClassConflicts.resolve(clusters(candidates), settings.conflictFraction());
	}

	/** Steps (1) to (3): the fused particles of every class, class conflicts not yet resolved. */
	public List<FusedParticle> clusters(List<Candidate> candidates) {
		List<FusedParticle> fused = new ArrayList<>();
		for (Map.Entry<ParticleClass, List<Candidate>> e : byClass(filter(candidates)).entrySet())
			fused.addAll(fuseClass(e.getKey(), e.getValue()));
		return fused;
	}

	/** The {@code no-dbscan} ablation: thresholded candidates as they are, one particle each, nothing merged. */
	public List<FusedParticle> concatenate(List<Candidate> candidates) {
		return filter(candidates).stream().map(c -> new FusedParticle(c.type(), c.x(), c.y(), c.z(), c.confidence(),
				c.confidence(), c.branch() == Branch.UNET ? 1 : 0, c.branch() == Branch.YOLO ? 1 : 0)).toList();
	}

	List<Candidate> filter(List<Candidate> candidates) {
		return candidates.stream().filter(c -> c.confidence() >= settings.threshold(c.type())).toList();
	}

	/**
	 * The adaptive neighbourhood radius of a class (Angstrom): {@code spreadFactor} times the median distance from a
	 * candidate to its nearest other candidate of the class when that is within one radius (the scatter of the
	 * duplicates of one particle), clamped to [minEpsFraction, maxEpsFraction] x radius. Tight candidates (dense
	 * regions, precise branches) give a small eps that keeps neighbours apart; scattered ones a larger eps.
	 */
	public double eps(ParticleClass type, List<Candidate> ofClass) {
		double r = type.radiusAngstrom();
		double lo = settings.minEpsFraction() * r, hi = settings.maxEpsFraction() * r;
		double[] nearest = new double[ofClass.size()];
		int n = 0;
		for (int i = 0; i < ofClass.size(); i++) {
			double best = Double.POSITIVE_INFINITY;
			for (int j = 0; j < ofClass.size(); j++)
				if (i != j)
					best = Math.min(best, ofClass.get(i).distanceTo(ofClass.get(j)));
			if (best <= r)
				nearest[n++] = best;
		}
		if (n == 0)
			return (lo + hi) / 2;
		double[] d = Arrays.copyOf(nearest, n);
		Arrays.sort(d);
		double median = n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
		return Math.max(lo, Math.min(hi, settings.spreadFactor() * median));
	}

	private List<FusedParticle> fuseClass(ParticleClass type, List<Candidate> ofClass) {
		int[] labels = clusterLabels(ofClass, eps(type, ofClass));
		Map<Integer, List<Candidate>> clusters = new LinkedHashMap<>();
		int singleton = -1;
		for (int i = 0; i < ofClass.size(); i++) {
			int label = labels[i] == PartitionClustering.OUTLIER ? singleton-- : labels[i];
			clusters.computeIfAbsent(label, k -> new ArrayList<>()).add(ofClass.get(i));
		}
		List<FusedParticle> out = new ArrayList<>();
		for (List<Candidate> members : clusters.values()) {
			FusedParticle p = merge(type, members);
			if (p.support() >= settings.minClusterSupport())
				out.add(p);
		}
		return out;
	}

	private static int[] clusterLabels(List<Candidate> points, double eps) {
		if (points.size() < 2)
			return points.isEmpty() ? new int[0] : new int[] { PartitionClustering.OUTLIER };
		double[][] xyz = new double[points.size()][];
		for (int i = 0; i < xyz.length; i++)
			xyz[i] = new double[] { points.get(i).x(), points.get(i).y(), points.get(i).z() };
		return DBSCAN.fit(xyz, 1, eps).y;
	}

	static FusedParticle merge(ParticleClass type, List<Candidate> members) {
		double w = 0, x = 0, y = 0, z = 0, bestUnet = 0, bestYolo = 0;
		int unet = 0, yolo = 0;
		for (Candidate c : members) {
			double c0 = Math.max(c.confidence(), 1e-12);
			w += c0;
			x += c0 * c.x();
			y += c0 * c.y();
			z += c0 * c.z();
			if (c.branch() == Branch.UNET) {
				unet++;
				bestUnet = Math.max(bestUnet, c.confidence());
			} else {
				yolo++;
				bestYolo = Math.max(bestYolo, c.confidence());
			}
		}
		double score = 1 - (1 - bestUnet) * (1 - bestYolo);
		double support = members.stream().mapToDouble(Candidate::confidence).sum();
		return new FusedParticle(type, x / w, y / w, z / w, score, support, unet, yolo);
	}

	private static Map<ParticleClass, List<Candidate>> byClass(List<Candidate> candidates) {
		Map<ParticleClass, List<Candidate>> map = new LinkedHashMap<>();
		for (Candidate c : candidates)
			map.computeIfAbsent(c.type(), k -> new ArrayList<>()).add(c);
		return map;
	}

}
