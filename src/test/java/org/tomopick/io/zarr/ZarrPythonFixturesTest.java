package org.tomopick.io.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads the arrays that src/test/python/make_zarr_fixtures.py wrote with zarr-python (bit shuffle, lz4hc, blosclz,
 * zlib and zstd in blosc, standalone codecs, all dtypes, big-endian, F order, missing chunks) and compares with the
 * values numpy computed.
 */
class ZarrPythonFixturesTest {

	static final Path DIR = Path.of("src/test/resources/zarr-python");
	static final String UNSUPPORTED = "blosc_snappy_unsupported";

	@TestFactory
	Stream<DynamicTest> everyCaseMatchesNumpy() throws IOException {
		JsonObject expected = ExpectedValues.load(DIR.resolve("expected.json"));
		assertTrue(expected.size() >= 20);
		return expected.entrySet().stream().filter(e -> !e.getKey().equals(UNSUPPORTED))
				.map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue().getAsJsonObject())));
	}

	private static void check(String name, JsonObject entry) {
		ZarrArray array = ZarrArray.open(DIR.resolve(name));
		assertEquals(entry.get("dtype").getAsString(), array.metadata().dtypeString(), name + " dtype");
		DenseVolume v = array.readAll(2);
		assertArrayEquals(ExpectedValues.shape(entry), v.shape(), name + " shape");
		double sum = 0, sumsq = 0;
		int nan = 0, inf = 0;
		for (int i = 0; i < v.voxelCount(); i++) {
			double x = v.getDouble(i);
			if (Double.isNaN(x))
				nan++;
			else if (Double.isInfinite(x))
				inf++;
			else {
				sum += x;
				sumsq += x * x;
			}
		}
		assertEquals(entry.get("nan_count").getAsInt(), nan, name + " NaN count");
		assertEquals(entry.get("inf_count").getAsInt(), inf, name + " infinity count");
		ExpectedValues.assertClose(entry.get("finite_sum").getAsDouble(), sum, name + " sum");
		ExpectedValues.assertClose(entry.get("finite_sumsq").getAsDouble(), sumsq, name + " sum of squares");
		assertEquals(entry.get("first").getAsDouble(), v.getDouble(0), 0, name + " first");
		assertEquals(entry.get("last").getAsDouble(), v.getDouble(v.voxelCount() - 1), 0, name + " last");
		for (JsonElement s : entry.getAsJsonArray("samples")) {
			var a = s.getAsJsonArray();
			int z = a.get(0).getAsInt(), y = a.get(1).getAsInt(), x = a.get(2).getAsInt();
			assertEquals(a.get(3).getAsDouble(), v.getDouble(z, y, x), 0, name + " at " + s);
		}
	}

	@Test
	void snappyInsideBloscFailsNamingTheCompressorAndFile() {
		Path dir = DIR.resolve(UNSUPPORTED);
		TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> ZarrArray.open(dir));
		assertTrue(e.getMessage().contains("snappy"), e.getMessage());
		assertTrue(e.getMessage().contains(dir.resolve(".zarray").toString()), e.getMessage());
	}
}
