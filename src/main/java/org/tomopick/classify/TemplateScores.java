package org.tomopick.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.tomopick.fuse.FusedParticle;
import org.tomopick.grid.SpectralWhitening;
import org.tomopick.sim.RandomRotations;

/**
 * Template matching at the proposals: the physics-based evidence that needs no training domain. For each particle
 * class with a density map, the map (at the working voxel size, {@link WorkingMap}) is turned into {@value #ROTATIONS}
 * rotated copies (a fixed, seeded set of rotations uniform over SO(3)), each band-passed exactly as the working grid
 * is ({@link SpectralWhitening#bandPass}), cut to a sphere around the centre a working voxel wider than the map's
 * support, made zero-mean and unit-norm there and negated (protein is dark in the tomograms). At a proposal the working
 * grid is read at the same offsets (trilinear, from the proposal's sub-voxel centre) and correlated with every copy:
 * the normalised cross-correlation (NCC, -1..1) is the dot product over the norm of the grid's values about their mean
 * in the sphere. Three features per class (0 for a class without a map):
 * <ul>
 * <li>{@code tm_best_<class>}: the largest NCC over the rotations;</li>
 * <li>{@code tm_mean_<class>}: the mean NCC over the rotations (a rotation-averaged matched filter);</li>
 * <li>{@code tm_z_<class>}: the largest NCC as a robust z-score among all proposals of the tomogram ((v - median) /
 * (1.4826 MAD)); most proposals are background, so this says how far the point stands out from this tomogram's
 * background, whatever its noise level.</li>
 * </ul>
 * The correlation only at the proposals (a few thousand per tomogram) rather than everywhere keeps the cost to seconds.
 */
public final class TemplateScores {

	public static final int ROTATIONS = 120;
	public static final long ROTATION_SEED = 20261207L;
	private static final int PER_CLASS = 3;

	/** A density map at the working voxel size: a cube of side {@code n}, centre at (n-1)/2, positive = protein. */
	public record WorkingMap(int n, float[] data) {
		public WorkingMap {
			if (n < 3 || n > 64 || data.length != n * n * n)
				throw new IllegalArgumentException("a template map must be a cube of 3 to 64 voxels, was " + n
						+ " with " + data.length + " values");
			for (float v : data)
				if (!Float.isFinite(v))
					throw new IllegalArgumentException("a template map holds a value that is not finite");
		}

		/**
		 * The map of a density (any voxel size, centre at (n-1)/2 of its box) at the working voxel size: each working
		 * voxel the mean of the density over its cube (sampled 4 x 4 x 4 times, trilinear), the cube just large enough
		 * for the density's support (values above 1% of its largest).
		 */
		public static WorkingMap of(float[] density, int[] shape, double voxelAngstrom, double workingAngstrom) {
			double cz = (shape[0] - 1) / 2.0, cy = (shape[1] - 1) / 2.0, cx = (shape[2] - 1) / 2.0;
			double supportAngstrom = supportRadius(density, shape) * voxelAngstrom;
			int n = Math.min(64, 2 * (int) Math.ceil(supportAngstrom / workingAngstrom) + 3);
			float[] out = new float[n * n * n];
			double c = (n - 1) / 2.0, ratio = workingAngstrom / voxelAngstrom;
			int s = 4;
			for (int z = 0, i = 0; z < n; z++)
				for (int y = 0; y < n; y++)
					for (int x = 0; x < n; x++, i++) {
						double sum = 0;
						for (int a = 0; a < s; a++)
							for (int b = 0; b < s; b++)
								for (int d = 0; d < s; d++)
									sum += trilinear(density, shape, cz + (z - c + (a + 0.5) / s - 0.5) * ratio,
											cy + (y - c + (b + 0.5) / s - 0.5) * ratio,
											cx + (x - c + (d + 0.5) / s - 0.5) * ratio);
						out[i] = (float) (sum / (s * s * s));
					}
			return new WorkingMap(n, out);
		}
	}

	/** One class's rotated copies at the sphere's offsets (working voxels from the centre). */
	private record Bank(float[] dx, float[] dy, float[] dz, float[][] copies) {
	}

	private final List<String> classNames;
	private final Map<String, WorkingMap> maps;
	private final Bank[] banks; // catalog order; null where a class has no map
	private final double workingAngstrom;

