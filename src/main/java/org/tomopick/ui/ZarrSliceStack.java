package org.tomopick.ui;

import org.tomopick.io.DenseVolume;
import org.tomopick.io.OrthogonalPlane;
import org.tomopick.io.zarr.ZarrArray;
import org.tomopick.io.zarr.ZarrPlaneReader;

import ij.VirtualStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * An ImageJ 1.x virtual stack over one level of a Zarr tomogram: slice n is z plane n-1, read on demand through a
 * {@link ZarrPlaneReader}, whose bounded cache of decoded chunks the review window's side views share
 * ({@link #planeReader()}): scrolling through a tomogram decodes every chunk about once, one cache bound holds for
 * all three planes, and a large tomogram never has to fit in memory. Values are shown as 32-bit float. Thread-safe.
 */
public final class ZarrSliceStack extends VirtualStack {

	private final ZarrPlaneReader reader;
	private final int depth;

	public ZarrSliceStack(ZarrArray array) {
		this(new ZarrPlaneReader(array));
	}

	public ZarrSliceStack(ZarrPlaneReader reader) {
		super(reader.shapeZyx()[2], reader.shapeZyx()[1], null, null);
		this.reader = reader;
		this.depth = reader.shapeZyx()[0];
		setBitDepth(32);
	}

	@Override
	public ImageProcessor getProcessor(int n) {
		return new FloatProcessor(getWidth(), getHeight(), plane(n));
	}

	@Override
	public Object getPixels(int n) {
		return plane(n);
	}

	/** Plane n (1-based), a new array: ImageJ may change it without touching the cache. */
	private float[] plane(int n) {
		if (n < 1 || n > depth)
			throw new IllegalArgumentException("slice " + n + " is outside 1.." + depth + " of " + array().path());
		return reader.read(OrthogonalPlane.XY, n - 1);
	}

	/** The reader (and chunk cache) of this stack, for views of other planes of the same tomogram. */
	public ZarrPlaneReader planeReader() {
		return reader;
	}

	/** The source array. */
	public ZarrArray array() {
		return reader.array();
	}

	/** Reads the whole level into memory (for tools that need all voxels at once). */
	public DenseVolume readAll() {
		return array().readAll();
	}

	@Override
	public int getSize() {
		return depth;
	}

	@Override
	public int size() {
		return depth;
	}

	@Override
	public String getSliceLabel(int n) {
		return "z=" + (n - 1);
	}

	@Override
	public void setPixels(Object pixels, int n) {
		// read-only view of the file: edits of the pixels are not written back
	}

	@Override
	public void deleteSlice(int n) {
		throw new UnsupportedOperationException("a tomogram view cannot delete slices of " + array().path());
	}
}
