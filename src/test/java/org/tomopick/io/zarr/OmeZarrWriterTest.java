package org.tomopick.io.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.Float16;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.zarr.codec.BloscCodec;
import org.tomopick.io.zarr.codec.ChunkCodec;
import org.tomopick.io.zarr.codec.Lz4Codec;
import org.tomopick.io.zarr.codec.RawCodec;
import org.tomopick.io.zarr.codec.ZlibCodec;
import org.tomopick.io.zarr.codec.ZstdCodec;
import org.tomopick.model.VoxelGeometry;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Writing OME-Zarr pyramids and plain arrays: round trips, binning, atomic replacement, and zarr-python reading them. */
class OmeZarrWriterTest {

	@TempDir
	Path tmp;

	/** A volume of the given type whose voxel i holds a small value that every type can store exactly. */
	static DenseVolume ramp(int[] shape, DataType type, long seed) {
		DenseVolume v = DenseVolume.allocate(shape, type);
		Random random = new Random(seed);
		Object d = v.data();
		for (int i = 0; i < v.voxelCount(); i++) {
			int value = random.nextInt(120);
			switch (type) {
			case UINT8, INT8 -> ((byte[]) d)[i] = (byte) value;
			case UINT16, INT16 -> ((short[]) d)[i] = (short) (value * 200);
			case FLOAT16 -> ((short[]) d)[i] = Float16.fromFloat(value / 4f);
			case UINT32, INT32 -> ((int[]) d)[i] = value * 100_000;
			case FLOAT32 -> ((float[]) d)[i] = value * 1e-6f;
			case FLOAT64 -> ((double[]) d)[i] = value * 1e-9;
			}
		}
		return v;
	}

	@Test
	void everyTypeRoundTripsExactlyInJava() {
		int[] shape = { 9, 14, 19 };
		for (DataType type : DataType.values())
			for (OmeZarrWriterSettings.Compressor c : OmeZarrWriterSettings.Compressor.values()) {
				DenseVolume v = ramp(shape, type, type.ordinal());
				Path target = tmp.resolve(type + "-" + c);
				OmeZarrWriter.write(v, target, new OmeZarrWriterSettings(c, 8, 2, 7.5), false);
				OmeZarrGroup group = OmeZarrGroup.open(target);
				DenseVolume back = group.level(0).readAll();
				assertEquals(type, back.dataType());
				for (int i = 0; i < v.voxelCount(); i++)
					assertEquals(v.getDouble(i), back.getDouble(i), type + " " + c + " voxel " + i);
				assertArrayEquals(new int[] { 5, 7, 10 }, group.level(1).shape());
			}
	}

	@Test
	void pyramidIsTwoTimesMeanBinnedWithOddEdgesAndMetadata() {
		float[] data = new float[27];
		for (int i = 0; i < 27; i++)
			data[i] = i;
		Path target = tmp.resolve("tiny");
		OmeZarrWriter.write(DenseVolume.ofFloats(new int[] { 3, 3, 3 }, data), target,
				OmeZarrWriterSettings.defaults(10).withLevels(3), false);
		OmeZarrGroup group = OmeZarrGroup.open(target);
		DenseVolume l1 = group.level(1).readAll();
		assertArrayEquals(new int[] { 2, 2, 2 }, l1.shape());
		assertEquals((0 + 1 + 3 + 4 + 9 + 10 + 12 + 13) / 8.0, l1.getDouble(0, 0, 0), 1e-6);
		assertEquals((2 + 5 + 11 + 14) / 4.0, l1.getDouble(0, 0, 1), 1e-6);
		assertEquals(26, l1.getDouble(1, 1, 1), 0);
		DenseVolume l2 = group.level(2).readAll();
		assertArrayEquals(new int[] { 1, 1, 1 }, l2.shape());
		VoxelGeometry g = group.geometry().orElseThrow();
		assertArrayEquals(new double[] { 40, 40, 40 }, g.voxelSize(2), 1e-12);
		assertArrayEquals(new double[] { 15, 15, 15 }, g.translation(2), 1e-12);
		assertArrayEquals(new double[3], g.translation(0));
	}