	/**
	 * @param classNames the catalog's classes, in order
	 * @param maps       class name -> its map at {@code workingAngstrom} (classes without one score 0)
	 */
	public TemplateScores(List<String> classNames, Map<String, WorkingMap> maps, double workingAngstrom) {
		if (!(workingAngstrom > 0) || Double.isInfinite(workingAngstrom))
			throw new IllegalArgumentException("template scores: working voxel size must be > 0 A");
		for (String name : maps.keySet())
			if (!classNames.contains(name))
				throw new IllegalArgumentException("template scores: a map of '" + name + "', which is not a class");
		this.classNames = List.copyOf(classNames);
		this.maps = new LinkedHashMap<>();
		for (String name : classNames)
			if (maps.containsKey(name))
				this.maps.put(name, maps.get(name));
		this.workingAngstrom = workingAngstrom;
		double[][] rotations = rotations();
		this.banks = new Bank[classNames.size()];
		IntStream.range(0, banks.length).parallel().forEach(c -> {
			WorkingMap map = maps.get(classNames.get(c));
			banks[c] = map == null ? null : bank(map, rotations, workingAngstrom);
		});
	}

	public List<String> names() {
		List<String> names = new ArrayList<>();
		for (String c : classNames) {
			names.add("tm_best_" + c);
			names.add("tm_mean_" + c);
			names.add("tm_z_" + c);
		}
		return names;
	}

	public int size() {
		return PER_CLASS * classNames.size();
	}

	/** The maps, in catalog order (what a classifier file stores). */
	public Map<String, WorkingMap> maps() {
		return java.util.Collections.unmodifiableMap(maps);
	}

	public double workingAngstrom() {
		return workingAngstrom;
	}

	/** The features of every proposal (rows in the proposals' order), computed in parallel. */
	public double[][] score(TomogramSampler tomogram, List<FusedParticle> proposals) {
		int n = proposals.size();
		double[][] rows = new double[n][size()];
		IntStream.range(0, n).parallel().forEach(i -> {
			FusedParticle p = proposals.get(i);
			for (int c = 0; c < banks.length; c++)
				if (banks[c] != null)
					correlate(banks[c], tomogram, p.x(), p.y(), p.z(), rows[i], PER_CLASS * c);
		});
		for (int c = 0; c < banks.length; c++) {
			if (banks[c] == null || n == 0)
				continue;
			float[] best = new float[n];
			for (int i = 0; i < n; i++)
				best[i] = (float) rows[i][PER_CLASS * c];
			double[] medianSpread = org.tomopick.grid.Normalisation.medianAndMad(best.clone());
			for (int i = 0; i < n; i++)
				rows[i][PER_CLASS * c + 2] = medianSpread[1] > 0 ? (best[i] - medianSpread[0]) / medianSpread[1] : 0;
		}
		return rows;
	}

	private void correlate(Bank bank, TomogramSampler tomogram, double x, double y, double z, double[] out, int at) {
		int v = bank.dx.length;
		float[] values = new float[v];
		double sum = 0;
		double step = tomogram.voxelSizeAngstrom();
		for (int k = 0; k < v; k++) {
			float value = (float) tomogram.at(x + bank.dx[k] * step, y + bank.dy[k] * step, z + bank.dz[k] * step);
			values[k] = value;
			sum += value;
		}
		double mean = sum / v, norm2 = 0;
		for (int k = 0; k < v; k++) {
			values[k] -= (float) mean;
			norm2 += (double) values[k] * values[k];
		}
		if (!(norm2 > 0))
			return;
		double inverse = 1 / Math.sqrt(norm2), best = -1, total = 0;
		for (float[] copy : bank.copies) {
			double ncc = dot(copy, values) * inverse;
			best = Math.max(best, ncc);
			total += ncc;
		}
		out[at] = best;
		out[at + 1] = total / bank.copies.length;
	}

	private static double dot(float[] a, float[] b) {
		float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
		int n = a.length, k = 0;
		for (; k + 3 < n; k += 4) {
			s0 += a[k] * b[k];
			s1 += a[k + 1] * b[k + 1];
			s2 += a[k + 2] * b[k + 2];
			s3 += a[k + 3] * b[k + 3];
		}
		for (; k < n; k++)
			s0 += a[k] * b[k];
		return (double) s0 + s1 + s2 + s3;
	}

	/** The fixed rotations (row-major 3x3), uniform over SO(3) from {@link #ROTATION_SEED}. */
	static double[][] rotations() {
		SplittableRandom random = new SplittableRandom(ROTATION_SEED);
		double[][] r = new double[ROTATIONS][];
		for (int i = 0; i < ROTATIONS; i++)
			r[i] = RandomRotations.uniform(random);
		return r;
	}

