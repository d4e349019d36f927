package org.tomopick.io.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tomopick.io.DenseVolume;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Checks a volume against one entry of an expected.json written by numpy (shape, sum, sumsq, sample values). */
final class ExpectedValues {

	private ExpectedValues() {
	}

	static JsonObject load(Path expectedJson) throws IOException {
		return JsonParser.parseString(Files.readString(expectedJson)).getAsJsonObject();
	}

	static int[] shape(JsonObject entry) {
		JsonArray a = entry.getAsJsonArray("shape");
		return new int[] { a.get(0).getAsInt(), a.get(1).getAsInt(), a.get(2).getAsInt() };
	}

	static void check(String name, JsonObject entry, DenseVolume v) {
		assertArrayEquals(shape(entry), v.shape(), name + " shape");
		double sum = 0, sumsq = 0;
		for (int i = 0; i < v.voxelCount(); i++) {
			double x = v.getDouble(i);
			sum += x;
			sumsq += x * x;
		}
		assertClose(entry.get("sum").getAsDouble(), sum, name + " sum");
		if (entry.has("sumsq"))
			assertClose(entry.get("sumsq").getAsDouble(), sumsq, name + " sumsq");
		if (entry.has("first"))
			assertEquals(entry.get("first").getAsDouble(), v.getDouble(0), 0, name + " first");
		if (entry.has("last"))
			assertEquals(entry.get("last").getAsDouble(), v.getDouble(v.voxelCount() - 1), 0, name + " last");
		if (entry.has("at_5_6_7"))
			assertEquals(entry.get("at_5_6_7").getAsDouble(), v.getDouble(5, 6, 7), 0, name + " at [5,6,7]");
	}

	/** Sums of float32 data differ from numpy's pairwise float64 sum only by rounding. */
	static void assertClose(double expected, double actual, String what) {
		assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)) + 1e-6 * Math.abs(expected), what);
	}
}
