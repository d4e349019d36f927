package org.tomopick.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tomopick.fuse.FusedParticle;
import org.tomopick.grid.Normalisation;
import org.tomopick.grid.WorkingGrid;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;

class BlobProposalsTest {

	private static final ParticleClass APO = ParticleCatalog.czii().get("apo-ferritin"); // 60 A

	/**
	 * Hollow dark shells (40-60 A, like apo-ferritin) in noise at 10 A voxels: a touching pair (120 A apart) and a
	 * lone one, centres off the voxel grid.
	 */
	private static final double[][] CENTRES = { { 300.0, 300.0, 400.0 }, { 420.0, 300.0, 400.0 },
			{ 650.4, 655.7, 385.2 } };

	private static DenseVolume shells() {
		return HollowShells.inNoise(new int[] { 80, 96, 96 }, CENTRES, 2, 0.4, 11);
	}

	/** What picking gives the proposals: the 20 A working grid, whitened. */
	private static TomogramSampler onWorkingGrid(DenseVolume v) {
		return new TomogramSampler(WorkingGrid.prepare(v, 10, 20, Normalisation.WHITENED));
	}

	@Test
	void darkBlobsOfEachClassSizeAreProposedWithThatClass() {
		// solid dense balls of 90 A (beta-galactosidase's radius) and 60 A (apo-ferritin's) in noise, 10 A voxels
		double[][] balls = { { 300, 300, 300, 90 }, { 650, 640, 330, 60 } };
		int nz = 64, ny = 96, nx = 96;
		float[] v = new float[nz * ny * nx];
		Random random = new Random(5);
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					double value = 0.5 * random.nextGaussian();
					for (double[] b : balls)
						if (Math.pow(x * 10 - b[0], 2) + Math.pow(y * 10 - b[1], 2) + Math.pow(z * 10 - b[2], 2) <= b[3]
								* b[3])
							value -= 1;
					v[(z * ny + y) * nx + x] = (float) value;
				}
		ParticleCatalog czii = ParticleCatalog.czii();
		List<FusedParticle> blobs = BlobProposals.darkBlobs(onWorkingGrid(DenseVolume.ofFloats(new int[] { nz, ny,
				nx }, v)), czii);
		for (double[] b : balls) {
			String expected = b[3] == 90 ? "beta-galactosidase" : "apo-ferritin";
			boolean found = blobs.stream().anyMatch(p -> p.type().name().equals(expected) && Math.sqrt(Math.pow(p.x()
					- b[0], 2) + Math.pow(p.y() - b[1], 2) + Math.pow(p.z() - b[2], 2)) < 0.5 * b[3]);
			assertTrue(found, "a " + expected + " proposal within half its radius of " + java.util.Arrays.toString(b));
		}
	}

	@Test
	void findsTheCavityOfEveryShellEvenWhenTwoTouch() {
		List<FusedParticle> cavities = BlobProposals.cavities(onWorkingGrid(shells()), APO);
		for (double[] c : CENTRES) {
			double best = Double.POSITIVE_INFINITY;
			for (FusedParticle p : cavities)
				best = Math.min(best, Math.sqrt(Math.pow(p.x() - c[0], 2) + Math.pow(p.y() - c[1], 2)
						+ Math.pow(p.z() - c[2], 2)));
			assertTrue(best < 10, "a cavity proposal within 10 A of the shell at " + java.util.Arrays.toString(c)
					+ ", nearest " + best);
		}
		// the three cavities are the strongest proposals (the list is strongest first); the rest is noise
		for (FusedParticle p : cavities.subList(0, 3)) {
			double best = Double.POSITIVE_INFINITY;
			for (double[] c : CENTRES)
				best = Math.min(best, Math.sqrt(Math.pow(p.x() - c[0], 2) + Math.pow(p.y() - c[1], 2)
						+ Math.pow(p.z() - c[2], 2)));
			assertTrue(best < 10, "one of the three strongest is not at a cavity: " + p);
		}
		for (FusedParticle p : cavities) {
			assertEquals(APO, p.type());
			assertEquals(BlobProposals.SUPPORT, p.support(), 0);
		}
	}

	@Test
	void parabolaFindsTheVertex() {
		// samples of (t - 0.3)^2 at t = -1, 0, 1
		assertEquals(0.3, BlobProposals.parabola(1.69, 0.09, 0.49), 1e-12);
		assertEquals(0, BlobProposals.parabola(1, 1, 1), 0);
		assertEquals(0.5, BlobProposals.parabola(5, 0, -4), 0, "clamped");
	}

	@Test
	void gaussianBlurKeepsTheSumAndSpreadsAnImpulseAsAGaussian() {
		int n = 21;
		float[] v = new float[n * n * n];
		v[(10 * n + 10) * n + 10] = 1;
		float[] b = GaussianBlur.blur(v, new int[] { n, n, n }, 1.5);
		double sum = 0;
		for (float f : b)
			sum += f;
		assertEquals(1, sum, 1e-5);
		double centre = b[(10 * n + 10) * n + 10], oneOff = b[(10 * n + 10) * n + 11];
		assertEquals(Math.exp(-0.5 / (1.5 * 1.5)), oneOff / centre, 1e-3);
		assertEquals(b[(11 * n + 10) * n + 10], b[(10 * n + 11) * n + 10], 1e-9, "isotropic");
	}
}
