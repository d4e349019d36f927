package org.tomopick.io.mrc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.VolumeStatistics;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Cross-checks against Python's mrcfile (Debian's /usr/bin/python3), both directions. */
class MrcfileCrossCheckTest {

	private static final int[] SHAPE = { 3, 4, 5 };

	/** Prints, as JSON, what mrcfile makes of a file (opened strictly) and whether it validates it. */
	private static final String DESCRIBE = String.join("\n", //
			"import sys, json, io, contextlib, mrcfile, numpy as np", //
			"path = sys.argv[1]", //
			"out = io.StringIO()", //
			"with contextlib.redirect_stdout(out):", //
			"    valid = mrcfile.validate(path)", //
			"with mrcfile.open(path, permissive=False) as m:", //
			"    h = m.header", //
			"    print(json.dumps({'valid': bool(valid), 'problems': out.getvalue(), 'mode': int(h.mode),", //
			"        'dtype': m.data.dtype.str, 'shape': list(m.data.shape),", //
			"        'voxel': [float(m.voxel_size.z), float(m.voxel_size.y), float(m.voxel_size.x)],", //
			"        'origin': [float(h.origin.z), float(h.origin.y), float(h.origin.x)],", //
			"        'values': [float(v) for v in m.data.ravel()],", //
			"        'dmin': float(h.dmin), 'dmax': float(h.dmax), 'dmean': float(h.dmean), 'rms': float(h.rms)}))");

	/** Writes a (3, 4, 5) volume of the given dtype with the same formula as MrcTestVolumes. */
	private static final String WRITE = String.join("\n", //
			"import sys, mrcfile, numpy as np", //
			"path, dtype = sys.argv[1], sys.argv[2]", //
			"i = np.arange(60, dtype=np.int64)", //
			"f = {'i1': (i * 7) % 256 - 128, 'i2': (i * 37) % 65536 - 32768, 'u2': (i * 37) % 65536,", //
			"     'f2': ((i % 64) - 32) * 0.25, 'f4': np.sin(i * 0.1) * 1000}[dtype]", //
			"data = f.astype(dtype).reshape(3, 4, 5)", //
			"with mrcfile.new(path) as m:", //
			"    m.set_data(data)", //
			"    m.voxel_size = (1.5, 2.5, 3.5)", //
			"    m.header.origin = (11.0, 12.0, 13.0)");

	@TempDir
	Path dir;

	@BeforeEach
	void needsMrcfile() {
		PythonMrcfile.assumeAvailable();
	}

	@Test
	void mrcfileReadsWhatTomoPickWrites() {
		for (DataType type : MrcRoundTripTest.MRC_TYPES) {
			if (type == DataType.UINT8)
				continue; // mrcfile reads every mode 0 file as int8 (checked below)
			Path file = dir.resolve(type + ".mrc");
			DenseVolume volume = MrcTestVolumes.volume(type, SHAPE);
			MrcWriter.write(file, volume, new double[] { 4, 3, 2 }, new double[] { -1, 2, 3.5 });
			JsonObject seen = JsonParser.parseString(PythonMrcfile.run(DESCRIBE, file.toString())).getAsJsonObject();
			assertTrue(seen.get("valid").getAsBoolean(), type + ": " + seen.get("problems").getAsString());
			assertEquals(type.mrcMode(), seen.get("mode").getAsInt());
			assertEquals(type.numpyCode(), seen.get("dtype").getAsString().substring(1), type.toString());
			assertEquals("[3,4,5]", seen.get("shape").toString());
			assertArrayEquals(new double[] { 4, 3, 2 }, doubles(seen.getAsJsonArray("voxel")), 1e-5);
			assertArrayEquals(new double[] { -1, 2, 3.5 }, doubles(seen.getAsJsonArray("origin")), 1e-6);
			double[] values = doubles(seen.getAsJsonArray("values"));
			for (int i = 0; i < 60; i++)
				assertEquals(MrcTestVolumes.expected(type, i), values[i], 0, type + " voxel " + i);
			VolumeStatistics s = VolumeStatistics.of(volume);
			assertEquals(s.min(), seen.get("dmin").getAsDouble(), 1e-3 * Math.max(1, Math.abs(s.min())));
			assertEquals(s.max(), seen.get("dmax").getAsDouble(), 1e-3 * Math.max(1, Math.abs(s.max())));
			assertEquals(s.std(), seen.get("rms").getAsDouble(), 1e-3 * Math.max(1, s.std()));
		}
	}

