package org.tomopick.sim;

import org.tomopick.progress.Progress;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the Coulomb potential of the specimen (volts, float32, z-y-x order): the ice slab with its soft surfaces
 * and lateral gradient, plus every stamp (particles, distractors, crowders) added on top. Slices are filled in
 * parallel; within a slice stamps are added in list order.
 */
final class PotentialBuilder {

	private PotentialBuilder() {
	}

	static float[] build(SimulationSettings settings, IceSlab slab, List<Stamp> stamps, Progress progress) {
		int nz = settings.sizeZ(), ny = settings.sizeY(), nx = settings.sizeX();
		float[] volume = new float[nz * ny * nx];
		double vs = settings.voxelSizeAngstrom();
		double ice = settings.sample().icePotentialVolts();
		BatchRunner.run("placement", nz, 8, progress, z -> {
			List<Stamp> here = new ArrayList<>();
			for (Stamp s : stamps)
				if (s.touchesSlice(z))
					here.add(s);
			if (ice > 0)
				fillIce(volume, slab, z, ny, nx, vs, ice);
			for (Stamp s : here)
				s.paintSlice(volume, z, ny, nx);
		});
		return volume;
	}

	private static void fillIce(float[] volume, IceSlab slab, int z, int ny, int nx, double vs, double ice) {
		for (int y = 0; y < ny; y++) {
			int row = (z * ny + y) * nx;
			for (int x = 0; x < nx; x++) {
				double ax = x * vs, ay = y * vs;
				volume[row + x] = (float) (ice * slab.gradientFactor(ax, ay) * slab.iceFraction(ax, ay, z * vs));
			}
		}
	}
}
