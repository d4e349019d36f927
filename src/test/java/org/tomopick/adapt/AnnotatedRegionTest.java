package org.tomopick.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;
import org.tomopick.pipeline.AnnotatedTomogram;

class AnnotatedRegionTest {

	private static final ParticleCatalog CATALOG = ParticleCatalog.czii();

	/** A 10x20x30 volume whose value at (z, y, x) is 10000 z + 100 y + x, voxel size 10 A. */
	private static AnnotatedTomogram tomogram(List<Particle> truth) {
		float[] v = new float[10 * 20 * 30];
		for (int z = 0, i = 0; z < 10; z++)
			for (int y = 0; y < 20; y++)
				for (int x = 0; x < 30; x++)
					v[i++] = 10000 * z + 100 * y + x;
		return new AnnotatedTomogram("t", DenseVolume.ofFloats(new int[] { 10, 20, 30 }, v), 10, truth);
	}

	private static Particle at(double x, double y, double z) {
		return new Particle(CATALOG.get("ribosome"), x, y, z, 1, Provenance.MANUAL);
	}

	@Test
	void theRegionIsTheBoundingBoxOfThePicksGrownByTheMarginAndClipped() {
		AnnotatedTomogram t = tomogram(List.of(at(100, 50, 40), at(150, 120, 60)));
		AnnotatedRegion r = AnnotatedRegion.ofPicks(t, 20);
		assertEquals(new AnnotatedRegion(2, 3, 8, 9, 15, 18), r);
		assertEquals(AnnotatedRegion.whole(t.tomogram()), AnnotatedRegion.ofPicks(t, 1000));
		assertThrows(IllegalArgumentException.class, () -> AnnotatedRegion.ofPicks(tomogram(List.of()), 20));
	}

	@Test
	void aCropCopiesTheVoxelsAndMovesTheTruthInsideIt() {
		AnnotatedTomogram t = tomogram(List.of(at(100, 50, 40), at(250, 50, 40)));
		AnnotatedTomogram c = new AnnotatedRegion(2, 3, 8, 9, 15, 18).crop(t, "c");
		assertEquals(List.of(7, 12, 10), List.of(c.tomogram().sizeZ(), c.tomogram().sizeY(), c.tomogram().sizeX()));
		assertEquals(10000 * 2 + 100 * 3 + 8, c.tomogram().getDouble(0, 0, 0));
		assertEquals(10000 * 8 + 100 * 14 + 17, c.tomogram().getDouble(6, 11, 9));
		assertEquals(1, c.truth().size(), "the particle at x 250 A (voxel 25) lies outside");
		Particle p = c.truth().get(0);
		assertEquals(List.of(20.0, 20.0, 20.0), List.of(p.x(), p.y(), p.z()));
	}

	@Test
	void aSplitCutsTheLongestInPlaneAxisAndHoldsOutTheGivenShare() {
		AnnotatedRegion r = new AnnotatedRegion(0, 0, 0, 10, 20, 40);
		AnnotatedRegion[] parts = r.split(0.25);
		assertEquals(new AnnotatedRegion(0, 0, 0, 10, 20, 30), parts[0]);
		assertEquals(new AnnotatedRegion(0, 0, 30, 10, 20, 40), parts[1]);
		AnnotatedRegion[] tall = new AnnotatedRegion(0, 0, 0, 10, 40, 20).split(0.5);
		assertEquals(new AnnotatedRegion(0, 20, 0, 10, 40, 20), tall[1]);
	}
}
