package org.tomopick.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tomopick.io.DenseVolume;
import org.tomopick.io.zarr.ZarrArray;

import ij.VirtualStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * An ImageJ 1.x virtual stack over one level of a Zarr tomogram: slice n is z plane n-1, read on demand. Planes are
 * read a slab at a time (the chunk depth along z, the whole y-x extent, through {@link ZarrArray#read}) and the most
 * recently used slabs are kept, so scrolling through a tomogram decodes every chunk about once and a large
 * tomogram never has to fit in memory. Values are shown as 32-bit float. Thread-safe.
 */
public final class ZarrSliceStack extends VirtualStack {

	/** Slabs kept by default: 4 chunk layers (for 64-deep chunks of a 630 x 630 plane, about 400 MB as float). */
	public static final int DEFAULT_CACHED_SLABS = 4;

	private final ZarrArray array;
	private final int depth;
	private final int slabDepth;
	private final int cachedSlabs;
	private final Map<Integer, float[][]> slabs;
	private long slabReads;

	public ZarrSliceStack(ZarrArray array) {
		this(array, DEFAULT_CACHED_SLABS);
	}

	public ZarrSliceStack(ZarrArray array, int cachedSlabs) {
		super(array.shape()[2], array.shape()[1], null, null);
		if (cachedSlabs < 1)
			throw new IllegalArgumentException("a slice stack must cache at least one slab, was " + cachedSlabs);
		this.array = array;
		this.depth = array.shape()[0];
		this.slabDepth = Math.max(1, Math.min(array.chunks()[0], depth));
		this.cachedSlabs = cachedSlabs;
		this.slabs = new LinkedHashMap<>(16, 0.75f, true);
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

	/** A copy of plane n (1-based), so that ImageJ may change it without touching the cache. */
	private float[] plane(int n) {
		if (n < 1 || n > depth)
			throw new IllegalArgumentException("slice " + n + " is outside 1.." + depth + " of " + array.path());
		int z = n - 1;
		float[][] slab = slab(z / slabDepth);
		return slab[z % slabDepth].clone();
	}

	private synchronized float[][] slab(int index) {
		float[][] slab = slabs.get(index);
		if (slab != null)
			return slab;
		int z0 = index * slabDepth;
		int dz = Math.min(slabDepth, depth - z0);
		int plane = getWidth() * getHeight();
		float[] values = array.read(new int[] { z0, 0, 0 }, new int[] { dz, getHeight(), getWidth() }).toFloatArray();
		slab = new float[dz][];
		for (int k = 0; k < dz; k++) {
			slab[k] = new float[plane];
			System.arraycopy(values, k * plane, slab[k], 0, plane);
		}
		slabReads++;
		slabs.put(index, slab);
		while (slabs.size() > cachedSlabs)
			slabs.remove(slabs.keySet().iterator().next());
		return slab;
	}

	/** How many slabs have been read from the array so far (a measure of how well the cache works). */
	public synchronized long slabReads() {
		return slabReads;
	}

	/** The source array. */
	public ZarrArray array() {
		return array;
	}

	/** Reads the whole level into memory (for tools that need all voxels at once). */
	public DenseVolume readAll() {
		return array.readAll();
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
		throw new UnsupportedOperationException("a tomogram view cannot delete slices of " + array.path());
	}
}
