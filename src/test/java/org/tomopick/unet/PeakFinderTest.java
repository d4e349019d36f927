package org.tomopick.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.model.Particle;
import org.tomopick.model.Provenance;
import org.tomopick.model.VoxelGeometry;

/** Candidates from hand-made probability maps land at the right centres in Angstrom. */
class PeakFinderTest {

	private static final int[] SHAPE = { 12, 20, 24 };

	/** A map with: a symmetric blob around voxel (5, 10, 12); a 2x2x2 plateau with its centre at (2.5, 3.5, 4.5);
	 * a weak blob (0.3) at (8, 15, 18); a single hot voxel (0.9) at (10, 2, 20). */
	private static float[] map() {
		float[] m = new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
		for (int dz = -1; dz <= 1; dz++)
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					int d = Math.abs(dz) + Math.abs(dy) + Math.abs(dx);
					set(m, 5 + dz, 10 + dy, 12 + dx, 0.95f - 0.1f * d);
					set(m, 8 + dz, 15 + dy, 18 + dx, 0.3f);
				}
		for (int z = 2; z <= 3; z++)
			for (int y = 3; y <= 4; y++)
				for (int x = 4; x <= 5; x++)
					set(m, z, y, x, 0.8f);
		set(m, 10, 2, 20, 0.9f);
		return m;
	}

	private static void set(float[] m, int z, int y, int x, float v) {
		m[(z * SHAPE[1] + y) * SHAPE[2] + x] = v;
	}

	@Test
	void componentsFindCentroidsAboveThresholdAndSize() {
		List<Peak> peaks = PeakFinder.components(map(), SHAPE, 0.5, 2);
		assertEquals(2, peaks.size(), peaks.toString());
		Peak blob = peaks.get(0), plateau = peaks.get(1);
		assertEquals(0.95, blob.confidence(), 1e-6);
		assertEquals(5, blob.z(), 1e-6);
		assertEquals(10, blob.y(), 1e-6);
		assertEquals(12, blob.x(), 1e-6);
		// voxels >= 0.5 around the blob: centre (1) + 6 faces (0.85) + 12 edges (0.75) + 8 corners (0.65) = 27
		assertEquals(27, blob.voxels());
		assertEquals(2.5, plateau.z(), 1e-6);
		assertEquals(3.5, plateau.y(), 1e-6);
		assertEquals(4.5, plateau.x(), 1e-6);
		assertEquals(8, plateau.voxels());
		// a lower threshold brings the weak blob in; minimum size 1 the hot voxel
		assertEquals(3, PeakFinder.components(map(), SHAPE, 0.25, 2).size());
		assertEquals(4, PeakFinder.components(map(), SHAPE, 0.25, 1).size());
	}

	@Test
	void nonMaximumSuppressionKeepsOnePeakPerParticle() {
		List<Peak> peaks = PeakFinder.nonMaximumSuppression(map(), SHAPE, 0.5, 3, 2);
		peaks.sort(Comparator.comparingDouble(Peak::z));
		assertEquals(2, peaks.size(), peaks.toString());
		assertEquals(2.5, peaks.get(0).z(), 1e-6);
		assertEquals(3.5, peaks.get(0).y(), 1e-6);
		assertEquals(4.5, peaks.get(0).x(), 1e-6);
		assertEquals(5, peaks.get(1).z(), 1e-6);
		assertEquals(10, peaks.get(1).y(), 1e-6);
		assertEquals(12, peaks.get(1).x(), 1e-6);
	}

	@Test
	void detectorReportsCentresInAngstromOfTheOriginalTomogram() {
		// working voxels of 20 A made by binning 10 A voxels by 2: working voxel j is centred on original voxel
		// 2j + 0.5, i.e. at (2j + 0.5) * 10 A
		VoxelGeometry g = new VoxelGeometry(new double[][] { { 20, 20, 20 } }, new double[][] { { 5, 5, 5 } });
		UNetSettings s = UNetTestData.tinySettings(1, 1);
		UNetModelInfo info = UNetModelInfo.untrained(s.withPeaks(s.peaks().withThreshold(0.5, 2)));
		float[] empty = new float[map().length];
		ProbabilityMaps maps = new ProbabilityMaps(SHAPE, info.catalog().classes(), new float[][] { map(), empty },
				g);
		UNetDetector detector = new UNetDetector(info, null, s.tiling(), s.peaks());
		List<Particle> found = detector.candidates(maps);
		assertEquals(2, found.size());
		Particle blob = found.get(0);
		assertEquals("ribosome", blob.type().name());
		assertEquals(Provenance.UNET, blob.provenance());
		assertEquals((2 * 12 + 0.5) * 10, blob.x(), 1e-6);
		assertEquals((2 * 10 + 0.5) * 10, blob.y(), 1e-6);
		assertEquals((2 * 5 + 0.5) * 10, blob.z(), 1e-6);
		assertEquals(0.95, blob.score(), 1e-6);
		Particle plateau = found.get(1);
		assertEquals((2 * 4.5 + 0.5) * 10, plateau.x(), 1e-6);
		assertEquals((2 * 3.5 + 0.5) * 10, plateau.y(), 1e-6);
		assertEquals((2 * 2.5 + 0.5) * 10, plateau.z(), 1e-6);
	}
}
