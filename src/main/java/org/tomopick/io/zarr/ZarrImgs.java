package org.tomopick.io.zarr;

import org.tomopick.io.DenseVolume;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Lazy ImgLib2 views of Zarr arrays: a {@link LazyCellImg} whose cells are the Zarr chunks, decoded on first access
 * and kept in a small bounded least-recently-used cache. Dimensions are in ImgLib2 order (x, y, z). Values are
 * converted to float; writes to the image change only the cached copy.
 */
public final class ZarrImgs {

	/** Cells kept by {@link #lazyFloat(ZarrArray)}: 64 chunks of 64^3 float32 are 64 MiB. */
	public static final int DEFAULT_CACHED_CHUNKS = 64;

	private ZarrImgs() {
	}

	public static LazyCellImg<FloatType, FloatArray> lazyFloat(ZarrArray array) {
		return lazyFloat(array, DEFAULT_CACHED_CHUNKS);
	}

	/** @param cachedChunks how many decoded chunks to keep */
	public static LazyCellImg<FloatType, FloatArray> lazyFloat(ZarrArray array, int cachedChunks) {
		int[] shape = array.shape();
		int[] chunks = array.chunks();
		CellGrid grid = new CellGrid(new long[] { shape[2], shape[1], shape[0] },
				new int[] { chunks[2], chunks[1], chunks[0] });
		BoundedChunkCache<Cell<FloatArray>> cache = new BoundedChunkCache<>(cachedChunks, index -> {
			long[] position = new long[3];
			grid.getCellGridPositionFlat(index, position);
			DenseVolume chunk = array.readChunk((int) position[2], (int) position[1], (int) position[0]);
			long[] min = new long[3];
			int[] dims = new int[3];
			grid.getCellDimensions(position, min, dims);
			float[] data = chunk.dataType() == org.tomopick.io.DataType.FLOAT32 ? (float[]) chunk.data()
					: chunk.toFloatArray();
			return new Cell<>(dims, min, new FloatArray(data));
		});
		return new LazyCellImg<>(grid, new FloatType(), cache::get);
	}
}
