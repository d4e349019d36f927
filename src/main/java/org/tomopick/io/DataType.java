package org.tomopick.io;

/**
 * Element types of the volumes TomoPick reads and writes. Names follow NumPy; the Zarr code and the MRC mode
 * that stand for each are kept here so that readers and writers agree.
 */
public enum DataType {
	UINT8("u1", 1, 0),
	INT8("i1", 1, 0),
	UINT16("u2", 2, 6),
	INT16("i2", 2, 1),
	UINT32("u4", 4, -1),
	INT32("i4", 4, -1),
	FLOAT32("f4", 4, 2),
	FLOAT64("f8", 8, -1),
	/** MRC mode 12: IEEE 754 half precision. Zarr calls it f2. */
	FLOAT16("f2", 2, 12);

	private final String numpyCode;
	private final int bytes;
	private final int mrcMode;

	DataType(String numpyCode, int bytes, int mrcMode) {
		this.numpyCode = numpyCode;
		this.bytes = bytes;
		this.mrcMode = mrcMode;
	}

	/** NumPy kind and size without byte order, e.g. {@code "f4"}. */
	public String numpyCode() {
		return numpyCode;
	}

	public int bytes() {
		return bytes;
	}

	/** The MRC2014 mode for this type, or -1 when MRC cannot store it. */
	public int mrcMode() {
		return mrcMode;
	}

	public boolean isFloatingPoint() {
		return this == FLOAT32 || this == FLOAT64 || this == FLOAT16;
	}

	/** The type for a NumPy code without byte order ({@code "f4"}), or null when there is none. */
	public static DataType fromNumpyCode(String code) {
		for (DataType t : values())
			if (t.numpyCode.equals(code))
				return t;
		return null;
	}
}