	@Test
	void integerMeansAreRounded() {
		DenseVolume v = DenseVolume.allocate(new int[] { 1, 1, 2 }, DataType.INT16);
		((short[]) v.data())[0] = 2;
		((short[]) v.data())[1] = 5;
		assertEquals(4, PyramidBinner.bin2(v).getDouble(0), "3.5 rounds up");
		((short[]) v.data())[0] = -2;
		((short[]) v.data())[1] = -5;
		assertEquals(-4, PyramidBinner.bin2(v).getDouble(0), "-3.5 rounds away from zero");
	}

	@Test
	void aWriteKilledBetweenItsRenamesIsRecoveredAndOnlyZarrStoresAreReplaced() throws IOException {
		Path target = tmp.resolve("t.zarr");
		DenseVolume a = ramp(new int[] { 4, 5, 6 }, DataType.FLOAT32, 1);
		DenseVolume b = ramp(new int[] { 3, 3, 3 }, DataType.FLOAT32, 2);
		OmeZarrWriter.write(a, target, OmeZarrWriterSettings.defaults(10), false);
		// as a kill -9 leaves it: the old output moved aside, the new one half written, no output at all
		Files.move(target, tmp.resolve(".t.zarr.old-1234abcd"));
		Files.createDirectories(tmp.resolve(".t.zarr.tmp-1234abcd/0"));
		Files.writeString(tmp.resolve(".t.zarr.tmp-1234abcd/0/.zarray"), "{half");
		assertArrayEquals(new int[] { 4, 5, 6 }, org.tomopick.io.VolumeSource.open(target).shape(0),
				"a reader puts the old output back, whole");
		assertEquals(a.getDouble(7), OmeZarrGroup.open(target).level(0).readAll().getDouble(7));
		TomoPickIoException e = assertThrows(TomoPickIoException.class,
				() -> OmeZarrWriter.write(b, target, OmeZarrWriterSettings.defaults(10), false));
		assertTrue(e.getMessage().contains("already exists"), "the old output is back: " + e.getMessage());
		assertArrayEquals(new int[] { 4, 5, 6 }, OmeZarrGroup.open(target).level(0).shape());
		assertEquals(1, siblings(), "the leftovers are gone");

		// --overwrite replaces a Zarr store, never a folder of something else
		Path folder = Files.createDirectories(tmp.resolve("notes"));
		Files.writeString(folder.resolve("thesis.tex"), "precious");
		TomoPickIoException refused = assertThrows(TomoPickIoException.class,
				() -> OmeZarrWriter.write(b, folder, OmeZarrWriterSettings.defaults(10), true));
		assertTrue(refused.getMessage().contains("not a Zarr store"), refused.getMessage());
		assertEquals("precious", Files.readString(folder.resolve("thesis.tex")));
	}

	@Test
	void aCancelledOverwriteLeavesTheOldStoreAndNoTemporary() throws IOException {
		Path target = tmp.resolve("t.zarr");
		OmeZarrWriter.write(ramp(new int[] { 4, 5, 6 }, DataType.FLOAT32, 1), target,
				OmeZarrWriterSettings.defaults(10), false);
		java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
		org.tomopick.progress.Progress cancelSoon = new org.tomopick.progress.Progress() {
			@Override
			public boolean isCancelled() {
				return checks.incrementAndGet() > 3;
			}
		};
		OmeZarrWriterSettings small = OmeZarrWriterSettings.defaults(10).withChunkSize(8);
		assertThrows(org.tomopick.progress.CancelledException.class, () -> OmeZarrWriter.write(
				ramp(new int[] { 40, 40, 40 }, DataType.FLOAT32, 2), target, small, true, cancelSoon));
		assertArrayEquals(new int[] { 4, 5, 6 }, OmeZarrGroup.open(target).level(0).shape());
		assertEquals(1, siblings(), "no temporary or old directory left");
	}

	@Test
	void existingTargetIsRefusedUnlessOverwriting() throws IOException {
		Path target = tmp.resolve("t.zarr");
		DenseVolume a = ramp(new int[] { 4, 5, 6 }, DataType.FLOAT32, 1);
		DenseVolume b = ramp(new int[] { 3, 3, 3 }, DataType.FLOAT32, 2);
		OmeZarrWriter.write(a, target, OmeZarrWriterSettings.defaults(10), false);
		TomoPickIoException e = assertThrows(TomoPickIoException.class,
				() -> OmeZarrWriter.write(b, target, OmeZarrWriterSettings.defaults(10), false));
		assertTrue(e.getMessage().contains("already exists"), e.getMessage());
		assertArrayEquals(new int[] { 4, 5, 6 }, OmeZarrGroup.open(target).level(0).shape());
		OmeZarrWriter.write(b, target, OmeZarrWriterSettings.defaults(10).withLevels(1), true);
		OmeZarrGroup group = OmeZarrGroup.open(target);
		assertEquals(1, group.levels());
		assertArrayEquals(new int[] { 3, 3, 3 }, group.level(0).shape());
		assertFalse(Files.exists(target.resolve("1")), "nothing of the old group is left");
		assertEquals(1, siblings(), "no temporary or old directories left");
	}

