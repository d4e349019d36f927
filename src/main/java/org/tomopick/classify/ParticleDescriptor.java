package org.tomopick.classify;

import java.util.ArrayList;
import java.util.List;

import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.unet.ProbabilityMaps;

/**
 * The numbers the candidate classifier looks at for one proposed particle centre:
 * <ul>
 * <li>the radial density profile: for shells of radius 0, 10, ..., {@value #MAX_RADIUS_ANGSTROM} A, the mean and the
 * standard deviation over directions of the normalised tomogram ({@link TomogramSampler}); a shell of radius r is
 * sampled in about 4 pi (r / 10 A)^2 directions (at least 24, at most 1024) on a Fibonacci sphere. The mean says how
 * large and how dense the object is, the spread how far from round (lobes, a shell with holes, the missing
 * wedge's elongation);</li>
 * <li>the same mean over the equatorial directions only (within 30 degrees of the x-y plane), which the missing
 * wedge stretches least, so that the size along x-y is seen apart from the elongation along z;</li>
 * <li>the profile's shape: the shell means divided by their root mean square out to {@value #MAX_RADIUS_ANGSTROM} A,
 * and that root mean square itself. The means are in units of the tomogram's noise, so the same particle gives
 * larger means at a higher dose; its shape stays, which lets one forest serve tomograms of any signal-to-noise;</li>
 * <li>per class, the branches' evidence near the point ({@link BranchEvidence});</li>
 * <li>per class, the UNet's probability at the point (trilinear in its maps; 0 without maps);</li>
 * <li>with density maps of the classes, their template matching scores ({@link TemplateScores}; these need all of a
 * tomogram's proposals at once, so {@link ProposalClassifier#describe} adds them).</li>
 * </ul>
 * Rotation-invariant by construction, so no orientation needs learning. {@link #names()} lists the features in
 * order; a classifier file records them and refuses a descriptor that differs.
 */
public final class ParticleDescriptor {

	public static final int SHELL_STEP_ANGSTROM = 10;
	public static final int MAX_RADIUS_ANGSTROM = 200;
	private static final int SHELLS = MAX_RADIUS_ANGSTROM / SHELL_STEP_ANGSTROM + 1;
	/** sin 30 degrees: directions this close to the x-y plane are "equatorial". */
	private static final double EQUATOR_SIN = 0.5;

	private final ParticleCatalog catalog;
	private final double[][][] directions; // [shell][k] = unit vector
	private final TemplateScores templates;

	public ParticleDescriptor(ParticleCatalog catalog) {
		this(catalog, null);
	}

	/** @param templates the template matching scores to add, or null for none */
	public ParticleDescriptor(ParticleCatalog catalog, TemplateScores templates) {
		this.catalog = catalog;
		this.templates = templates;
		this.directions = new double[SHELLS][][];
		for (int s = 0; s < SHELLS; s++) {
			double rUnits = s; // radius in units of 10 A
			int n = s == 0 ? 1 : (int) Math.max(24, Math.min(1024, Math.round(4 * Math.PI * rUnits * rUnits)));
			directions[s] = fibonacciSphere(n);
		}
	}

	static double[][] fibonacciSphere(int n) {
		double[][] d = new double[n][];
		if (n == 1) {
			d[0] = new double[] { 0, 0, 0 };
			return d;
		}
		double golden = Math.PI * (3 - Math.sqrt(5));
		for (int k = 0; k < n; k++) {
			double z = 1 - 2 * (k + 0.5) / n;
			double r = Math.sqrt(1 - z * z);
			double phi = golden * k;
			d[k] = new double[] { r * Math.cos(phi), r * Math.sin(phi), z };
		}
		return d;
	}

