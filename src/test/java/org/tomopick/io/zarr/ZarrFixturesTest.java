package org.tomopick.io.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tomopick.io.DenseVolume;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reads every array of the shared zarr-python fixtures and compares with the numpy values in expected.json. */
class ZarrFixturesTest {

	static final Path FIXTURES = Path.of("../shared/data/zarr-fixtures");

	@TestFactory
	Stream<DynamicTest> everyFixtureArrayMatchesNumpy() throws IOException {
		JsonObject expected = ExpectedValues.load(FIXTURES.resolve("expected.json"));
		assertTrue(expected.size() >= 10, "expected.json lists the fixtures");
		return expected.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e)));
	}

	private static void check(Map.Entry<String, JsonElement> e) {
		String name = e.getKey();
		Path dir = name.contains("/") ? FIXTURES.resolve(name.replaceFirst("/", ".zarr/"))
				: FIXTURES.resolve(name + ".zarr");
		ZarrArray array = ZarrArray.open(dir);
		JsonObject entry = e.getValue().getAsJsonObject();
		if (entry.has("dtype"))
			assertEquals(entry.get("dtype").getAsString(), array.metadata().dtypeString(), name + " dtype");
		DenseVolume all = array.readAll(2);
		ExpectedValues.check(name, entry, all);
		DenseVolume serial = array.readAll(1);
		assertEquals(all.getDouble(3, 4, 5), serial.getDouble(3, 4, 5), 0);
	}
}
