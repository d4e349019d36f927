package org.tomopick.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.grid.Normalisation;
import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;

/** Targets of a synthetic sphere, slice by slice; the working grid's exact transform; grid assignment. */
class YoloTargetsTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();

	/** Half-size of the sphere's cross-section on a plane, measured from its rasterised area (sqrt(area / pi)). */
	private static double measuredHalfSize(double cx, double cy, double dz, double r) {
		int sub = 16;
		long inside = 0;
		for (int y = (int) (cy - r) - 1; y <= cy + r + 1; y++)
			for (int x = (int) (cx - r) - 1; x <= cx + r + 1; x++)
				for (int sy = 0; sy < sub; sy++)
					for (int sx = 0; sx < sub; sx++) {
						double px = x - 0.5 + (sx + 0.5) / sub, py = y - 0.5 + (sy + 0.5) / sub;
						if ((px - cx) * (px - cx) + (py - cy) * (py - cy) + dz * dz <= r * r)
							inside++;
					}
		return Math.sqrt(inside / (double) (sub * sub) / Math.PI);
	}

	@Test
	void sphereTargetsMatchTheCrossSectionOnEverySlice() {
		DenseVolume empty = DenseVolume.allocate(new int[] { 40, 64, 64 }, DataType.FLOAT32);
		WorkingVolume volume = WorkingVolume.prepare(empty, 10, 10, Normalisation.ROBUST_Z);
		Particle ribosome = new Particle(CZII.get("ribosome"), 320, 300, 203, 1, Provenance.IMPORTED);
		double minVisible = 0.4;
		SliceBoxTargets targets = new SliceBoxTargets(CZII, List.of(ribosome), volume, minVisible);
		double r = 15; // 150 A in 10 A pixels
		int withBox = 0;
		for (int z = 0; z < 40; z++) {
			double dz = z - 20.3;
			double expected = Math.abs(dz) < r ? measuredHalfSize(32, 30, dz, r) : 0;
			List<SliceBox> boxes = targets.boxesOnSlice(z);
			if (Math.abs(expected - minVisible * r) < 0.3)
				continue; // at the visibility limit the raster estimate cannot decide
			if (expected < minVisible * r) {
				assertTrue(boxes.isEmpty(), "slice " + z + " is too far from the centre for a box");
				continue;
			}
			withBox++;
			assertEquals(1, boxes.size(), "slice " + z);
			SliceBox b = boxes.get(0);
			assertEquals(CZII.indexOf(CZII.get("ribosome")), b.classIndex());
			assertEquals(32, b.x(), 1e-9);
			assertEquals(30, b.y(), 1e-9);
			assertEquals(expected, b.halfSize(), 0.05, "half-size on slice " + z);
		}
		assertTrue(withBox >= 20, "slices with a box: " + withBox);
	}

	@Test
	void binnedGridKeepsTheTransformExact() {
		DenseVolume v = DenseVolume.allocate(new int[] { 9, 65, 631 }, DataType.FLOAT32);
		WorkingVolume w = WorkingVolume.prepare(v, 10, 20, Normalisation.ROBUST_Z);
		assertEquals(20, w.workingVoxelAngstrom(), 1e-12);
		assertEquals(5, w.sizeZ()); // a partial block at the high end is kept (the mean of the voxels it has)
		assertEquals(33, w.sizeY());
		assertEquals(316, w.sizeX());
		assertEquals(320, w.paddedX());
		assertEquals(64, w.paddedY());
		// working pixel 16 averages input voxels 32 and 33, at 320 and 330 A
		assertEquals(325, w.toAngstrom(16), 1e-9);
		assertEquals(16, w.toWorking(325), 1e-9);
		Particle p = new Particle(CZII.get("apo-ferritin"), 325, 105, 25, 1, Provenance.IMPORTED);
		SliceBox b = new SliceBoxTargets(CZII, List.of(p), w, 0.4).boxesOnSlice(1).get(0);
		assertEquals(16, b.x(), 1e-9);
		assertEquals(5, b.y(), 1e-9);
		assertEquals(3, b.halfSize(), 1e-9); // 60 A radius in 20 A pixels, on the centre slice (z = 25 A)
		assertThrows(IllegalArgumentException.class, () -> WorkingVolume.prepare(v, 50, 20, Normalisation.ROBUST_Z));
	}

	@Test
	void binningAveragesBlocksAndNormalisationIsRobust() {
		float[] data = new float[4 * 4 * 4];
		for (int i = 0; i < data.length; i++)
			data[i] = (i % 4) < 2 ? 0 : 2; // x 0,1 -> 0; x 2,3 -> 2
		WorkingVolume w = WorkingVolume.prepare(DenseVolume.ofFloats(new int[] { 4, 4, 4 }, data), 10, 20, Normalisation.ROBUST_Z);
		// binned: four 0s and four 2s; median 1 (mean of the middle two), |v - median| all 1 -> MAD 1
		assertEquals(-1 / 1.4826, w.value(0, 0, 0), 1e-6);
		assertEquals(1 / 1.4826, w.value(1, 1, 1), 1e-6);
	}

	@Test
	void gridAssignsCentreCellAndNeighboursInsideTheCircle() {
		GridTargets g = new GridTargets(8, 1, 6, 4, 4);
		g.add(0, List.of(new SliceBox(2, 20.3, 13.7, 6)));
		// centre cell (row 1, column 2) spans pixels 16..23 x 8..15, centre (19.5, 11.5)
		int plane = 16;
		assertEquals(1, g.mask[1 * 4 + 2]);
		assertEquals(1, g.mask[2 * 4 + 2]); // centre (19.5, 19.5) is 5.85 px away, inside the 6 px circle
		assertEquals(2, g.positives());
		assertEquals(1, g.classes[2 * plane + 1 * 4 + 2]);
		assertEquals(0, g.classes[1 * plane + 1 * 4 + 2]);
		assertEquals(0.1, g.box[1 * 4 + 2], 1e-6);
		assertEquals(0.275, g.box[plane + 1 * 4 + 2], 1e-6);
		assertEquals(Math.log(0.75), g.box[2 * plane + 1 * 4 + 2], 1e-6);
		GridTargets coarse = new GridTargets(16, 1, 6, 2, 2);
		coarse.add(0, List.of(new SliceBox(2, 20.3, 13.7, 6)));
		assertEquals(0, coarse.positives(), "a 6 px box belongs to stride 8 only");
	}

	@Test
	void dihedralMapsAreTheEightSymmetries() {
		java.util.Set<String> images = new java.util.HashSet<>();
		for (int k = 0; k < 8; k++) {
			double[] m = SliceCropSampler.dihedral(1, 0, 4, k);
			images.add(m[0] + "," + m[1]);
		}
		assertEquals(8, images.size());
	}
}
