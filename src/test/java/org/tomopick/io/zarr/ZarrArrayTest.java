package org.tomopick.io.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;

import net.imglib2.RandomAccess;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/** Box reads, single chunks and the lazy ImgLib2 view, against whole-array reads of the shared fixtures. */
class ZarrArrayTest {

	static final Path SLASH = ZarrFixturesTest.FIXTURES.resolve("blosc_lz4_shuffle_slash.zarr"); // chunks 16^3
	static final Path DOT = ZarrFixturesTest.FIXTURES.resolve("blosc_zstd_shuffle_dot.zarr"); // chunks 8x20x32

	@Test
	void subVolumeEqualsTheSameBoxOfTheWholeArrayAndDecodesOnlyIntersectingChunks() {
		DenseVolume all = ZarrArray.open(SLASH).readAll();
		ZarrArray array = ZarrArray.open(SLASH);
		int[] off = { 3, 15, 30 };
		int[] size = { 10, 2, 17 };
		DenseVolume box = array.read(off, size);
		assertArrayEquals(size, box.shape());
		for (int z = 0; z < size[0]; z++)
			for (int y = 0; y < size[1]; y++)
				for (int x = 0; x < size[2]; x++)
					assertEquals(all.getDouble(off[0] + z, off[1] + y, off[2] + x), box.getDouble(z, y, x));
		// z 3..12 -> chunk 0; y 15..16 -> chunks 0, 1; x 30..46 -> chunks 1, 2: 4 chunks
		assertEquals(4, array.chunksDecoded());
	}

	@Test
	void readChunkCutsEdgeChunksToTheArray() {
		ZarrArray array = ZarrArray.open(DOT); // shape 21 x 34 x 47
		DenseVolume all = array.readAll();
		DenseVolume edge = array.readChunk(2, 1, 1);
		assertArrayEquals(new int[] { 21 - 16, 34 - 20, 47 - 32 }, edge.shape());
		assertEquals(all.getDouble(16, 20, 32), edge.getDouble(0, 0, 0));
		assertEquals(all.getDouble(20, 33, 46), edge.getDouble(4, 13, 14));
		assertThrows(IllegalArgumentException.class, () -> array.readChunk(3, 0, 0));
		assertThrows(IllegalArgumentException.class, () -> array.read(new int[] { 20, 0, 0 }, new int[] { 2, 1, 1 }));
	}

	@Test
	void lazyImgHasXyzDimensionsAndDecodesOnlyTheChunksThatAreRead() {
		ZarrArray array = ZarrArray.open(SLASH); // 21 x 34 x 47, chunks 16^3 -> grid 2 x 3 x 3
		DenseVolume all = ZarrArray.open(SLASH).readAll();
		LazyCellImg<FloatType, FloatArray> img = ZarrImgs.lazyFloat(array, 4);
		assertArrayEquals(new long[] { 47, 34, 21 }, img.dimensionsAsLongArray());
		assertEquals(0, array.chunksDecoded());
		// x 20..40 (chunks 1, 2), y 0..10 (chunk 0), z 17..20 (chunk 1): 2 chunks
		double sum = 0, expected = 0;
		for (FloatType t : Views.interval(img, new long[] { 20, 0, 17 }, new long[] { 40, 10, 20 }))
			sum += t.get();
		for (int z = 17; z <= 20; z++)
			for (int y = 0; y <= 10; y++)
				for (int x = 20; x <= 40; x++)
					expected += (float) all.getDouble(z, y, x);
		assertEquals(expected, sum, 1e-12);
		assertEquals(2, array.chunksDecoded());
		RandomAccess<FloatType> ra = img.randomAccess();
		ra.setPosition(new long[] { 25, 5, 18 });
		assertEquals((float) all.getDouble(18, 5, 25), ra.get().get());
		assertEquals(2, array.chunksDecoded(), "cached chunks are not decoded again");
		for (int cx = 0; cx < 3; cx++)
			for (int cy = 0; cy < 3; cy++) {
				ra.setPosition(new long[] { cx * 16, cy * 16, 0 });
				ra.get().get();
			}
		assertEquals(2 + 9, array.chunksDecoded());
		ra.setPosition(new long[] { 25, 5, 18 });
		ra.get().get();
		assertEquals(12, array.chunksDecoded(), "the cache holds only 4 chunks, so this one was evicted");
	}

	@Test
	void missingChunksReadAsTheFillValueInBoxes() {
		ZarrArray array = ZarrArray.open(ZarrPythonFixturesTest.DIR.resolve("missing_fill_f4"));
		assertEquals(-1.5, array.metadata().fillValue());
		DenseVolume box = array.read(new int[] { 2, 3, 4 }, new int[] { 2, 2, 2 });
		assertEquals(DataType.FLOAT32, box.dataType());
		// only chunk (0, 0, 0) = [0,3) x [0,4) x [0,5) was written
		assertEquals(-1.5, box.getDouble(1, 0, 0));
		assertEquals(-1.5, box.getDouble(0, 1, 0));
		assertEquals(-1.5, box.getDouble(0, 0, 1));
		assertEquals(1, array.chunksDecoded());
	}
}