	@Test
	void mrcfileReadsUnsignedBytesAsMode0() {
		Path file = dir.resolve("u8.mrc");
		MrcWriter.write(file, MrcTestVolumes.volume(DataType.UINT8, SHAPE), new double[] { 1, 1, 1 },
				new double[3]);
		JsonObject seen = JsonParser.parseString(PythonMrcfile.run(DESCRIBE, file.toString())).getAsJsonObject();
		assertEquals(0, seen.get("mode").getAsInt());
		double[] values = doubles(seen.getAsJsonArray("values"));
		assertEquals((byte) (int) MrcTestVolumes.expected(DataType.UINT8, 30), values[30]); // same bits, signed
	}

	@Test
	void tomoPickReadsWhatMrcfileWrites() {
		for (DataType type : new DataType[] { DataType.INT8, DataType.INT16, DataType.UINT16, DataType.FLOAT16,
				DataType.FLOAT32 }) {
			Path file = dir.resolve("py-" + type + ".mrc");
			PythonMrcfile.run(WRITE, file.toString(), type.numpyCode());
			MrcVolume read = MrcReader.read(file);
			assertEquals(type, read.volume().dataType());
			assertArrayEquals(SHAPE, read.volume().shape());
			for (int i = 0; i < 60; i++) {
				double expected = MrcTestVolumes.expected(type, i);
				if (type == DataType.FLOAT32) // numpy rounds the double formula to float the same way
					expected = (float) (Math.sin(i * 0.1) * 1000);
				assertEquals(expected, read.volume().getDouble(i), 0, type + " voxel " + i);
			}
			assertArrayEquals(new double[] { 3.5, 2.5, 1.5 }, read.voxelSizeZyx(), 1e-5);
			assertArrayEquals(new double[] { 13, 12, 11 }, read.originZyx(), 1e-6);
		}
	}

	@Test
	void templatesMatchMrcfile() throws IOException {
		String script = String.join("\n", //
				"import sys, json, mrcfile, numpy as np", //
				"for p in sys.argv[1:]:", //
				"    with mrcfile.open(p, permissive=False) as m:", //
				"        print(json.dumps({'shape': list(m.data.shape), 'voxel': float(m.voxel_size.x),", //
				"            'sum': float(m.data.astype(np.float64).sum()), 'max': float(m.data.max())}))");
		String[] paths = MrcTemplatesTest.templates().stream().map(Path::toString).toArray(String[]::new);
		String[] lines = PythonMrcfile.run(script, paths).strip().split("\n");
		assertEquals(paths.length, lines.length);
		for (int k = 0; k < paths.length; k++) {
			JsonObject seen = JsonParser.parseString(lines[k]).getAsJsonObject();
			MrcVolume read = MrcReader.read(Path.of(paths[k]));
			JsonArray shape = seen.getAsJsonArray("shape");
			assertArrayEquals(new int[] { shape.get(0).getAsInt(), shape.get(1).getAsInt(), shape.get(2).getAsInt() },
					read.volume().shape(), paths[k]);
			assertEquals(seen.get("voxel").getAsDouble(), read.voxelSizeZyx()[2], 1e-6, paths[k]);
			VolumeStatistics s = VolumeStatistics.of(read.volume());
			assertEquals(seen.get("sum").getAsDouble(), s.sum(), 1e-6 * Math.abs(s.sum()) + 1e-6, paths[k]);
			assertEquals(seen.get("max").getAsDouble(), s.max(), 0, paths[k]);
		}
	}

	private static double[] doubles(JsonArray array) {
		double[] d = new double[array.size()];
		for (int i = 0; i < d.length; i++)
			d[i] = array.get(i).getAsDouble();
		return d;
	}
}
