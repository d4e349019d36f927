package org.tomopick.io.mrc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.tomopick.io.AtomicFiles;
import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.VolumeStatistics;

/**
 * Writes a {@link DenseVolume} as a little-endian MRC2014 file, atomically (through {@link AtomicFiles}).
 * <p>
 * The mode follows the volume's type: INT8 and UINT8 -> 0, INT16 -> 1, FLOAT32 -> 2, UINT16 -> 6, FLOAT16 -> 12;
 * other types are refused. Mode 0 files carry the IMOD stamp with IMOD's "signed bytes" flag set for INT8 and clear
 * for UINT8, so that IMOD and {@link MrcReader} read the bytes back with their sign; plain MRC2014 readers read all
 * mode 0 data as signed. The header has the 'MAP ' stamp, machine stamp 0x44 0x44 0 0, NVERSION 20140, MX/MY/MZ
 * equal to the sizes, CELLA = size x voxel size, angles of 90 degrees, MAPC/MAPR/MAPS 1, 2, 3, DMIN/DMAX/DMEAN/RMS
 * computed from the data, the origin given, no extended header and one label.
 */
public final class MrcWriter {

	private static final int CHUNK_BYTES = 1 << 22;

	private MrcWriter() {
	}

	public static void write(Path file, MrcVolume volume) {
		write(file, volume.volume(), volume.voxelSizeZyx(), volume.originZyx());
	}

	/**
	 * @param voxelSizeZyx voxel size along z, y, x in Angstrom
	 * @param originZyx    the header ORIGIN along z, y, x in Angstrom
	 */
	public static void write(Path file, DenseVolume volume, double[] voxelSizeZyx, double[] originZyx) {
		if (voxelSizeZyx.length != 3 || originZyx.length != 3)
			throw new IllegalArgumentException("voxel size and origin need 3 values (z, y, x)");
		int mode = volume.dataType().mrcMode();
		if (mode < 0)
			throw new TomoPickIoException(file, "MRC cannot store data of type " + volume.dataType() + " ("
					+ volume.dataType().numpyCode() + ")"
					+ "; MRC modes exist for INT8, UINT8, INT16, UINT16, FLOAT16 and FLOAT32");
		byte[] header = header(volume, mode, voxelSizeZyx, originZyx);
		AtomicFiles.write(file, out -> {
			out.write(header);
			writeData(out, volume);
		});
	}

	static byte[] header(DenseVolume volume, int mode, double[] voxelSizeZyx, double[] originZyx) {
		VolumeStatistics stats = VolumeStatistics.of(volume);
		ByteBuffer h = ByteBuffer.allocate(MrcHeader.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
		int[] n = { volume.sizeX(), volume.sizeY(), volume.sizeZ() };
		for (int i = 0; i < 3; i++) {
			h.putInt(4 * i, n[i]);
			h.putInt(28 + 4 * i, n[i]);
			h.putFloat(40 + 4 * i, (float) (n[i] * voxelSizeZyx[2 - i]));
			h.putFloat(52 + 4 * i, 90f);
			h.putInt(64 + 4 * i, i + 1);
			h.putFloat(196 + 4 * i, (float) originZyx[2 - i]);
		}
		h.putInt(12, mode);
		h.putFloat(76, (float) stats.min());
		h.putFloat(80, (float) stats.max());
		h.putFloat(84, (float) stats.mean());
		h.putInt(88, 1); // ISPG: a single volume
		h.putInt(92, 0); // NSYMBT: no extended header
		h.putInt(108, 20140);
		if (mode == 0) {
			h.putInt(152, MrcHeader.IMOD_STAMP);
			h.putInt(156, volume.dataType() == DataType.INT8 ? MrcHeader.IMOD_FLAG_SIGNED_BYTES : 0);
		}
		h.put(208, "MAP ".getBytes(StandardCharsets.US_ASCII));
		h.put(212, new byte[] { 0x44, 0x44, 0, 0 });
		h.putFloat(216, (float) stats.std());
		h.putInt(220, 1);
		byte[] label = new byte[80];
		Arrays.fill(label, (byte) ' ');
		byte[] text = "Written by TomoPick".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(text, 0, label, 0, text.length);
		h.put(224, label);
		return h.array();
	}

	private static void writeData(OutputStream out, DenseVolume volume) throws IOException {
		Object data = volume.data();
		int n = volume.voxelCount();
		if (data instanceof byte[] bytes) {
			out.write(bytes);
			return;
		}
		int elementBytes = data instanceof short[] ? 2 : 4;
		int perChunk = CHUNK_BYTES / elementBytes;
		ByteBuffer chunk = ByteBuffer.allocate(perChunk * elementBytes).order(ByteOrder.LITTLE_ENDIAN);
		for (int done = 0; done < n; done += perChunk) {
			int count = Math.min(perChunk, n - done);
			chunk.clear();
			if (data instanceof short[] shorts)
				chunk.asShortBuffer().put(shorts, done, count);
			else
				chunk.asFloatBuffer().put((float[]) data, done, count);
			out.write(chunk.array(), 0, count * elementBytes);
		}
	}
}
