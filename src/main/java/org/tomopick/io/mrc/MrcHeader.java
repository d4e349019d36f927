package org.tomopick.io.mrc;

import java.nio.ByteOrder;
import java.util.List;

import org.tomopick.io.DataType;

/**
 * The fields of an MRC2014 main header (the first 1024 bytes of an MRC file) that TomoPick uses, as read by
 * {@link MrcHeaderReader}. Sizes are given in file order (columns, rows, sections); {@link #shapeZyx()},
 * {@link #voxelSizeZyx()} and {@link #originZyx()} give them along the z, y, x axes of the map. Immutable.
 */
public final class MrcHeader {

	/** Length of the main header in bytes. */
	public static final int HEADER_BYTES = 1024;

	/** The IMOD stamp ("IMOD" read as an int), at byte 152. */
	static final int IMOD_STAMP = 1146047817;

	/** IMOD flag bit: bytes of mode 0 are signed. */
	static final int IMOD_FLAG_SIGNED_BYTES = 1;

	private final int[] sizeCrs;
	private final int mode;
	private final DataType dataType;
	private final int[] samplingXyz;
	private final double[] cellLengthsXyz;
	private final int[] axisMapCrs;
	private final double dmin;
	private final double dmax;
	private final double dmean;
	private final double rms;
	private final int extendedHeaderBytes;
	private final int version;
	private final double[] originXyz;
	private final ByteOrder byteOrder;
	private final List<String> labels;

	MrcHeader(int[] sizeCrs, int mode, DataType dataType, int[] samplingXyz, double[] cellLengthsXyz,
			int[] axisMapCrs, double dmin, double dmax, double dmean, double rms, int extendedHeaderBytes, int version,
			double[] originXyz, ByteOrder byteOrder, List<String> labels) {
		this.sizeCrs = sizeCrs.clone();
		this.mode = mode;
		this.dataType = dataType;
		this.samplingXyz = samplingXyz.clone();
		this.cellLengthsXyz = cellLengthsXyz.clone();
		this.axisMapCrs = axisMapCrs.clone();
		this.dmin = dmin;
		this.dmax = dmax;
		this.dmean = dmean;
		this.rms = rms;
		this.extendedHeaderBytes = extendedHeaderBytes;
		this.version = version;
		this.originXyz = originXyz.clone();
		this.byteOrder = byteOrder;
		this.labels = List.copyOf(labels);
	}

	/** NX, NY, NZ: the number of columns, rows and sections as stored in the file. */
	public int[] sizeCrs() {
		return sizeCrs.clone();
	}

	/** MODE, the MRC data mode (0, 1, 2, 6 or 12 for headers that {@link MrcHeaderReader} accepts). */
	public int mode() {
		return mode;
	}

	/** The element type of the data: INT8 or UINT8 for mode 0 (see {@link MrcHeaderReader}), etc. */
	public DataType dataType() {
		return dataType;
	}

	/** MAPC, MAPR, MAPS: which axis (1 = x, 2 = y, 3 = z) columns, rows and sections run along. */
	public int[] axisMapCrs() {
		return axisMapCrs.clone();
	}

	/** Whether columns, rows and sections are x, y, z (the usual layout, read without reordering). */
	public boolean isStandardAxisOrder() {
		return axisMapCrs[0] == 1 && axisMapCrs[1] == 2 && axisMapCrs[2] == 3;
	}

	/** The shape of the map along (z, y, x) once columns, rows and sections are put on their axes. */
	public int[] shapeZyx() {
		int[] shape = new int[3];
		for (int i = 0; i < 3; i++)
			shape[2 - (axisMapCrs[i] - 1)] = sizeCrs[i];
		return shape;
	}

	/**
	 * Voxel size along z, y, x in Angstrom: CELLA / MX, MY, MZ. A sampling of 0 counts as the map size along that
	 * axis; a cell length of 0 (unset) gives 0.
	 */
	public double[] voxelSizeZyx() {
		int[] shape = shapeZyx();
		double[] size = new double[3];
		for (int axis = 0; axis < 3; axis++) {
			int n = samplingXyz[axis] > 0 ? samplingXyz[axis] : shape[2 - axis];
			size[2 - axis] = cellLengthsXyz[axis] / n;
		}
		return size;
	}

	/** ORIGIN along z, y, x in Angstrom (header words 50-52). */
	public double[] originZyx() {
		return new double[] { originXyz[2], originXyz[1], originXyz[0] };
	}

	/** MX, MY, MZ. */
	public int[] samplingXyz() {
		return samplingXyz.clone();
	}

	/** CELLA: the cell size along x, y, z in Angstrom. */
	public double[] cellLengthsXyz() {
		return cellLengthsXyz.clone();
	}

	public double dmin() {
		return dmin;
	}

	public double dmax() {
		return dmax;
	}

	public double dmean() {
		return dmean;
	}

	/** RMS deviation of the densities from their mean, as the header states it. */
	public double rms() {
		return rms;
	}

	/** NSYMBT: the length of the extended header that follows the main header. */
	public int extendedHeaderBytes() {
		return extendedHeaderBytes;
	}

	/** NVERSION (20140 or 20141 for MRC2014 files, 0 for older ones). */
	public int version() {
		return version;
	}

	public ByteOrder byteOrder() {
		return byteOrder;
	}

	/** The text labels (NLABL of them, trailing blanks removed). */
	public List<String> labels() {
		return labels;
	}

	/** The byte offset of the first voxel. */
	public long dataOffset() {
		return HEADER_BYTES + (long) extendedHeaderBytes;
	}

	public long voxelCount() {
		return (long) sizeCrs[0] * sizeCrs[1] * sizeCrs[2];
	}

	/** The number of data bytes the header announces. */
	public long dataBytes() {
		return voxelCount() * dataType.bytes();
	}

	@Override
	public String toString() {
		return String.format("MRC mode %d (%s), %d x %d x %d (columns x rows x sections), %s", mode, dataType,
				sizeCrs[0], sizeCrs[1], sizeCrs[2], byteOrder);
	}
}
