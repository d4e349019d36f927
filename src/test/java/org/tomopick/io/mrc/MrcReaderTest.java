package org.tomopick.io.mrc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DataType;
import org.tomopick.io.TomoPickIoException;

/** Reads MRC files written byte by byte in the test, in the variants real files come in. */
class MrcReaderTest {

	@TempDir
	Path dir;

	/** A header with sizes (columns, rows, sections), a mode and a machine stamp; everything else default. */
	private static ByteBuffer header(ByteOrder order, int nc, int nr, int ns, int mode, byte[] stamp) {
		ByteBuffer h = ByteBuffer.allocate(1024).order(order);
		h.putInt(0, nc).putInt(4, nr).putInt(8, ns).putInt(12, mode);
		h.putInt(28, nc).putInt(32, nr).putInt(36, ns);
		h.putFloat(40, nc * 2f).putFloat(44, nr * 2f).putFloat(48, ns * 2f);
		h.putInt(64, 1).putInt(68, 2).putInt(72, 3);
		h.put(208, (byte) 'M').put(209, (byte) 'A').put(210, (byte) 'P').put(211, (byte) ' ');
		h.put(212, stamp[0]).put(213, stamp[1]);
		return h;
	}

	private Path write(String name, ByteBuffer header, byte[] extended, byte[] data) throws IOException {
		Path file = dir.resolve(name);
		byte[] all = new byte[1024 + extended.length + data.length];
		System.arraycopy(header.array(), 0, all, 0, 1024);
		System.arraycopy(extended, 0, all, 1024, extended.length);
		System.arraycopy(data, 0, all, 1024 + extended.length, data.length);
		Files.write(file, all);
		return file;
	}

	@Test
	void readsBigEndianInt16WithExtendedHeader() throws IOException {
		ByteBuffer h = header(ByteOrder.BIG_ENDIAN, 3, 2, 2, 1, new byte[] { 0x11, 0x11 });
		h.putInt(92, 100); // NSYMBT
		h.putFloat(196, 5f).putFloat(200, 6f).putFloat(204, 7f);
		ByteBuffer data = ByteBuffer.allocate(12 * 2).order(ByteOrder.BIG_ENDIAN);
		for (int i = 0; i < 12; i++)
			data.putShort((short) (i * 1000 - 5000));
		byte[] extended = new byte[100];
		Arrays.fill(extended, (byte) 0x7f);
		MrcVolume read = MrcReader.read(write("be.mrc", h, extended, data.array()));
		assertEquals(DataType.INT16, read.volume().dataType());
		assertArrayEquals(new int[] { 2, 2, 3 }, read.volume().shape());
		for (int i = 0; i < 12; i++)
			assertEquals(i * 1000 - 5000, read.volume().getDouble(i));
		assertArrayEquals(new double[] { 2, 2, 2 }, read.voxelSizeZyx(), 1e-9);
		assertArrayEquals(new double[] { 7, 6, 5 }, read.originZyx(), 1e-9);
		assertEquals(ByteOrder.BIG_ENDIAN, MrcReader.readHeader(dir.resolve("be.mrc")).byteOrder());
	}

	@Test
	void detectsByteOrderWhenTheMachineStampIsZero() throws IOException {
		ByteBuffer h = header(ByteOrder.BIG_ENDIAN, 2, 2, 1, 2, new byte[] { 0, 0 });
		ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
		data.putFloat(1.5f).putFloat(-2.25f).putFloat(1e-4f).putFloat(3e6f);
		MrcVolume read = MrcReader.read(write("nostamp.mrc", h, new byte[0], data.array()));
		assertArrayEquals(new float[] { 1.5f, -2.25f, 1e-4f, 3e6f }, (float[]) read.volume().data());
	}

