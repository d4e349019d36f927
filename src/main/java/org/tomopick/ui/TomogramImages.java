package org.tomopick.ui;

import org.tomopick.io.DenseVolume;
import org.tomopick.io.PlaneReader;
import org.tomopick.io.VolumeSource;
import org.tomopick.io.zarr.OmeZarrGroup;
import org.tomopick.io.zarr.ZarrPlaneReader;
import org.tomopick.model.VoxelGeometry;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;

/**
 * Makes ImageJ 1.x images of tomograms: lazily over Zarr chunks ({@link ZarrSliceStack}) or from a volume in memory
 * (MRC, simulated data), always as 32-bit float with the calibration in Angstrom (pixel size = voxel size of the
 * level, origin = the level's translation) so that ImageJ's measurements come out in Angstrom.
 */
public final class TomogramImages {

	/** The unit written into the calibration. */
	public static final String UNIT = "\u00C5";

	private TomogramImages() {
	}

	/**
	 * Opens one level of a tomogram file: Zarr levels lazily, MRC files read into memory (an MRC file is one
	 * uncompressed block; ImageJ's own reader would read it whole as well).
	 *
	 * @param geometry the geometry to calibrate with (for a plain Zarr array the caller supplies the voxel size)
	 */
	public static ImagePlus open(VolumeSource source, int level, VoxelGeometry geometry, String title) {
		ImageStack stack;
		if (source.format() == VolumeSource.Format.MRC)
			stack = stackOf(source.read(level));
		else
			stack = new ZarrSliceStack(OmeZarrGroup.open(source.path()).level(level));
		ImagePlus imp = new ImagePlus(title, stack);
		calibrate(imp, geometry, level);
		return imp;
	}

	/**
	 * Reads single planes (for the XZ and YZ views) from the same source as the image: a Zarr level through the
	 * image's own reader (one bounded cache of decoded chunks for all three planes), a stack in memory directly.
	 */
	public static PlaneReader planeReaderOf(ImagePlus imp) {
		if (imp.getStack() instanceof ZarrSliceStack zarr)
			return zarr.planeReader();
		return new StackPlaneReader(imp.getStack());
	}

	/** An image of a volume held in memory (float copy of each plane). */
	public static ImagePlus ofVolume(DenseVolume volume, VoxelGeometry geometry, int level, String title) {
		ImagePlus imp = new ImagePlus(title, stackOf(volume));
		calibrate(imp, geometry, level);
		return imp;
	}

	static ImageStack stackOf(DenseVolume volume) {
		int w = volume.sizeX(), h = volume.sizeY(), plane = w * h;
		float[] all = volume.toFloatArray();
		ImageStack stack = new ImageStack(w, h);
		for (int z = 0; z < volume.sizeZ(); z++) {
			float[] pixels = new float[plane];
			System.arraycopy(all, z * plane, pixels, 0, plane);
			stack.addSlice("z=" + z, new FloatProcessor(w, h, pixels));
		}
		return stack;
	}

	/** Sets pixel sizes and origin (in pixels, as ImageJ counts it) from a level of the geometry, unit Angstrom. */
	public static void calibrate(ImagePlus imp, VoxelGeometry geometry, int level) {
		double[] size = geometry.voxelSize(level);
		double[] shift = geometry.translation(level);
		Calibration cal = new Calibration(imp);
		cal.setUnit(UNIT);
		cal.pixelDepth = size[0];
		cal.pixelHeight = size[1];
		cal.pixelWidth = size[2];
		cal.zOrigin = -shift[0] / size[0];
		cal.yOrigin = -shift[1] / size[1];
		cal.xOrigin = -shift[2] / size[2];
		imp.setCalibration(cal);
		imp.resetDisplayRange();
	}
}