	/** Feature names, in the order of {@link #describe}. */
	public List<String> names() {
		List<String> names = new ArrayList<>();
		for (int s = 0; s < SHELLS; s++)
			names.add("shell_mean_" + s * SHELL_STEP_ANGSTROM);
		for (int s = 0; s < SHELLS; s++)
			names.add("shell_sd_" + s * SHELL_STEP_ANGSTROM);
		for (int s = 0; s < SHELLS; s++)
			names.add("shell_equator_" + s * SHELL_STEP_ANGSTROM);
		for (int s = 0; s < SHELLS; s++)
			names.add("shell_shape_" + s * SHELL_STEP_ANGSTROM);
		names.add("shell_rms");
		for (ParticleClass c : catalog.classes()) {
			names.add("unet_best_" + c.name());
			names.add("yolo_best_" + c.name());
			names.add("yolo_count_" + c.name());
		}
		for (ParticleClass c : catalog.classes())
			names.add("unet_map_" + c.name());
		if (templates != null)
			names.addAll(templates.names());
		return names;
	}

	public int size() {
		return baseSize() + (templates == null ? 0 : templates.size());
	}

	/** The features {@link #describe} computes itself (all but the template scores, which follow them). */
	public int baseSize() {
		return 4 * SHELLS + 1 + 4 * catalog.size();
	}

	/** The template matching scores this descriptor adds, or null. */
	public TemplateScores templates() {
		return templates;
	}

	public ParticleCatalog catalog() {
		return catalog;
	}

	/**
	 * The features of a point (Angstrom), {@link #size()} of them, the template scores left 0. {@code maps} may be
	 * null (its features are then 0).
	 */
	public double[] describe(TomogramSampler tomogram, BranchEvidence evidence, ProbabilityMaps maps, double x,
			double y, double z) {
		double[] f = new double[size()];
		for (int s = 0; s < SHELLS; s++) {
			double r = s * SHELL_STEP_ANGSTROM;
			double sum = 0, sum2 = 0, equator = 0;
			int equatorCount = 0;
			for (double[] d : directions[s]) {
				double v = tomogram.at(x + r * d[0], y + r * d[1], z + r * d[2]);
				sum += v;
				sum2 += v * v;
				if (Math.abs(d[2]) <= EQUATOR_SIN) {
					equator += v;
					equatorCount++;
				}
			}
			int n = directions[s].length;
			double mean = sum / n;
			f[s] = mean;
			f[SHELLS + s] = Math.sqrt(Math.max(0, sum2 / n - mean * mean));
			f[2 * SHELLS + s] = equatorCount == 0 ? mean : equator / equatorCount;
		}
		double sumSquares = 0;
		for (int s = 0; s < SHELLS; s++)
			sumSquares += f[s] * f[s];
		double rms = Math.sqrt(sumSquares / SHELLS);
		for (int s = 0; s < SHELLS; s++)
			f[3 * SHELLS + s] = rms > 0 ? f[s] / rms : 0;
		f[4 * SHELLS] = rms;
		int offset = 4 * SHELLS + 1;
		evidence.write(x, y, z, f, offset);
		offset += 3 * catalog.size();
		if (maps != null)
			for (int c = 0; c < catalog.size(); c++) {
				int m = maps.classes().indexOf(catalog.classes().get(c));
				f[offset + c] = m < 0 ? 0 : mapValue(maps, m, x, y, z);
			}
		return f;
	}

	private static double mapValue(ProbabilityMaps maps, int m, double x, double y, double z) {
		int[] s = maps.shape();
		double fx = maps.geometry().voxelX(0, x), fy = maps.geometry().voxelY(0, y), fz = maps.geometry().voxelZ(0, z);
		int x0 = (int) Math.floor(fx), y0 = (int) Math.floor(fy), z0 = (int) Math.floor(fz);
		double tx = fx - x0, ty = fy - y0, tz = fz - z0;
		float[] map = maps.map(m);
		double sum = 0;
		for (int dz = 0; dz <= 1; dz++)
			for (int dy = 0; dy <= 1; dy++)
				for (int dx = 0; dx <= 1; dx++) {
					int zz = Math.min(s[0] - 1, Math.max(0, z0 + dz)), yy = Math.min(s[1] - 1, Math.max(0, y0 + dy)),
							xx = Math.min(s[2] - 1, Math.max(0, x0 + dx));
					double w = (dz == 0 ? 1 - tz : tz) * (dy == 0 ? 1 - ty : ty) * (dx == 0 ? 1 - tx : tx);
					sum += w * map[(zz * s[1] + yy) * s[2] + xx];
				}
		return sum;
	}
}
