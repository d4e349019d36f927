package org.tomopick.unet;

import java.util.List;

import org.tomopick.model.ParticleClass;
import org.tomopick.model.VoxelGeometry;

/**
 * Per-class probability maps of one tomogram at the model's working voxel size: one float array per particle class
 * (background left out), indexed (z, y, x), with the geometry that maps their voxels to Angstrom.
 */
public final class ProbabilityMaps {

	private final int[] shape;
	private final List<ParticleClass> classes;
	private final float[][] maps;
	private final VoxelGeometry geometry;

	public ProbabilityMaps(int[] shape, List<ParticleClass> classes, float[][] maps, VoxelGeometry geometry) {
		if (maps.length != classes.size())
			throw new IllegalArgumentException(maps.length + " maps for " + classes.size() + " classes");
		int n = shape[0] * shape[1] * shape[2];
		for (float[] m : maps)
			if (m.length != n)
				throw new IllegalArgumentException("a probability map has " + m.length + " voxels, the shape needs " + n);
		this.shape = shape.clone();
		this.classes = List.copyOf(classes);
		this.maps = maps;
		this.geometry = geometry;
	}

	/** Shape z, y, x (a copy). */
	public int[] shape() {
		return shape.clone();
	}

	public List<ParticleClass> classes() {
		return classes;
	}

	/** The map of the i-th class (the array itself). */
	public float[] map(int classIndex) {
		return maps[classIndex];
	}

	public VoxelGeometry geometry() {
		return geometry;
	}
}
