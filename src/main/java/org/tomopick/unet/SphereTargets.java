package org.tomopick.unet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.VoxelGeometry;

/**
 * Training targets: a label volume (0 = background, k = the k-th class of the catalog, 1-based) with a sphere of
 * {@code fraction} times the class radius (at least one voxel) at every particle. Larger spheres are painted first,
 * so a small particle next to a large one keeps its label. Particles of classes outside the catalog are not painted
 * (they are background to this model).
 */
public final class SphereTargets {

	private SphereTargets() {
	}

	public static byte[] paint(int[] shape, VoxelGeometry geometry, List<Particle> particles, ParticleCatalog classes,
			double fraction) {
		if (classes.size() > 127)
			throw new IllegalArgumentException("at most 127 classes fit in a label volume, got " + classes.size());
		byte[] labels = new byte[shape[0] * shape[1] * shape[2]];
		double voxel = geometry.voxelSize(0)[2];
		List<Particle> known = new ArrayList<>();
		for (Particle p : particles)
			if (classes.find(p.type().name()).isPresent())
				known.add(p);
		known.sort(Comparator.comparingDouble((Particle p) -> -classes.get(p.type().name()).radiusAngstrom()));
		for (Particle p : known) {
			int label = classes.indexOf(classes.get(p.type().name())) + 1;
			double r = Math.max(1.0, fraction * classes.get(p.type().name()).radiusAngstrom() / voxel);
			double cz = geometry.voxelZ(0, p.z()), cy = geometry.voxelY(0, p.y()), cx = geometry.voxelX(0, p.x());
			int z0 = Math.max(0, (int) Math.ceil(cz - r)), z1 = Math.min(shape[0] - 1, (int) Math.floor(cz + r));
			int y0 = Math.max(0, (int) Math.ceil(cy - r)), y1 = Math.min(shape[1] - 1, (int) Math.floor(cy + r));
			int x0 = Math.max(0, (int) Math.ceil(cx - r)), x1 = Math.min(shape[2] - 1, (int) Math.floor(cx + r));
			for (int z = z0; z <= z1; z++)
				for (int y = y0; y <= y1; y++)
					for (int x = x0; x <= x1; x++) {
						double dz = z - cz, dy = y - cy, dx = x - cx;
						if (dz * dz + dy * dy + dx * dx <= r * r)
							labels[(z * shape[1] + y) * shape[2] + x] = (byte) label;
					}
		}
		return labels;
	}
}
