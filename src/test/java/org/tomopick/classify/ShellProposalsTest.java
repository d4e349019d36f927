package org.tomopick.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.fuse.FusedParticle;
import org.tomopick.grid.Normalisation;
import org.tomopick.grid.WorkingGrid;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;

class ShellProposalsTest {

	private static final ParticleClass APO = ParticleCatalog.czii().get("apo-ferritin"); // 60 A

	/** Hollow dark shells (40-60 A) at 10 A voxels: a touching pair and two lone ones, centres off the grid. */
	private static final double[][] CENTRES = { { 300.0, 300.0, 400.0 }, { 420.0, 300.0, 400.0 },
			{ 650.4, 655.7, 385.2 }, { 205.3, 690.0, 260.9 } };

	private static TomogramSampler shellsInNoise(double noise, long seed) {
		return new TomogramSampler(WorkingGrid.prepare(HollowShells.inNoise(new int[] { 64, 96, 96 }, CENTRES, 1,
				noise, seed), HollowShells.VOXEL_ANGSTROM, 20, Normalisation.WHITENED));
	}

	/** How many shells have a proposal within a quarter of the radius among the first {@code first} proposals. */
	private static int shellsFound(List<FusedParticle> proposals, int first) {
		int found = 0;
		for (double[] c : CENTRES)
			if (proposals.stream().limit(first).anyMatch(p -> Math.sqrt(Math.pow(p.x() - c[0], 2) + Math.pow(p.y()
					- c[1], 2) + Math.pow(p.z() - c[2], 2)) < 0.25 * APO.radiusAngstrom()))
				found++;
		return found;
	}

	@Test
	void findsEveryShellAmongTheStrongestProposals() {
		List<FusedParticle> shells = ShellProposals.find(shellsInNoise(1.0, 3), APO);
		assertEquals(CENTRES.length, shellsFound(shells, CENTRES.length),
				"the strongest proposals are the shells' centres: " + shells.subList(0, Math.min(6, shells.size())));
		for (FusedParticle p : shells) {
			assertEquals(APO, p.type());
			assertEquals(BlobProposals.SUPPORT, p.support(), 0);
		}
	}

	@Test
	void keepsFindingShellsInNoiseWhereTheBrightCavitiesAreLost() {
		// noise three times the shells' contrast: the whole shell still adds up, the small cavity does not
		int shellHits = 0, cavityHits = 0;
		for (long seed = 1; seed <= 3; seed++) {
			TomogramSampler t = shellsInNoise(3.0, seed);
			shellHits += shellsFound(ShellProposals.find(t, APO), 20);
			cavityHits += shellsFound(BlobProposals.cavities(t, APO), 20);
		}
		assertTrue(shellHits >= 3 * CENTRES.length - 2 && shellHits > cavityHits, "shell filter " + shellHits
				+ " of " + 3 * CENTRES.length + " within the first 20 proposals, bright cavities " + cavityHits);
	}

	@Test
	void theShellKernelHoldsTheShellsVolumeAroundTheOrigin() {
		int[] shape = { 16, 20, 24 };
		double outer = 3, inner = 2;
		float[] k = ShellProposals.shellKernel(shape, outer, inner);
		double sum = 0;
		for (float f : k)
			sum += f;
		assertEquals(4.0 / 3 * Math.PI * (outer * outer * outer - inner * inner * inner), sum, 0.03 * sum);
		assertEquals(0, k[0], 0, "the centre is hollow");
		// symmetric about the origin, wrapped: (0, 0, 3) and (0, 0, -3) hold the same
		assertEquals(k[3], k[24 - 3], 1e-6);
		assertTrue(k[3] > 0.3, "the shell passes through (0, 0, 3): " + k[3]);
	}
}
