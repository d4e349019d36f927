package org.tomopick.io.mrc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;

class MrcRoundTripTest {

	private static final int[] SHAPE = { 3, 4, 5 };

	@TempDir
	Path dir;

	static final List<DataType> MRC_TYPES = List.of(DataType.INT8, DataType.UINT8, DataType.INT16,
			DataType.UINT16, DataType.FLOAT32, DataType.FLOAT16);

	@TestFactory
	Stream<DynamicTest> roundTripEveryMode() {
		return MRC_TYPES.stream().map(t -> DynamicTest.dynamicTest(t.toString(), () -> roundTrip(t)));
	}

	private void roundTrip(DataType type) {
		Path file = dir.resolve(type + ".mrc");
		DenseVolume volume = MrcTestVolumes.volume(type, SHAPE);
		MrcWriter.write(file, volume, new double[] { 4.5, 3.25, 2.0 }, new double[] { -30, 20.5, 10 });

		MrcVolume read = MrcReader.read(file);
		assertEquals(type, read.volume().dataType());
		assertArrayEquals(SHAPE, read.volume().shape());
		for (int i = 0; i < 60; i++)
			assertEquals(MrcTestVolumes.expected(type, i), read.volume().getDouble(i), 0, "voxel " + i);
		assertArrayEquals(new double[] { 4.5, 3.25, 2.0 }, read.voxelSizeZyx(), 1e-5);
		assertArrayEquals(new double[] { -30, 20.5, 10 }, read.originZyx(), 1e-6);
	}

	@Test
	void headerFollowsMrc2014() throws IOException {
		Path file = dir.resolve("f.mrc");
		MrcWriter.write(file, MrcTestVolumes.volume(DataType.INT16, SHAPE), new double[] { 2, 3, 4 },
				new double[] { 7, 8, 9 });
		byte[] bytes = Files.readAllBytes(file);
		assertEquals(1024 + 60 * 2, bytes.length);
		ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		assertEquals(5, h.getInt(0)); // NX = x size
		assertEquals(4, h.getInt(4));
		assertEquals(3, h.getInt(8));
		assertEquals(1, h.getInt(12)); // mode int16
		assertEquals(5, h.getInt(28)); // MX
		assertEquals(4, h.getInt(32));
		assertEquals(3, h.getInt(36));
		assertEquals(20f, h.getFloat(40)); // 5 * 4 A along x
		assertEquals(12f, h.getFloat(44)); // 4 * 3 A along y
		assertEquals(6f, h.getFloat(48)); // 3 * 2 A along z
		for (int i = 0; i < 3; i++) {
			assertEquals(90f, h.getFloat(52 + 4 * i));
			assertEquals(i + 1, h.getInt(64 + 4 * i));
		}
		// int16 values (i * 37) % 65536 - 32768 for i = 0..59: min -32768, max 59*37-32768, mean of arithmetic run
		assertEquals(-32768f, h.getFloat(76));
		assertEquals(59 * 37 - 32768f, h.getFloat(80));
		assertEquals(29.5 * 37 - 32768, h.getFloat(84), 1e-3);
		double std = 37 * Math.sqrt((60.0 * 60 - 1) / 12); // population std of 0..59 times 37
		assertEquals(std, h.getFloat(216), 1e-3);
		assertEquals(0, h.getInt(92));
		assertEquals(20140, h.getInt(108));
		assertEquals(9f, h.getFloat(196)); // origin x
		assertEquals(8f, h.getFloat(200));
		assertEquals(7f, h.getFloat(204));
		assertEquals("MAP ", new String(bytes, 208, 4, StandardCharsets.US_ASCII));
		assertArrayEquals(new byte[] { 0x44, 0x44, 0, 0 }, Arrays.copyOfRange(bytes, 212, 216));
		assertEquals(-32768 + 37, h.getShort(1024 + 2)); // second voxel, little endian
	}

	@Test
	void unsupportedTypeFailsNamingTheTypeAndLeavesExistingFile() throws IOException {
		Path file = dir.resolve("keep.mrc");
		Files.write(file, new byte[] { 1, 2, 3 });
		DenseVolume ints = DenseVolume.allocate(SHAPE, DataType.INT32);
		TomoPickIoException e = assertThrows(TomoPickIoException.class,
				() -> MrcWriter.write(file, ints, new double[] { 1, 1, 1 }, new double[3]));
		assertTrue(e.getMessage().contains("INT32") && e.getMessage().contains("keep.mrc"), e.getMessage());
		assertArrayEquals(new byte[] { 1, 2, 3 }, Files.readAllBytes(file));
	}

	@Test
	void failedWriteLeavesExistingFileAndNoTemporaryFile() throws IOException {
		// a name so long that the temporary file next to it cannot be created: the write fails in AtomicFiles
		Path file = dir.resolve("x".repeat(240) + ".mrc");
		byte[] old = "old content".getBytes(StandardCharsets.US_ASCII);
		Files.write(file, old);
		assertThrows(TomoPickIoException.class, () -> MrcWriter.write(file,
				MrcTestVolumes.volume(DataType.FLOAT32, SHAPE), new double[] { 1, 1, 1 }, new double[3]));
		assertArrayEquals(old, Files.readAllBytes(file));
		try (var list = Files.list(dir)) {
			assertEquals(1, list.count());
		}
	}

	@Test
	void overwritesAnExistingFile() {
		Path file = dir.resolve("v.mrc");
		MrcWriter.write(file, MrcTestVolumes.volume(DataType.INT8, SHAPE), new double[] { 1, 1, 1 }, new double[3]);
		MrcWriter.write(file, MrcTestVolumes.volume(DataType.FLOAT32, new int[] { 2, 2, 2 }),
				new double[] { 5, 5, 5 }, new double[3]);
		MrcVolume read = MrcReader.read(file);
		assertEquals(DataType.FLOAT32, read.volume().dataType());
		assertArrayEquals(new int[] { 2, 2, 2 }, read.volume().shape());
	}
}
