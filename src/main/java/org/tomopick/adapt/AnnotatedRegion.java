package org.tomopick.adapt;

import java.util.ArrayList;
import java.util.List;

import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;
import org.tomopick.pipeline.AnnotatedTomogram;

/**
 * The part of a tomogram that somebody annotated: a box of voxels {@code [z0, z1) x [y0, y1) x [x0, x1)}. Training
 * on a user's picks only looks inside it, so that nothing is taught as background where nobody looked. By default
 * the box is the bounding box of the picks grown by a margin (the largest particle radius), clipped to the volume.
 */
public record AnnotatedRegion(int z0, int y0, int x0, int z1, int y1, int x1) {

	public AnnotatedRegion {
		if (z0 < 0 || y0 < 0 || x0 < 0 || z1 <= z0 || y1 <= y0 || x1 <= x0)
			throw new IllegalArgumentException("empty or negative region [" + z0 + "," + z1 + ")x[" + y0 + "," + y1
					+ ")x[" + x0 + "," + x1 + ")");
	}

	/** The whole volume. */
	public static AnnotatedRegion whole(DenseVolume volume) {
		return new AnnotatedRegion(0, 0, 0, volume.sizeZ(), volume.sizeY(), volume.sizeX());
	}

	/**
	 * The bounding box of the tomogram's truth particles, grown by {@code marginAngstrom} on every side and clipped
	 * to the volume. A tomogram without particles has no annotated region (IllegalArgumentException).
	 */
	public static AnnotatedRegion ofPicks(AnnotatedTomogram t, double marginAngstrom) {
		if (t.truth().isEmpty())
			throw new IllegalArgumentException(t.name() + " has no picks, so no annotated region");
		double vs = t.voxelSizeAngstrom();
		double[] lo = { Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE };
		double[] hi = { -Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		for (Particle p : t.truth()) {
			double[] zyx = { p.z(), p.y(), p.x() };
			for (int a = 0; a < 3; a++) {
				lo[a] = Math.min(lo[a], zyx[a]);
				hi[a] = Math.max(hi[a], zyx[a]);
			}
		}
		int[] shape = t.tomogram().shape();
		int[] from = new int[3], to = new int[3];
		for (int a = 0; a < 3; a++) {
			from[a] = (int) Math.max(0, Math.floor((lo[a] - marginAngstrom) / vs));
			to[a] = (int) Math.min(shape[a], Math.ceil((hi[a] + marginAngstrom) / vs) + 1);
			if (to[a] <= from[a])
				throw new IllegalArgumentException(t.name() + ": the picks lie outside the tomogram");
		}
		return new AnnotatedRegion(from[0], from[1], from[2], to[0], to[1], to[2]);
	}

	public int sizeZ() {
		return z1 - z0;
	}

	public int sizeY() {
		return y1 - y0;
	}

	public int sizeX() {
		return x1 - x0;
	}

	public long voxelCount() {
		return (long) sizeZ() * sizeY() * sizeX();
	}

	/**
	 * Two parts of the region, cut across its longest in-plane axis (y or x): the first {@code 1 - heldOut} of it
	 * and the rest, so that a model can be fitted on the first and judged on the second.
	 */
	public AnnotatedRegion[] split(double heldOut) {
		if (!(heldOut > 0 && heldOut < 1))
			throw new IllegalArgumentException("held-out fraction must be in (0, 1), was " + heldOut);
		if (sizeX() >= sizeY()) {
			int cut = x0 + (int) Math.round(sizeX() * (1 - heldOut));
			cut = Math.max(x0 + 1, Math.min(x1 - 1, cut));
			return new AnnotatedRegion[] { new AnnotatedRegion(z0, y0, x0, z1, y1, cut),
					new AnnotatedRegion(z0, y0, cut, z1, y1, x1) };
		}
		int cut = y0 + (int) Math.round(sizeY() * (1 - heldOut));
		cut = Math.max(y0 + 1, Math.min(y1 - 1, cut));
		return new AnnotatedRegion[] { new AnnotatedRegion(z0, y0, x0, z1, cut, x1),
				new AnnotatedRegion(z0, cut, x0, z1, y1, x1) };
	}

	/**
	 * The region cut out of the tomogram (float32 copy) with the truth particles whose centres lie inside it, moved
	 * to the cut's coordinates (Angstrom from its first voxel).
	 */
	public AnnotatedTomogram crop(AnnotatedTomogram t, String name) {
		DenseVolume v = t.tomogram();
		if (z1 > v.sizeZ() || y1 > v.sizeY() || x1 > v.sizeX())
			throw new IllegalArgumentException("region " + this + " exceeds " + t.name() + " of shape "
					+ java.util.Arrays.toString(v.shape()));
		float[] src = (float[]) v.data();
		float[] out = new float[(int) voxelCount()];
		int i = 0;
		for (int z = z0; z < z1; z++)
			for (int y = y0; y < y1; y++) {
				int from = v.index(z, y, x0);
				System.arraycopy(src, from, out, i, sizeX());
				i += sizeX();
			}
		double vs = t.voxelSizeAngstrom();
		List<Particle> truth = new ArrayList<>();
		for (Particle p : t.truth())
			if (contains(p, vs))
				truth.add(p.withPosition(p.x() - x0 * vs, p.y() - y0 * vs, p.z() - z0 * vs));
		return new AnnotatedTomogram(name, new DenseVolume(new int[] { sizeZ(), sizeY(), sizeX() }, DataType.FLOAT32,
				out), vs, truth);
	}

	/** Whether a particle's centre (Angstrom, tomogram coordinates) lies in the region's voxels. */
	public boolean contains(Particle p, double voxelSizeAngstrom) {
		double z = p.z() / voxelSizeAngstrom, y = p.y() / voxelSizeAngstrom, x = p.x() / voxelSizeAngstrom;
		return z >= z0 - 0.5 && z < z1 - 0.5 && y >= y0 - 0.5 && y < y1 - 0.5 && x >= x0 - 0.5 && x < x1 - 0.5;
	}

	@Override
	public String toString() {
		return "z " + z0 + ".." + z1 + ", y " + y0 + ".." + y1 + ", x " + x0 + ".." + x1;
	}
}
