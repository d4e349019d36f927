package org.tomopick.yolo;

import java.util.ArrayList;
import java.util.List;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;

/**
 * Training targets from picks: a particle of radius r whose centre lies dz away from a slice appears on it as a
 * square box of half-size sqrt(r^2 - dz^2); slices where that is less than {@code minVisibleFraction} r (too far from
 * the centre to be recognisable) get no box. Positions come from the picks in Angstrom through the
 * {@link WorkingVolume}'s exact transform; radii from the catalog.
 */
public final class SliceBoxTargets {

	private final ParticleCatalog catalog;
	private final double minVisibleFraction;
	/** Per particle: class index, x, y, z (working pixels), radius (working pixels). */
	private final double[][] particles;

	public SliceBoxTargets(ParticleCatalog catalog, List<Particle> truth, WorkingVolume volume,
			double minVisibleFraction) {
		this.catalog = catalog;
		this.minVisibleFraction = minVisibleFraction;
		this.particles = new double[truth.size()][];
		double voxel = volume.workingVoxelAngstrom();
		for (int i = 0; i < truth.size(); i++) {
			Particle p = truth.get(i);
			int k = catalog.indexOf(catalog.get(p.type().name()));
			particles[i] = new double[] { k, volume.toWorking(p.x()), volume.toWorking(p.y()),
					volume.toWorking(p.z()), p.type().radiusAngstrom() / voxel };
		}
	}

	/** The boxes on working slice z. */
	public List<SliceBox> boxesOnSlice(int z) {
		List<SliceBox> boxes = new ArrayList<>();
		for (double[] p : particles) {
			double half = halfSize(p[4], z - p[3], minVisibleFraction);
			if (half > 0)
				boxes.add(new SliceBox((int) p[0], p[1], p[2], half));
		}
		return boxes;
	}

	/**
	 * The half-size of a sphere's cross-section at distance dz from its centre, or 0 when it is below
	 * {@code minVisibleFraction} of the radius (or the slice misses the sphere).
	 */
	public static double halfSize(double radius, double dz, double minVisibleFraction) {
		double h2 = radius * radius - dz * dz;
		if (h2 <= 0)
			return 0;
		double h = Math.sqrt(h2);
		return h >= minVisibleFraction * radius && h > 0 ? h : 0;
	}

	/** Number of particles. */
	public int size() {
		return particles.length;
	}

	/** Working (x, y, z) and radius in working pixels of particle i. */
	public double[] particle(int i) {
		return new double[] { particles[i][1], particles[i][2], particles[i][3], particles[i][4] };
	}

	public ParticleCatalog catalog() {
		return catalog;
	}
}
