package org.tomopick.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tomopick.fuse.FusedParticle;
import org.tomopick.grid.Normalisation;
import org.tomopick.grid.WorkingGrid;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;

/**
 * Proposals for small particles that the branches, working at 20 Å, can miss (apo-ferritin is three 20 Å voxels in
 * radius, and in the CZII layouts it often packs into touching aggregates): blobs of one size found with a
 * difference of Gaussians. The working grid (20 Å, normalised as the branches see it) is smoothed
 * with Gaussians of sigma r / sqrt(3) x 0.8 and x 1.25 (the pair approximates a Laplacian of Gaussian tuned to blobs
 * of radius r), and every local extremum of the difference (26 neighbours) beyond {@value #MIN_SIGMAS} robust
 * standard deviations becomes a proposal at its sub-voxel position (a parabola through the neighbours on each axis),
 * at most {@value #MAX_BLOBS}, strongest first. Dark blobs are protein (darker than the ice, as in weighted
 * back-projection and the CZII tomograms); bright blobs of {@link #CAVITY_FRACTION} of a radius are the hollow
 * inside of a protein shell, which marks the centre of an apo-ferritin even where its neighbours touch it (its
 * dark shell does not). The proposals carry a class as a hint and a support below any branch cluster's, so that
 * {@link Proposals} keeps a branch proposal where both lie on one object; the classifier decides what they are.
 */
public final class BlobProposals {

	static final double MIN_SIGMAS = 2.5;
	static final int MAX_BLOBS = 2000;
	static final int MAX_PER_SCALE = 600;
	/** The support of a blob proposal: below the branches' (their candidates pass a threshold of at least 0.1). */
	static final double SUPPORT = 0.01;

	private BlobProposals() {
	}

	/** The cavity of a shell of radius r has about this radius (apo-ferritin: 40 of 60 Å). */
	public static final double CAVITY_FRACTION = 2.0 / 3;

	/** Bright blobs of {@link #CAVITY_FRACTION} x the radius of {@code shellClass}: proposed centres of hollow shells. */
	public static List<FusedParticle> cavities(TomogramSampler tomogram, ParticleClass shellClass) {
		return find(tomogram, shellClass, CAVITY_FRACTION * shellClass.radiusAngstrom(), false);
	}

	/**
	 * Blobs of radius {@code radiusAngstrom}, dark ones (protein) or bright ones (the hollow inside of a shell such as
	 * apo-ferritin's), proposed as {@code hint}.
	 */
	public static List<FusedParticle> find(TomogramSampler tomogram, ParticleClass hint, double radiusAngstrom,
			boolean dark) {
		return find(tomogram, hint, radiusAngstrom, dark, MAX_BLOBS);
	}

	/**
	 * Dark blobs the size of each class (protein denser than the ice), at most {@value #MAX_PER_SCALE} per size, as
	 * proposals of that class: a candidate source that needs no training, for particles that the branches miss on
	 * data unlike their training data. Classes whose radii are within 10% of an earlier class's share its search.
	 */
	public static List<FusedParticle> darkBlobs(TomogramSampler tomogram, ParticleCatalog catalog) {
		List<FusedParticle> out = new ArrayList<>();
		List<Double> done = new ArrayList<>();
		for (ParticleClass c : catalog.classes()) {
			double r = c.radiusAngstrom();
			if (done.stream().anyMatch(d -> Math.abs(d - r) <= 0.1 * d))
				continue;
			done.add(r);
			out.addAll(find(tomogram, c, r, true, MAX_PER_SCALE));
		}
		return out;
	}

	private static List<FusedParticle> find(TomogramSampler tomogram, ParticleClass hint, double radiusAngstrom,
			boolean dark, int max) {
		WorkingGrid grid = tomogram.grid();
		int nz = grid.sizeZ(), ny = grid.sizeY(), nx = grid.sizeX();
		if (nz < 3 || ny < 3 || nx < 3)
			return List.of();
		float[] binned = grid.data();
		double binnedVs = grid.voxelAngstrom();
		double sigma = radiusAngstrom / Math.sqrt(3) / binnedVs;
		int[] s = { nz, ny, nx };
		float[] small = GaussianBlur.blur(binned, s, 0.8 * sigma);
		float[] large = GaussianBlur.blur(binned, s, 1.25 * sigma);
		for (int i = 0; i < small.length; i++)
			small[i] = dark ? small[i] - large[i] : large[i] - small[i];
		return strongestMinima(small, grid, hint, max);
	}

	/**
	 * The local minima (26 neighbours) of a filter response on {@code grid} that lie beyond {@value #MIN_SIGMAS}
	 * robust standard deviations below zero, at their sub-voxel positions, at most {@code max}, deepest first, as
	 * proposals of {@code hint}.
	 */
	static List<FusedParticle> strongestMinima(float[] response, WorkingGrid grid, ParticleClass hint, int max) {
		int nz = grid.sizeZ(), ny = grid.sizeY(), nx = grid.sizeX();
		int[] s = { nz, ny, nx };
		float[] dog = response;
		double threshold = -MIN_SIGMAS * Normalisation.robustScale(dog); // the extrema sought are minima
		List<double[]> minima = new ArrayList<>(); // {value, x, y, z} in Angstrom
		for (int z = 1; z < nz - 1; z++)
			for (int y = 1; y < ny - 1; y++)
				for (int x = 1; x < nx - 1; x++) {
					int i = (z * ny + y) * nx + x;
					float v = dog[i];
					if (v >= threshold || !isMinimum(dog, s, z, y, x))
						continue;
					double fx = x + parabola(dog[i - 1], v, dog[i + 1]);
					double fy = y + parabola(dog[i - nx], v, dog[i + nx]);
					double fz = z + parabola(dog[i - nx * ny], v, dog[i + nx * ny]);
					minima.add(new double[] { v, grid.toAngstrom(fx), grid.toAngstrom(fy), grid.toAngstrom(fz) });
				}
		minima.sort(Comparator.comparingDouble(m -> m[0]));
		List<FusedParticle> out = new ArrayList<>();
		for (int k = 0; k < Math.min(max, minima.size()); k++) {
			double[] m = minima.get(k);
			out.add(new FusedParticle(hint, m[1], m[2], m[3], 0, SUPPORT, 0, 0));
		}
		return out;
	}

	private static boolean isMinimum(float[] v, int[] s, int z, int y, int x) {
		int ny = s[1], nx = s[2];
		float c = v[(z * ny + y) * nx + x];
		for (int dz = -1; dz <= 1; dz++)
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					if (dz == 0 && dy == 0 && dx == 0)
						continue;
					float n = v[((z + dz) * ny + y + dy) * nx + x + dx];
					// ties: only the first voxel of a plateau in scan order counts
					if (n < c || n == c && (dz < 0 || dz == 0 && (dy < 0 || dy == 0 && dx < 0)))
						return false;
				}
		return true;
	}

	/** Sub-voxel offset of the extremum of a parabola through three samples, within +-0.5. */
	static double parabola(double before, double at, double after) {
		double curvature = before - 2 * at + after;
		if (curvature == 0)
			return 0;
		return Math.max(-0.5, Math.min(0.5, 0.5 * (before - after) / curvature));
	}
}