	@Test
	void readsFloat32Uint16AndFloat16LittleEndian() throws IOException {
		ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 2, 1, 1, 6, new byte[] { 0x44, 0x41 });
		byte[] u16 = { (byte) 0xff, (byte) 0xff, 0x01, 0x00 }; // 65535, 1
		MrcVolume read = MrcReader.read(write("u16.mrc", h, new byte[0], u16));
		assertEquals(DataType.UINT16, read.volume().dataType());
		assertEquals(65535, read.volume().getDouble(0));
		assertEquals(1, read.volume().getDouble(1));

		ByteBuffer h12 = header(ByteOrder.LITTLE_ENDIAN, 2, 1, 1, 12, new byte[] { 0x44, 0x44 });
		byte[] f16 = { 0x00, 0x3c, 0x00, (byte) 0xc1 }; // 0x3c00 = 1.0, 0xc100 = -2.5
		read = MrcReader.read(write("f16.mrc", h12, new byte[0], f16));
		assertEquals(DataType.FLOAT16, read.volume().dataType());
		assertEquals(1.0, read.volume().getDouble(0));
		assertEquals(-2.5, read.volume().getDouble(1));
	}

	@Test
	void mode0IsSignedUnlessImodSaysUnsigned() throws IOException {
		byte[] data = { (byte) 200, 5 };
		ByteBuffer plain = header(ByteOrder.LITTLE_ENDIAN, 2, 1, 1, 0, new byte[] { 0x44, 0x44 });
		MrcVolume signed = MrcReader.read(write("s8.mrc", plain, new byte[0], data));
		assertEquals(DataType.INT8, signed.volume().dataType());
		assertEquals(-56, signed.volume().getDouble(0));

		ByteBuffer imod = header(ByteOrder.LITTLE_ENDIAN, 2, 1, 1, 0, new byte[] { 0x44, 0x44 });
		imod.putInt(152, 1146047817).putInt(156, 0);
		MrcVolume unsigned = MrcReader.read(write("u8.mrc", imod, new byte[0], data));
		assertEquals(DataType.UINT8, unsigned.volume().dataType());
		assertEquals(200, unsigned.volume().getDouble(0));

		imod.putInt(156, 1); // IMOD: bytes are signed
		assertEquals(DataType.INT8, MrcReader.read(write("imods8.mrc", imod, new byte[0], data)).volume().dataType());
	}

	@Test
	void reordersPermutedAxes() throws IOException {
		// columns along z (3), rows along x (1), sections along y (2): 2 columns, 3 rows, 4 sections
		ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 2, 3, 4, 2, new byte[] { 0x44, 0x44 });
		h.putInt(64, 3).putInt(68, 1).putInt(72, 2);
		h.putInt(28, 3).putInt(32, 4).putInt(36, 2); // MX MY MZ along x y z
		h.putFloat(40, 3 * 1f).putFloat(44, 4 * 2f).putFloat(48, 2 * 3f);
		ByteBuffer data = ByteBuffer.allocate(24 * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (int s = 0; s < 4; s++)
			for (int r = 0; r < 3; r++)
				for (int c = 0; c < 2; c++)
					data.putFloat(100 * c + 10 * r + s); // value encodes z*100 + x*10 + y
		MrcVolume read = MrcReader.read(write("perm.mrc", h, new byte[0], data.array()));
		assertArrayEquals(new int[] { 2, 4, 3 }, read.volume().shape());
		for (int z = 0; z < 2; z++)
			for (int y = 0; y < 4; y++)
				for (int x = 0; x < 3; x++)
					assertEquals(100 * z + 10 * x + y, read.volume().getDouble(z, y, x));
		assertArrayEquals(new double[] { 3, 2, 1 }, read.voxelSizeZyx(), 1e-9);
	}

	@Test
	void unsupportedModeFailsNamingTheMode() throws IOException {
		ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 2, 2, 2, 4, new byte[] { 0x44, 0x44 });
		Path file = write("complex.mrc", h, new byte[0], new byte[64]);
		TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> MrcReader.read(file));
		assertTrue(e.getMessage().contains("mode 4") && e.getMessage().contains("complex.mrc"), e.getMessage());
	}

	@Test
	void truncatedFileFailsWithExpectedAndActualSize() throws IOException {
		ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 4, 4, 4, 2, new byte[] { 0x44, 0x44 });
		Path file = write("short.mrc", h, new byte[0], new byte[64 * 4 - 10]);
		TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> MrcReader.read(file));
		String m = e.getMessage();
		assertTrue(m.contains("short.mrc") && m.contains(String.valueOf(1024 + 256))
				&& m.contains(String.valueOf(1024 + 246)), m);
		Path tiny = dir.resolve("tiny.mrc");
		Files.write(tiny, new byte[100]);
		assertTrue(assertThrows(TomoPickIoException.class, () -> MrcReader.read(tiny)).getMessage()
				.contains("1024"));
	}

	@Test
	void badAxisMapAndSizesFailClearly() throws IOException {
		ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 2, 2, 2, 2, new byte[] { 0x44, 0x44 });
		h.putInt(64, 1).putInt(68, 1).putInt(72, 3);
		Path file = write("map.mrc", h, new byte[0], new byte[32]);
		assertTrue(assertThrows(TomoPickIoException.class, () -> MrcReader.read(file)).getMessage()
				.contains("MAPC"));
		ByteBuffer z = header(ByteOrder.LITTLE_ENDIAN, 2, 0, 2, 2, new byte[] { 0x44, 0x44 });
		Path zero = write("zero.mrc", z, new byte[0], new byte[32]);
		assertTrue(assertThrows(TomoPickIoException.class, () -> MrcReader.read(zero)).getMessage()
				.contains("NY"));
	}

	@Test
	void aCellSizeThatIsNotAPositiveNumberIsRefusedNamingTheFile() throws IOException {
		for (float bad : new float[] { Float.NaN, 0f, -4f, Float.POSITIVE_INFINITY }) {
			ByteBuffer h = header(ByteOrder.LITTLE_ENDIAN, 2, 2, 2, 2, new byte[] { 0x44, 0x44 });
			h.putFloat(44, bad);
			Path file = write("cell.mrc", h, new byte[0], new byte[32]);
			TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> MrcReader.read(file));
			assertTrue(e.getMessage().contains("cell.mrc") && e.getMessage().contains("CELLA Y"), e.getMessage());
		}
	}

	@Test
	void statisticsStreamedSectionBySectionEqualThoseOfTheWholeMap() throws IOException {
		java.util.Random r = new java.util.Random(3);
		for (org.tomopick.io.DataType type : new org.tomopick.io.DataType[] { org.tomopick.io.DataType.FLOAT32,
				org.tomopick.io.DataType.INT16, org.tomopick.io.DataType.UINT8 }) {
			org.tomopick.io.DenseVolume v = org.tomopick.io.DenseVolume.allocate(new int[] { 7, 9, 11 }, type);
			for (int i = 0; i < v.voxelCount(); i++)
				switch (type) {
				case FLOAT32 -> ((float[]) v.data())[i] = (float) r.nextGaussian();
				case INT16 -> ((short[]) v.data())[i] = (short) (r.nextInt(2000) - 1000);
				default -> ((byte[]) v.data())[i] = (byte) r.nextInt(256);
				}
			Path file = dir.resolve("s-" + type + ".mrc");
			MrcWriter.write(file, v, new double[] { 2, 2, 2 }, new double[3]);
			org.tomopick.io.VolumeStatistics whole = org.tomopick.io.VolumeStatistics.of(MrcReader.read(file).volume());
			org.tomopick.io.VolumeStatistics streamed = MrcReader.statistics(file);
			assertEquals(whole.count(), streamed.count());
			assertEquals(whole.sum(), streamed.sum(), 0, type.toString());
			assertEquals(whole.std(), streamed.std(), 0, type.toString());
			assertEquals(whole.min(), streamed.min(), 0);
			assertEquals(whole.max(), streamed.max(), 0);
		}
	}
}