	/** The rotated, band-passed, masked and normalised copies of one map. */
	private static Bank bank(WorkingMap map, double[][] rotations, double workingAngstrom) {
		int n = map.n();
		double c = (n - 1) / 2.0;
		double radius = supportRadius(map.data(), new int[] { n, n, n });
		List<int[]> inside = new ArrayList<>();
		int half = (int) Math.ceil(radius);
		for (int z = -half; z <= half; z++)
			for (int y = -half; y <= half; y++)
				for (int x = -half; x <= half; x++)
					if (x * x + y * y + z * z <= radius * radius)
						inside.add(new int[] { z, y, x });
		int v = inside.size();
		float[] dx = new float[v], dy = new float[v], dz = new float[v];
		for (int k = 0; k < v; k++) {
			dz[k] = inside.get(k)[0];
			dy[k] = inside.get(k)[1];
			dx[k] = inside.get(k)[2];
		}
		int box = 2 * half + 1, padded = 2 * (box / 2 + 5);
		float[][] copies = new float[rotations.length][];
		int[] shape = { n, n, n };
		for (int r = 0; r < rotations.length; r++) {
			double[] m = rotations[r];
			float[] rotated = new float[padded * padded * padded];
			int o = padded / 2;
			double pc = o;
			int s = 2;
			for (int z = 0, i = 0; z < padded; z++)
				for (int y = 0; y < padded; y++)
					for (int x = 0; x < padded; x++, i++) {
						double sum = 0;
						for (int a = 0; a < s; a++)
							for (int b = 0; b < s; b++)
								for (int d = 0; d < s; d++) {
									double oz = z - pc + (a + 0.5) / s - 0.5, oy = y - pc + (b + 0.5) / s - 0.5,
											ox = x - pc + (d + 0.5) / s - 0.5;
									// the inverse rotation (the transpose) maps the copy's voxel into the map
									double mx = m[0] * ox + m[3] * oy + m[6] * oz;
									double my = m[1] * ox + m[4] * oy + m[7] * oz;
									double mz = m[2] * ox + m[5] * oy + m[8] * oz;
									sum += trilinear(map.data(), shape, c + mz, c + my, c + mx);
								}
						rotated[i] = (float) (sum / (s * s * s));
					}
			SpectralWhitening.bandPassInPlace(rotated, new int[] { padded, padded, padded }, workingAngstrom);
			float[] copy = new float[v];
			double mean = 0;
			for (int k = 0; k < v; k++) {
				copy[k] = -rotated[((o + (int) dz[k]) * padded + o + (int) dy[k]) * padded + o + (int) dx[k]];
				mean += copy[k];
			}
			mean /= v;
			double norm2 = 0;
			for (int k = 0; k < v; k++) {
				copy[k] -= (float) mean;
				norm2 += (double) copy[k] * copy[k];
			}
			float scale = norm2 > 0 ? (float) (1 / Math.sqrt(norm2)) : 0;
			for (int k = 0; k < v; k++)
				copy[k] *= scale;
			copies[r] = copy;
		}
		return new Bank(dx, dy, dz, copies);
	}

	/**
	 * One voxel more than the distance from the box's centre ((n-1)/2 per axis) to the farthest voxel above 1% of the
	 * largest absolute value: the radius, in voxels, outside which a map is negligible.
	 */
	private static double supportRadius(float[] v, int[] shape) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		double max = 0, r2 = 0;
		for (float x : v)
			max = Math.max(max, Math.abs(x));
		double cz = (nz - 1) / 2.0, cy = (ny - 1) / 2.0, cx = (nx - 1) / 2.0;
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					if (Math.abs(v[i]) > 0.01 * max)
						r2 = Math.max(r2, (z - cz) * (z - cz) + (y - cy) * (y - cy) + (x - cx) * (x - cx));
		return Math.sqrt(r2) + 1;
	}

	/** Trilinear value at voxel coordinates (z, y, x) of a volume; 0 outside. */
	private static double trilinear(float[] v, int[] shape, double z, double y, double x) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		if (!(x >= 0 && y >= 0 && z >= 0 && x <= nx - 1 && y <= ny - 1 && z <= nz - 1))
			return 0;
		int x0 = Math.min((int) x, nx - 2), y0 = Math.min((int) y, ny - 2), z0 = Math.min((int) z, nz - 2);
		double tx = x - x0, ty = y - y0, tz = z - z0;
		double sum = 0;
		for (int a = 0; a <= 1; a++)
			for (int b = 0; b <= 1; b++)
				for (int d = 0; d <= 1; d++)
					sum += (a == 0 ? 1 - tz : tz) * (b == 0 ? 1 - ty : ty) * (d == 0 ? 1 - tx : tx)
							* v[((z0 + a) * ny + y0 + b) * nx + x0 + d];
		return sum;
	}
}
