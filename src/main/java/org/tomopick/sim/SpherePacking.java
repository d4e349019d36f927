package org.tomopick.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Spheres placed inside an ice slab without overlap: draws random centres inside the slab (at least the radius, or
 * a quarter of the thickness, away from its surfaces, and inside the volume) and keeps those whose distance to every
 * placed sphere is at least {@code spacingFactor} times the sum of the radii. A uniform cell grid keeps the checks
 * local. Positions are (x, y, z) in A.
 */
final class SpherePacking {

	private static final double CELL = 320;

	private final SimulationSettings settings;
	private final IceSlab slab;
	private final Map<Long, List<double[]>> cells = new HashMap<>();
	private double largestRadius;

	SpherePacking(SimulationSettings settings, IceSlab slab) {
		this.settings = settings;
		this.slab = slab;
	}

	/** Registers a sphere that is already there (e.g. a given particle). */
	void add(double x, double y, double z, double radius) {
		cells.computeIfAbsent(key(cell(x), cell(y), cell(z)), k -> new ArrayList<>())
				.add(new double[] { x, y, z, radius });
		largestRadius = Math.max(largestRadius, radius);
	}

	/** Tries up to {@code attempts} random centres; returns the first that fits (and adds it), or null. */
	double[] place(SplittableRandom random, double radius, double spacingFactor, int attempts) {
		for (int a = 0; a < attempts; a++) {
			double[] p = randomPointInSlab(random, radius);
			if (p != null && fits(p[0], p[1], p[2], radius, spacingFactor)) {
				add(p[0], p[1], p[2], radius);
				return p;
			}
		}
		return null;
	}

	double[] randomPointInSlab(SplittableRandom random, double radius) {
		double vs = settings.voxelSizeAngstrom();
		double x = random.nextDouble() * (settings.sizeX() - 1) * vs;
		double y = random.nextDouble() * (settings.sizeY() - 1) * vs;
		double half = slab.thickness() / 2 - Math.min(radius, slab.thickness() / 4);
		double s = (2 * random.nextDouble() - 1) * half;
		double z = slab.midZ(x, y) + s / slab.normal()[2];
		if (z < 0 || z > (settings.sizeZ() - 1) * vs)
			return null;
		return new double[] { x, y, z };
	}

	boolean fits(double x, double y, double z, double radius, double spacingFactor) {
		double reach = spacingFactor * (radius + largestRadius);
		int r = (int) Math.ceil(reach / CELL);
		long cx = cell(x), cy = cell(y), cz = cell(z);
		for (long i = cx - r; i <= cx + r; i++)
			for (long j = cy - r; j <= cy + r; j++)
				for (long k = cz - r; k <= cz + r; k++) {
					List<double[]> list = cells.get(key(i, j, k));
					if (list == null)
						continue;
					for (double[] o : list) {
						double min = spacingFactor * (radius + o[3]);
						double dx = x - o[0], dy = y - o[1], dz = z - o[2];
						if (dx * dx + dy * dy + dz * dz < min * min)
							return false;
					}
				}
		return true;
	}

	/** Volume of ice inside the box, in cubic micrometres (for number densities). */
	double iceVolumeCubicMicrons() {
		double depth = settings.extentAngstrom(2);
		return settings.extentAngstrom(0) * settings.extentAngstrom(1) * Math.min(depth, slab.thickness()) * 1e-12;
	}

	private static long cell(double v) {
		return (long) Math.floor(v / CELL);
	}

	private static long key(long i, long j, long k) {
		return ((i & 0x1FFFFF) << 42) | ((j & 0x1FFFFF) << 21) | (k & 0x1FFFFF);
	}
}
