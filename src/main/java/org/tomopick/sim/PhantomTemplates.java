package org.tomopick.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.tomopick.io.DenseVolume;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;

/**
 * Built-in geometric stand-ins for the density maps, so that a simulation needs no files: hollow shells for
 * apo-ferritin (r 40-60 A) and the virus-like particle (a capsid around r 135 A with capsomer bumps), and lobed
 * blobs (several overlapping soft gaussians, arranged from a seed) sized from the catalog radius for the others.
 */
public final class PhantomTemplates {

	/** Radius of the phantom distractor protein, A. */
	public static final double DISTRACTOR_RADIUS = 45;

	private PhantomTemplates() {
	}

	/** Phantoms for every class of the catalog and one distractor, at the given voxel size. */
	public static TemplateLibrary library(ParticleCatalog catalog, double voxelSizeAngstrom) {
		Map<String, DensityTemplate> targets = new LinkedHashMap<>();
		for (ParticleClass c : catalog.classes())
			targets.put(c.name(), forClass(c, voxelSizeAngstrom));
		List<DensityTemplate> distractors = List.of(lobedBlob(DISTRACTOR_RADIUS, 0x8FAFL, voxelSizeAngstrom));
		return new TemplateLibrary(targets, distractors);
	}

	/** The phantom of one class: chosen by its name (ferritin, virus) or a lobed blob of its radius. */
	public static DensityTemplate forClass(ParticleClass c, double voxelSizeAngstrom) {
		String name = c.name().toLowerCase();
		if (name.contains("ferritin"))
			return shell(40, 60, 0, voxelSizeAngstrom);
		if (name.contains("virus"))
			return shell(120, 148, 32, voxelSizeAngstrom);
		return lobedBlob(c.radiusAngstrom(), name.hashCode(), voxelSizeAngstrom);
	}

	/**
	 * A hollow spherical shell between two radii (A) with soft surfaces, optionally with {@code bumps} capsomer-like
	 * protrusions spread evenly over its outer surface.
	 */
	public static DensityTemplate shell(double inner, double outer, int bumps, double voxelSizeAngstrom) {
		double bumpRadius = bumps > 0 ? 0.45 * (outer - inner) + 6 : 0;
		int n = boxSize(outer + bumpRadius, voxelSizeAngstrom);
		double c = (n - 1) / 2.0;
		double[][] bumpCentres = fibonacciSphere(bumps, outer);
		float[] data = new float[n * n * n];
		for (int z = 0, i = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++, i++) {
					double px = (x - c) * voxelSizeAngstrom, py = (y - c) * voxelSizeAngstrom,
							pz = (z - c) * voxelSizeAngstrom;
					double r = Math.sqrt(px * px + py * py + pz * pz);
					double v = soft(r - inner, voxelSizeAngstrom) * soft(outer - r, voxelSizeAngstrom);
					for (double[] b : bumpCentres) {
						double dx = px - b[0], dy = py - b[1], dz = pz - b[2];
						double d2 = dx * dx + dy * dy + dz * dz;
						v += Math.exp(-d2 / (2 * bumpRadius * bumpRadius / 4));
					}
					data[i] = (float) Math.min(1, v);
				}
		return new DensityTemplate(DenseVolume.ofFloats(new int[] { n, n, n }, data), voxelSizeAngstrom);
	}

	/**
	 * A compact, irregular protein-like blob of about the given radius (A): 4 to 7 soft gaussian lobes whose
	 * centres lie within half the radius, summed and softly saturated to a plateau of 1.
	 */
	public static DensityTemplate lobedBlob(double radius, long seed, double voxelSizeAngstrom) {
		SplittableRandom random = new SplittableRandom(seed);
		int lobes = 4 + random.nextInt(4);
		List<double[]> centres = new ArrayList<>();
		for (int l = 0; l < lobes; l++) {
			double[] u = randomUnitVector(random);
			double d = (0.15 + 0.35 * random.nextDouble()) * radius;
			double sigma = (radius - d) / 2.4;
			centres.add(new double[] { u[0] * d, u[1] * d, u[2] * d, sigma });
		}
		int n = boxSize(radius * 1.15, voxelSizeAngstrom);
		double c = (n - 1) / 2.0;
		float[] data = new float[n * n * n];
		for (int z = 0, i = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++, i++) {
					double px = (x - c) * voxelSizeAngstrom, py = (y - c) * voxelSizeAngstrom,
							pz = (z - c) * voxelSizeAngstrom;
					double sum = 0;
					for (double[] lobe : centres) {
						double dx = px - lobe[0], dy = py - lobe[1], dz = pz - lobe[2];
						sum += Math.exp(-(dx * dx + dy * dy + dz * dz) / (2 * lobe[3] * lobe[3]));
					}
					data[i] = (float) (1 - Math.exp(-6 * sum));
				}
		return new DensityTemplate(DenseVolume.ofFloats(new int[] { n, n, n }, data), voxelSizeAngstrom);
	}

	private static int boxSize(double radius, double voxelSize) {
		return 2 * (int) Math.ceil(radius / voxelSize + 3) + 1;
	}

	/** Smooth step from 0 to 1 over one voxel around distance 0. */
	private static double soft(double distance, double voxelSize) {
		return IceSlab.smoothStep(distance / voxelSize + 0.5);
	}

	private static double[][] fibonacciSphere(int count, double radius) {
		double[][] points = new double[count][];
		double golden = Math.PI * (3 - Math.sqrt(5));
		for (int i = 0; i < count; i++) {
			double z = 1 - 2 * (i + 0.5) / count;
			double r = Math.sqrt(1 - z * z);
			points[i] = new double[] { radius * r * Math.cos(golden * i), radius * r * Math.sin(golden * i),
					radius * z };
		}
		return points;
	}

	static double[] randomUnitVector(SplittableRandom random) {
		double z = 2 * random.nextDouble() - 1;
		double phi = 2 * Math.PI * random.nextDouble();
		double r = Math.sqrt(1 - z * z);
		return new double[] { r * Math.cos(phi), r * Math.sin(phi), z };
	}
}
