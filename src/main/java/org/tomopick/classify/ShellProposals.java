package org.tomopick.classify;

import java.util.List;

import org.tomopick.fuse.FusedParticle;
import org.tomopick.grid.SpectralWhitening;
import org.tomopick.grid.WorkingGrid;
import org.tomopick.model.ParticleClass;

/**
 * Proposals for the centres of hollow shells (apo-ferritin: protein between about two thirds of its radius and its
 * radius, {@link BlobProposals#CAVITY_FRACTION}) from a matched filter: the working grid is correlated with a
 * uniform shell of that size, band-passed as the grid was ({@link SpectralWhitening#correlateBandPassed}); protein is
 * dark, so a shell's centre is a deep minimum of the correlation, and the strongest minima become proposals
 * ({@link BlobProposals#strongestMinima}). The shell is a model, not a map: no training domain and no density map
 * is needed. The whole shell counts, so at a low signal-to-noise ratio it finds centres that the bright-cavity
 * difference of Gaussians ({@link BlobProposals#cavities}) loses to noise: on the project's own harsher validation
 * tomograms it reaches 37 of 41 apo-ferritins within the first 600 minima where the cavities reach 11. An option
 * of {@code train-classifier} ({@code --shell-filter}, added to the cavities): a forest fitted with it scored no
 * better on the validation tomograms (see models/classifier.md), so the default classifier is made without it.
 */
public final class ShellProposals {

	/** At most this many shell proposals per tomogram, deepest first. */
	static final int MAX_SHELLS = BlobProposals.MAX_PER_SCALE;
	/** Sub-samples per voxel and axis when the shell is drawn (its partial-volume edges). */
	private static final int SUBSAMPLES = 4;

	private ShellProposals() {
	}

	/** The centres of hollow shells of {@code shellClass}'s radius in {@code tomogram}'s working grid. */
	public static List<FusedParticle> find(TomogramSampler tomogram, ParticleClass shellClass) {
		WorkingGrid grid = tomogram.grid();
		int[] shape = { grid.sizeZ(), grid.sizeY(), grid.sizeX() };
		if (shape[0] < 3 || shape[1] < 3 || shape[2] < 3)
			return List.of();
		double outer = shellClass.radiusAngstrom() / grid.voxelAngstrom();
		float[] kernel = shellKernel(shape, outer, BlobProposals.CAVITY_FRACTION * outer);
		float[] response = SpectralWhitening.correlateBandPassed(grid.data(), shape, kernel, grid.voxelAngstrom());
		return BlobProposals.strongestMinima(response, grid, shellClass, MAX_SHELLS);
	}

	/**
	 * A uniform shell between radii {@code inner} and {@code outer} (voxels) centred on voxel (0, 0, 0) of a volume of
	 * {@code shape}, wrapped around: each voxel holds the fraction of its cube inside the shell.
	 */
	static float[] shellKernel(int[] shape, double outer, double inner) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		float[] k = new float[nz * ny * nx];
		int reach = (int) Math.ceil(outer + 1);
		for (int dz = -reach; dz <= reach; dz++)
			for (int dy = -reach; dy <= reach; dy++)
				for (int dx = -reach; dx <= reach; dx++) {
					double inside = 0;
					for (int a = 0; a < SUBSAMPLES; a++)
						for (int b = 0; b < SUBSAMPLES; b++)
							for (int c = 0; c < SUBSAMPLES; c++) {
								double z = dz + (a + 0.5) / SUBSAMPLES - 0.5, y = dy + (b + 0.5) / SUBSAMPLES - 0.5,
										x = dx + (c + 0.5) / SUBSAMPLES - 0.5;
								double r = Math.sqrt(z * z + y * y + x * x);
								if (r >= inner && r <= outer)
									inside++;
							}
					if (inside > 0)
						k[(Math.floorMod(dz, nz) * ny + Math.floorMod(dy, ny)) * nx + Math.floorMod(dx, nx)] +=
								(float) (inside / (SUBSAMPLES * SUBSAMPLES * SUBSAMPLES));
				}
		return k;
	}
}
