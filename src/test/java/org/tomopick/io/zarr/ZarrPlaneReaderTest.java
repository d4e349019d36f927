package org.tomopick.io.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.OrthogonalPlane;
import org.tomopick.io.zarr.codec.RawCodec;

/**
 * Planes read chunk by chunk: equal to the volume they were written from in every orientation, only the chunks a
 * plane crosses decoded, neighbouring planes served from the cache, and the cache never above its bound.
 */
class ZarrPlaneReaderTest {

	private static final int[] SHAPE = { 9, 11, 13 }; // z, y, x
	private static final int[] CHUNKS = { 4, 5, 6 }; // grid 3 x 3 x 3, edge chunks cut

	@TempDir
	Path dir;

	/** A value that tells where it came from. */
	private static float valueAt(int z, int y, int x) {
		return z * 10000 + y * 100 + x;
	}

	private ZarrArray knownArray() {
		float[] values = new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
		for (int z = 0; z < SHAPE[0]; z++)
			for (int y = 0; y < SHAPE[1]; y++)
				for (int x = 0; x < SHAPE[2]; x++)
					values[(z * SHAPE[1] + y) * SHAPE[2] + x] = valueAt(z, y, x);
		Path target = dir.resolve("known.zarr");
		ZarrArrayWriter.write(DenseVolume.ofFloats(SHAPE, values), target, CHUNKS, new RawCodec(), false);
		return ZarrArray.open(target);
	}

	@Test
	void everyPlaneOfEveryOrientationHoldsTheVolumesValues() {
		ZarrPlaneReader reader = new ZarrPlaneReader(knownArray());
		assertArrayEquals(SHAPE, reader.shapeZyx());
		for (int z = 0; z < SHAPE[0]; z++) {
			float[] xy = reader.read(OrthogonalPlane.XY, z);
			assertEquals(SHAPE[1] * SHAPE[2], xy.length);
			for (int y = 0; y < SHAPE[1]; y++)
				for (int x = 0; x < SHAPE[2]; x++)
					assertEquals(valueAt(z, y, x), xy[y * SHAPE[2] + x], "XY " + z + " at " + x + ", " + y);
		}
		for (int y = 0; y < SHAPE[1]; y++) {
			float[] xz = reader.read(OrthogonalPlane.XZ, y); // x to the right, z down
			assertEquals(SHAPE[0] * SHAPE[2], xz.length);
			for (int z = 0; z < SHAPE[0]; z++)
				for (int x = 0; x < SHAPE[2]; x++)
					assertEquals(valueAt(z, y, x), xz[z * SHAPE[2] + x], "XZ " + y + " at " + x + ", " + z);
		}
		for (int x = 0; x < SHAPE[2]; x++) {
			float[] yz = reader.read(OrthogonalPlane.YZ, x); // z to the right, y down
			assertEquals(SHAPE[0] * SHAPE[1], yz.length);
			for (int y = 0; y < SHAPE[1]; y++)
				for (int z = 0; z < SHAPE[0]; z++)
					assertEquals(valueAt(z, y, x), yz[y * SHAPE[0] + z], "YZ " + x + " at " + z + ", " + y);
		}
	}

	@Test
	void aPlaneDecodesOnlyTheChunksItCrossesAndNeighboursComeFromTheCache() {
		ZarrArray array = knownArray();
		ZarrPlaneReader reader = new ZarrPlaneReader(array);
		reader.read(OrthogonalPlane.XZ, 7); // y 7 lies in chunk row 1: 3 (z) x 3 (x) chunks of 27
		assertEquals(9, array.chunksDecoded());
		reader.read(OrthogonalPlane.XZ, 8); // same chunk row
		reader.read(OrthogonalPlane.XZ, 5);
		assertEquals(9, array.chunksDecoded(), "planes in the same chunk row decode nothing new");
		reader.read(OrthogonalPlane.YZ, 2); // x 2 in chunk column 0: 3 (z) x 3 (y), of which 3 are cached
		assertEquals(9 + 6, array.chunksDecoded(), "XZ and YZ share the chunks where they cross");
		assertEquals(15, reader.cachedChunks());
	}

	@Test
	void theCacheStaysWithinItsBoundAndLargePlanesAreStillWhole() {
		ZarrArray array = knownArray();
		long chunkBytes = 4L * CHUNKS[0] * CHUNKS[1] * CHUNKS[2];
		ZarrPlaneReader reader = new ZarrPlaneReader(array, 4 * chunkBytes); // a plane crosses 9 chunks
		assertEquals(4, reader.cacheCapacity());
		for (int y = 0; y < SHAPE[1]; y++) {
			float[] xz = reader.read(OrthogonalPlane.XZ, y);
			assertTrue(reader.cachedChunks() <= 4, "cache holds " + reader.cachedChunks());
			assertEquals(valueAt(SHAPE[0] - 1, y, SHAPE[2] - 1), xz[xz.length - 1]);
			assertEquals(valueAt(0, y, 0), xz[0]);
		}
		assertEquals(1, new ZarrPlaneReader(array, 1).cacheCapacity(), "at least one chunk is kept");
	}

	@Test
	void integerArraysReadAsFloatLikeTheWholeArray() {
		ZarrArray array = ZarrArray.open(ZarrFixturesTest.FIXTURES.resolve("raw_int16.zarr")); // 21 x 34 x 47, 7^3
		DenseVolume all = array.readAll();
		ZarrPlaneReader reader = new ZarrPlaneReader(array);
		float[] yz = reader.read(OrthogonalPlane.YZ, 30);
		for (int y = 0; y < 34; y++)
			for (int z = 0; z < 21; z++)
				assertEquals(all.getDouble(z, y, 30), yz[y * 21 + z]);
	}

	@Test
	void aPlaneOutsideTheVolumeIsRefusedWithItsRange() {
		ZarrPlaneReader reader = new ZarrPlaneReader(knownArray());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> reader.read(OrthogonalPlane.YZ, 13));
		assertTrue(e.getMessage().contains("YZ plane 13 is outside 0..12"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> reader.read(OrthogonalPlane.XZ, -1));
	}
}
