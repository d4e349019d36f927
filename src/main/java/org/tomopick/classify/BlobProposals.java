package org.tomopick.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.tomopick.fuse.FusedParticle;
import org.tomopick.model.ParticleClass;

/**
 * Proposals for small particles that the branches, working at 20 Å, can miss (apo-ferritin is three 20 Å voxels in
 * radius, and in the CZII layouts it often packs into touching aggregates): blobs of one size found with a
 * difference of Gaussians. The normalised tomogram is block-averaged to about {@value #WORKING_ANGSTROM} Å, smoothed
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

	static final double WORKING_ANGSTROM = 20;
	static final double MIN_SIGMAS = 2.5;
	static final int MAX_BLOBS = 2000;
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
		double vs = tomogram.voxelSizeAngstrom();
		int factor = (int) Math.max(1, Math.round(WORKING_ANGSTROM / vs));
		double binnedVs = vs * factor;
		int[] shape = tomogram.shape();
		int nz = shape[0] / factor, ny = shape[1] / factor, nx = shape[2] / factor;
		if (nz < 3 || ny < 3 || nx < 3)
			return List.of();
		float[] binned = new float[nz * ny * nx];
		IntStream.range(0, nz).parallel().forEach(z -> {
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					double sum = 0;
					for (int dz = 0; dz < factor; dz++)
						for (int dy = 0; dy < factor; dy++)
							for (int dx = 0; dx < factor; dx++)
								sum += tomogram.voxel(z * factor + dz, y * factor + dy, x * factor + dx);
					binned[(z * ny + y) * nx + x] = (float) (sum / (factor * factor * factor));
				}
		});
		double sigma = radiusAngstrom / Math.sqrt(3) / binnedVs;
		int[] s = { nz, ny, nx };
		float[] small = GaussianBlur.blur(binned, s, 0.8 * sigma);
		float[] large = GaussianBlur.blur(binned, s, 1.25 * sigma);
		for (int i = 0; i < small.length; i++)
			small[i] = dark ? small[i] - large[i] : large[i] - small[i];
		float[] dog = small;
		double threshold = -MIN_SIGMAS * TomogramSampler.robustScale(dog); // the extrema sought are minima of dog
		double offset = (factor - 1) / 2.0; // a block's centre in original voxels
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
					minima.add(new double[] { v, (fx * factor + offset) * vs, (fy * factor + offset) * vs,
							(fz * factor + offset) * vs });
				}
		minima.sort(Comparator.comparingDouble(m -> m[0]));
		List<FusedParticle> out = new ArrayList<>();
		for (int k = 0; k < Math.min(MAX_BLOBS, minima.size()); k++) {
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
