package org.tomopick.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.OrthogonalPlane;
import org.tomopick.io.PlaneReader;
import org.tomopick.io.zarr.ZarrArray;
import org.tomopick.io.zarr.ZarrArrayWriter;
import org.tomopick.io.zarr.ZarrPlaneReader;
import org.tomopick.io.zarr.codec.RawCodec;
import org.tomopick.model.VoxelGeometry;

import ij.ImagePlus;

/**
 * The side views read planes from the same source as the XY view: a stack in memory directly, a lazy Zarr image
 * chunk by chunk; both give the values of a small volume with known content.
 */
class PlaneReadersTest {

	private static final int[] SHAPE = { 6, 7, 9 }; // z, y, x

	@TempDir
	Path dir;

	private static DenseVolume known() {
		float[] v = new float[SHAPE[0] * SHAPE[1] * SHAPE[2]];
		for (int i = 0; i < v.length; i++) {
			int x = i % SHAPE[2], y = i / SHAPE[2] % SHAPE[1], z = i / SHAPE[2] / SHAPE[1];
			v[i] = 1000 * z + 10 * y + 0.5f * x;
		}
		return DenseVolume.ofFloats(SHAPE, v);
	}

	private static void assertKnownPlanes(PlaneReader reader) {
		assertArrayEquals(SHAPE, reader.shapeZyx());
		for (OrthogonalPlane plane : OrthogonalPlane.values())
			for (int index = 0; index < plane.planes(SHAPE); index++) {
				float[] values = reader.read(plane, index);
				int columns = plane.columns(SHAPE);
				assertEquals(columns * plane.rows(SHAPE), values.length);
				for (int row = 0; row < plane.rows(SHAPE); row++)
					for (int column = 0; column < columns; column++) {
						double[] zyx = plane.toVolume(column, row, index);
						double expected = 1000 * zyx[0] + 10 * zyx[1] + 0.5 * zyx[2];
						assertEquals(expected, values[row * columns + column], 0,
								plane + " " + index + " at " + column + ", " + row);
					}
			}
	}

	@Test
	void aStackInMemoryIsReadDirectly() {
		ImagePlus image = TomogramImages.ofVolume(known(), VoxelGeometry.isotropic(10, 1), 0, "known");
		PlaneReader reader = TomogramImages.planeReaderOf(image);
		assertInstanceOf(StackPlaneReader.class, reader);
		assertKnownPlanes(reader);
	}

	@Test
	void aLazyZarrImageIsReadChunkByChunk() {
		Path target = dir.resolve("known.zarr");
		ZarrArrayWriter.write(known(), target, new int[] { 4, 3, 4 }, new RawCodec(), false);
		ImagePlus image = new ImagePlus("known", new ZarrSliceStack(ZarrArray.open(target)));
		PlaneReader reader = TomogramImages.planeReaderOf(image);
		assertInstanceOf(ZarrPlaneReader.class, reader);
		assertKnownPlanes(reader);
	}
}
