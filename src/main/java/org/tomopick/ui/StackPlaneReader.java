package org.tomopick.ui;

import org.tomopick.io.OrthogonalPlane;
import org.tomopick.io.PlaneReader;

import ij.ImageStack;
import ij.process.ImageProcessor;

/**
 * Reads planes of an ImageJ stack held in memory (an MRC file or a simulated tomogram): slice n is z plane n - 1.
 * Keeps nothing of its own; an XZ or YZ plane takes one row or column of every slice. On a virtual stack every slice
 * would be read for each such plane, which is why Zarr tomograms are read through
 * {@link org.tomopick.io.zarr.ZarrPlaneReader} instead.
 */
final class StackPlaneReader implements PlaneReader {

	private final ImageStack stack;

	StackPlaneReader(ImageStack stack) {
		this.stack = stack;
	}

	@Override
	public int[] shapeZyx() {
		return new int[] { stack.size(), stack.getHeight(), stack.getWidth() };
	}

	@Override
	public float[] read(OrthogonalPlane plane, int index) {
		int[] shape = shapeZyx();
		plane.checkIndex(index, shape);
		int w = shape[OrthogonalPlane.X], h = shape[OrthogonalPlane.Y], d = shape[OrthogonalPlane.Z];
		float[] out = new float[plane.columns(shape) * plane.rows(shape)];
		if (plane == OrthogonalPlane.XY) {
			ImageProcessor ip = stack.getProcessor(index + 1);
			for (int i = 0; i < w * h; i++)
				out[i] = ip.getf(i);
			return out;
		}
		for (int z = 0; z < d; z++) {
			ImageProcessor ip = stack.getProcessor(z + 1);
			if (plane == OrthogonalPlane.XZ)
				for (int x = 0; x < w; x++)
					out[z * w + x] = ip.getf(x, index);
			else
				for (int y = 0; y < h; y++)
					out[y * d + z] = ip.getf(index, y);
		}
		return out;
	}
}
