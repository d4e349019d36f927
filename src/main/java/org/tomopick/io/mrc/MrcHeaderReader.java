package org.tomopick.io.mrc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.tomopick.io.DataType;
import org.tomopick.io.TomoPickIoException;

/**
 * Reads and checks the 1024-byte main header of an MRC2014 file.
 * <ul>
 * <li>Byte order comes from the machine stamp (bytes 212-213: 0x44 0x44 or 0x44 0x41 little endian, 0x11 0x11 big
 * endian). Old files with a zero or unknown stamp are read in the byte order in which MODE and the sizes make
 * sense, little endian first.</li>
 * <li>Modes 0 (bytes), 1 (int16), 2 (float32), 6 (uint16) and 12 (float16) are accepted. Mode 0 is signed (INT8) as
 * MRC2014 says, except in files that carry the IMOD stamp without IMOD's "signed bytes" flag: IMOD wrote unsigned
 * bytes for years, and such files are read as UINT8.</li>
 * <li>MAPC/MAPR/MAPS must be a permutation of 1, 2, 3; all three 0 (left unset by some old writers) counts as 1, 2,
 * 3.</li>
 * </ul>
 * Every problem is a {@link TomoPickIoException} naming the file and the field.
 */
public final class MrcHeaderReader {

	private MrcHeaderReader() {
	}

	/** Reads the header of an MRC file and checks that the file holds all the data the header announces. */
	public static MrcHeader read(Path file) {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer buffer = ByteBuffer.allocate(MrcHeader.HEADER_BYTES);
			while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
				// keep reading until the header is complete or the file ends
			}
			if (buffer.hasRemaining())
				throw new TomoPickIoException(file, "not an MRC file: shorter (" + buffer.position()
						+ " bytes) than the 1024-byte MRC header");
			buffer.flip();
			MrcHeader header = parse(file, buffer);
			long expected = header.dataOffset() + header.dataBytes();
			long actual = channel.size();
			if (actual < expected)
				throw new TomoPickIoException(file, "truncated MRC file: the header announces " + header
						+ " plus " + header.extendedHeaderBytes() + " bytes of extended header, " + expected
						+ " bytes in all, but the file has " + actual + " bytes");
			return header;
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot read MRC header: " + e.getMessage(), e);
		}
	}

	/** Parses a 1024-byte main header; {@code file} only names the source in error messages. */
	static MrcHeader parse(Path file, ByteBuffer header) {
		ByteOrder order = byteOrder(header);
		ByteBuffer h = header.duplicate().order(order);
		int[] size = { h.getInt(0), h.getInt(4), h.getInt(8) };
		int mode = h.getInt(12);
		for (int i = 0; i < 3; i++)
			if (size[i] <= 0)
				throw new TomoPickIoException(file, "MRC header field " + "NX NY NZ".split(" ")[i]
						+ " must be positive, was " + size[i]);
		int imodStamp = h.getInt(152);
		int imodFlags = h.getInt(156);
		DataType type = dataType(file, mode, imodStamp, imodFlags);
		int[] sampling = { h.getInt(28), h.getInt(32), h.getInt(36) };
		double[] cell = { h.getFloat(40), h.getFloat(44), h.getFloat(48) };
		for (int i = 0; i < 3; i++)
			if (!(cell[i] > 0 && Double.isFinite(cell[i])))
				throw new TomoPickIoException(file, "MRC header field CELLA " + "XYZ".charAt(i) + " (the cell size, "
						+ "from which the voxel size follows) must be a positive number of Angstrom, was " + cell[i]
						+ "; set it (e.g. IMOD's alterheader -del) before reading the file");
		int[] axisMap = axisMap(file, h.getInt(64), h.getInt(68), h.getInt(72));
		int nsymbt = h.getInt(92);
		if (nsymbt < 0)
			throw new TomoPickIoException(file, "MRC header field NSYMBT (extended header length) is negative: "
					+ nsymbt);
		double[] origin = { h.getFloat(196), h.getFloat(200), h.getFloat(204) };
		int nlabl = Math.max(0, Math.min(10, h.getInt(220)));
		List<String> labels = new ArrayList<>();
		byte[] label = new byte[80];
		for (int i = 0; i < nlabl; i++) {
			h.get(224 + 80 * i, label);
			labels.add(new String(label, StandardCharsets.US_ASCII).replace('\0', ' ').stripTrailing());
		}
		return new MrcHeader(size, mode, type, sampling, cell, axisMap, h.getFloat(76), h.getFloat(80),
				h.getFloat(84), h.getFloat(216), nsymbt, h.getInt(108), origin, order, labels);
	}

	static ByteOrder byteOrder(ByteBuffer header) {
		int b0 = header.get(212) & 0xff;
		int b1 = header.get(213) & 0xff;
		if (b0 == 0x44 && (b1 == 0x44 || b1 == 0x41))
			return ByteOrder.LITTLE_ENDIAN;
		if (b0 == 0x11 && b1 == 0x11)
			return ByteOrder.BIG_ENDIAN;
		if (plausible(header.duplicate().order(ByteOrder.LITTLE_ENDIAN)))
			return ByteOrder.LITTLE_ENDIAN;
		if (plausible(header.duplicate().order(ByteOrder.BIG_ENDIAN)))
			return ByteOrder.BIG_ENDIAN;
		return ByteOrder.LITTLE_ENDIAN;
	}

	private static boolean plausible(ByteBuffer h) {
		int mode = h.getInt(12);
		if (mode < 0 || mode > 101)
			return false;
		for (int i = 0; i < 3; i++) {
			int n = h.getInt(4 * i);
			if (n <= 0 || n > (1 << 20))
				return false;
		}
		return true;
	}

	private static DataType dataType(Path file, int mode, int imodStamp, int imodFlags) {
		return switch (mode) {
		case 0 -> imodStamp == MrcHeader.IMOD_STAMP && (imodFlags & MrcHeader.IMOD_FLAG_SIGNED_BYTES) == 0
				? DataType.UINT8
				: DataType.INT8;
		case 1 -> DataType.INT16;
		case 2 -> DataType.FLOAT32;
		case 6 -> DataType.UINT16;
		case 12 -> DataType.FLOAT16;
		default -> throw new TomoPickIoException(file, "unsupported MRC mode " + mode + describeMode(mode)
				+ "; TomoPick reads modes 0 (int8), 1 (int16), 2 (float32), 6 (uint16) and 12 (float16)");
		};
	}

	private static String describeMode(int mode) {
		return switch (mode) {
		case 3 -> " (complex int16)";
		case 4 -> " (complex float32)";
		case 16 -> " (RGB)";
		case 101 -> " (4-bit)";
		default -> "";
		};
	}

	private static int[] axisMap(Path file, int mapc, int mapr, int maps) {
		if (mapc == 0 && mapr == 0 && maps == 0)
			return new int[] { 1, 2, 3 };
		int[] map = { mapc, mapr, maps };
		boolean[] seen = new boolean[4];
		for (int m : map) {
			if (m < 1 || m > 3 || seen[m])
				throw new TomoPickIoException(file, "MRC header fields MAPC, MAPR, MAPS must be a permutation of "
						+ "1, 2, 3, were " + mapc + ", " + mapr + ", " + maps);
			seen[m] = true;
		}
		return map;
	}
}