	@Test
	void failureHalfWayLeavesNoPartialDirectoryAndKeepsTheOldOne() throws IOException {
		Path target = tmp.resolve("f.zarr");
		assertThrows(IllegalStateException.class, () -> DirectoryCommit.write(target, true, dir -> {
			try {
				Files.writeString(dir.resolve(".zgroup"), "{}");
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
			throw new IllegalStateException("disk full");
		}));
		assertFalse(Files.exists(target));
		assertEquals(0, siblings());
		OmeZarrWriter.write(ramp(new int[] { 2, 2, 2 }, DataType.UINT8, 3), target, OmeZarrWriterSettings.defaults(5),
				false);
		assertThrows(IllegalStateException.class, () -> DirectoryCommit.write(target, true, dir -> {
			throw new IllegalStateException("disk full");
		}));
		assertEquals(DataType.UINT8, OmeZarrGroup.open(target).level(0).dataType());
		assertEquals(1, siblings());
	}

	private long siblings() throws IOException {
		try (Stream<Path> s = Files.list(tmp)) {
			return s.count();
		}
	}

	@Test
	void plainArrayWriterWritesAZarrArray() {
		DenseVolume v = ramp(new int[] { 5, 6, 7 }, DataType.INT32, 9);
		Path target = tmp.resolve("plain");
		ZarrArrayWriter.write(v, target, new int[] { 3, 4, 5 }, OmeZarrWriterSettings.Compressor.ZLIB.codec(), false);
		ZarrArray array = ZarrArray.open(target);
		assertArrayEquals(new int[] { 3, 4, 5 }, array.chunks());
		assertEquals("/", array.metadata().separator());
		assertEquals(v.getDouble(4, 5, 6), array.readAll().getDouble(4, 5, 6));
	}

	@Test
	void zarrPythonReadsWhatJavaWrites() throws IOException {
		PythonZarr.assumeAvailable();
		int[] shape = { 13, 20, 27 };
		DenseVolume f32 = ramp(shape, DataType.FLOAT32, 11);
		Path lz4 = tmp.resolve("lz4.zarr");
		OmeZarrWriter.write(f32, lz4, new OmeZarrWriterSettings(OmeZarrWriterSettings.Compressor.BLOSC_LZ4, 8, 3, 10),
				false);
		DenseVolume i16 = ramp(shape, DataType.INT16, 12);
		Path zlib = tmp.resolve("zlib.zarr");
		OmeZarrWriter.write(i16, zlib, new OmeZarrWriterSettings(OmeZarrWriterSettings.Compressor.ZLIB, 16, 2, 10),
				false);
		String script = String.join("\n", "import sys, json, zarr, numpy as np", "out = {}",
				"for path in sys.argv[1:]:",
				"    g = zarr.open_group(path, mode='r')",
				"    ms = g.attrs['multiscales'][0]",
				"    levels = [g[d['path']][...] for d in ms['datasets']]",
				"    errs = []",
				"    for a, b in zip(levels, levels[1:]):",
				"        a = a.astype(np.float64)",
				"        s = [(n + 1) // 2 for n in a.shape]",
				"        acc = np.zeros(s); cnt = np.zeros(s)",
				"        for dz in (0, 1):",
				"            for dy in (0, 1):",
				"                for dx in (0, 1):",
				"                    part = a[dz::2, dy::2, dx::2]",
				"                    acc[:part.shape[0], :part.shape[1], :part.shape[2]] += part",
				"                    cnt[:part.shape[0], :part.shape[1], :part.shape[2]] += 1",
				"        errs.append(float(np.abs(acc / cnt - b).max()))",
				"    out[path] = {'dtype': levels[0].dtype.str, 'shapes': [list(l.shape) for l in levels],",
				"        'sum0': float(levels[0].astype(np.float64).sum()), 'v': float(levels[0][12, 19, 26]),",
				"        'bin_err': errs, 'scales': [d['coordinateTransformations'][0]['scale'][0] for d in ms['datasets']],",
				"        'units': [a['unit'] for a in ms['axes']], 'sep': levels[0].shape and g['0']._dimension_separator}",
				"print(json.dumps(out))");
		String output = PythonZarr.output(script, lz4.toString(), zlib.toString());
		JsonObject result = JsonParser.parseString(output.strip()).getAsJsonObject();
		check(result.getAsJsonObject(lz4.toString()), f32, "<f4", 3, 1e-6 * 0.01);
		check(result.getAsJsonObject(zlib.toString()), i16, "<i2", 2, 0.5);
	}

	@Test
	void zarrPythonReadsEveryCodecJavaWritesIncludingMultiBlockBloscChunks() throws IOException {
		PythonZarr.assumeAvailable();
		int[] shape = { 35, 64, 70 };
		DenseVolume v = ramp(shape, DataType.FLOAT32, 21);
		ChunkCodec[] codecs = { BloscCodec.lz4Shuffled(), new BloscCodec("lz4", 5, BloscCodec.NOSHUFFLE, 0),
				new BloscCodec("zstd", 3, BloscCodec.SHUFFLE, 0), new BloscCodec("zlib", 5, BloscCodec.SHUFFLE, 0),
				new ZstdCodec(3), new Lz4Codec(1), ZlibCodec.gzip(5), new RawCodec() };
		List<String> paths = new ArrayList<>();
		for (int k = 0; k < codecs.length; k++) {
			Path target = tmp.resolve("codec" + k);
			// 33 x 64 x 64 float32 chunks are 540672 bytes: four 128 KiB blosc blocks and a leftover block
			ZarrArrayWriter.write(v, target, new int[] { 33, 64, 64 }, codecs[k], false);
			paths.add(target.toString());
		}
		String script = String.join("\n", "import sys, json, zarr, numpy as np",
				"print(json.dumps([[float(a.astype(np.float64).sum()), float(a[34, 63, 69]), float(a[1, 2, 3])]",
				"    for a in (zarr.open(p, mode='r')[...] for p in sys.argv[1:])]))");
		String output = PythonZarr.output(script, paths.toArray(String[]::new));
		var rows = JsonParser.parseString(output.strip()).getAsJsonArray();
		double sum = 0;
		for (int i = 0; i < v.voxelCount(); i++)
			sum += v.getDouble(i);
		for (int k = 0; k < codecs.length; k++) {
			var row = rows.get(k).getAsJsonArray();
			String what = codecs[k].toJson();
			assertEquals(sum, row.get(0).getAsDouble(), 1e-9 * sum, what);
			assertEquals(v.getDouble(34, 63, 69), row.get(1).getAsDouble(), what);
			assertEquals(v.getDouble(1, 2, 3), row.get(2).getAsDouble(), what);
		}
	}

	private static void check(JsonObject r, DenseVolume source, String dtype, int levels, double binTolerance) {
		assertEquals(dtype, r.get("dtype").getAsString());
		assertEquals(levels, r.getAsJsonArray("shapes").size());
		assertEquals("[13,20,27]", r.getAsJsonArray("shapes").get(0).toString());
		assertEquals("[7,10,14]", r.getAsJsonArray("shapes").get(1).toString());
		double sum = 0;
		for (int i = 0; i < source.voxelCount(); i++)
			sum += source.getDouble(i);
		assertEquals(sum, r.get("sum0").getAsDouble(), 1e-9 * Math.abs(sum));
		assertEquals(source.getDouble(12, 19, 26), r.get("v").getAsDouble());
		for (var err : r.getAsJsonArray("bin_err"))
			assertTrue(err.getAsDouble() <= binTolerance, "binned level differs from numpy's mean by " + err);
		assertEquals(10.0, r.getAsJsonArray("scales").get(0).getAsDouble());
		assertEquals(20.0, r.getAsJsonArray("scales").get(1).getAsDouble());
		assertEquals("[\"angstrom\",\"angstrom\",\"angstrom\"]", r.getAsJsonArray("units").toString());
		assertEquals("/", r.get("sep").getAsString());
	}
}
