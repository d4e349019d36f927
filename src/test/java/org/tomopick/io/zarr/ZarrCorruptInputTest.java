package org.tomopick.io.zarr;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.TomoPickIoException;

/** Broken stores (copies of a shared fixture in a temporary folder) fail with messages naming the file. */
class ZarrCorruptInputTest {

	static final Path SOURCE = ZarrFixturesTest.FIXTURES.resolve("blosc_lz4_shuffle_slash.zarr");

	@TempDir
	Path tmp;

	private Path copy() throws IOException {
		Path dest = tmp.resolve("array");
		try (Stream<Path> files = Files.walk(SOURCE)) {
			for (Path p : (Iterable<Path>) files::iterator) {
				Path target = dest.resolve(SOURCE.relativize(p).toString());
				if (Files.isDirectory(p))
					Files.createDirectories(target);
				else
					Files.copy(p, target);
			}
		}
		return dest;
	}

	private static void assertFails(Path file, String part, Executable action) {
		TomoPickIoException e = assertThrows(TomoPickIoException.class, action);
		assertTrue(e.getMessage().contains(file.toString()), "names " + file + ": " + e.getMessage());
		assertTrue(e.getMessage().contains(part), "says '" + part + "': " + e.getMessage());
	}

	@Test
	void truncatedChunk() throws IOException {
		Path array = copy();
		Path chunk = array.resolve("0/1/2");
		byte[] bytes = Files.readAllBytes(chunk);
		Files.write(chunk, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		assertFails(chunk, "truncated", () -> ZarrArray.open(array).readAll());
	}

	@Test
	void flippedBloscVersionByte() throws IOException {
		Path array = copy();
		Path chunk = array.resolve("1/0/0");
		byte[] bytes = Files.readAllBytes(chunk);
		bytes[0] = (byte) ~bytes[0];
		Files.write(chunk, bytes);
		assertFails(chunk, "blosc format version 253", () -> ZarrArray.open(array).readAll());
	}

	@Test
	void chunkDecodingToTheWrongSize() throws IOException {
		Path array = copy();
		Path chunk = array.resolve("0/0/0");
		byte[] bytes = Files.readAllBytes(chunk);
		bytes[5] ^= 0x01; // nbytes in the header
		Files.write(chunk, bytes);
		assertFails(chunk, "uncompressed bytes", () -> ZarrArray.open(array).read(new int[3], new int[] { 1, 1, 1 }));
	}

	@Test
	void unknownCodecId() throws IOException {
		Path array = copy();
		Path zarray = array.resolve(".zarray");
		Files.writeString(zarray, Files.readString(zarray).replace("\"id\": \"blosc\"", "\"id\": \"lzma\""));
		assertFails(zarray, "'lzma'", () -> ZarrArray.open(array));
	}

	@Test
	void unsupportedBloscCname() throws IOException {
		Path array = copy();
		Path zarray = array.resolve(".zarray");
		Files.writeString(zarray, Files.readString(zarray).replace("\"lz4\"", "\"snappy\""));
		assertFails(zarray, "snappy", () -> ZarrArray.open(array));
	}

	@Test
	void missingZarray() throws IOException {
		Path array = copy();
		Files.delete(array.resolve(".zarray"));
		assertFails(array.resolve(".zarray"), "missing", () -> ZarrArray.open(array));
	}

	@Test
	void malformedZarrayJson() throws IOException {
		Path array = copy();
		Path zarray = array.resolve(".zarray");
		Files.writeString(zarray, Files.readString(zarray).substring(0, 100));
		assertFails(zarray, "malformed JSON", () -> ZarrArray.open(array));
	}

	@Test
	void badFieldsAreNamed() throws IOException {
		Path array = copy();
		Path zarray = array.resolve(".zarray");
		String good = Files.readString(zarray);
		String[][] cases = { { "\"zarr_format\": 2", "\"zarr_format\": 3", "zarr_format 3" },
				{ "\"filters\": null", "\"filters\": [{\"id\": \"delta\", \"dtype\": \"<f4\"}]", "filter 'delta'" },
				{ "\"order\": \"C\"", "\"order\": \"X\"", "order \"X\"" },
				{ "\"dtype\": \"<f4\"", "\"dtype\": \"<c8\"", "dtype \"<c8\"" },
				{ "\"dimension_separator\": \"/\"", "\"dimension_separator\": \"-\"", "dimension_separator" },
				{ "\"fill_value\": 0.0", "\"fill_value\": \"zero\"", "fill_value" } };
		for (String[] c : cases) {
			Files.writeString(zarray, good.replace(c[0], c[1]));
			assertFails(zarray, c[2], () -> ZarrArray.open(array));
		}
		Files.writeString(zarray, good.replaceFirst("\"shape\": \\[\\s*21,", "\"shape\": ["));
		assertFails(zarray, "only 3D", () -> ZarrArray.open(array));
	}

	@Test
	void aChunkThatIsAFifoOrFarTooLargeIsRefusedNotWaitedOnOrAllocated() throws Exception {
		Path array = copy();
		Path chunk = array.resolve("0/1/2");
		Files.delete(chunk);
		assertTrue(new ProcessBuilder("mkfifo", chunk.toString()).start().waitFor() == 0, "mkfifo (coreutils)");
		assertFails(chunk, "not a regular file", () -> ZarrArray.open(array).readAll());
		Files.delete(chunk);
		try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(chunk.toFile(), "rw")) {
			huge.setLength(3L << 30); // sparse: 3 GB claimed, no disk used
		}
		assertFails(chunk, "larger than a chunk", () -> ZarrArray.open(array).readAll());
	}

	@Test
	void anArrayTooLargeForMemoryIsRefusedBeforeAllocatingNamingTheFileAndWhatToDo() throws IOException {
		for (String shape : new String[] { "[100000, 100000, 100000]", "[2147483647, 96, 96]", "[1200, 1200, 1200]" }) {
			Path array = Files.createDirectories(tmp.resolve("big" + shape.hashCode()));
			Files.writeString(array.resolve(".zarray"), "{\"zarr_format\": 2, \"shape\": " + shape + ", \"chunks\": "
					+ "[64, 64, 64], \"dtype\": \"<f4\", \"compressor\": null, \"fill_value\": 0, \"order\": \"C\", "
					+ "\"filters\": null}");
			TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> ZarrArray.open(array).readAll(),
					shape);
			assertTrue(e.getMessage().contains(array.toString()), e.getMessage());
			assertTrue(e.getMessage().contains("coarser pyramid level or a crop"), e.getMessage());
		}
	}

	@Test
	void statisticsOfAnArrayLargerThanTheHeapAreStreamedChunkRowByChunkRow() throws IOException {
		// 1600 x 1024 x 1024 float32 = 6.7 GB, more than the tests' 6 GB heap; no chunk files: all fill value 2.5
		Path array = Files.createDirectories(tmp.resolve("huge"));
		Files.writeString(array.resolve(".zarray"), "{\"zarr_format\": 2, \"shape\": [1600, 1024, 1024], \"chunks\": "
				+ "[64, 256, 256], \"dtype\": \"<f4\", \"compressor\": null, \"fill_value\": 2.5, \"order\": \"C\", "
				+ "\"filters\": null}");
		org.tomopick.io.VolumeSource source = org.tomopick.io.VolumeSource.open(array);
		assertThrows(TomoPickIoException.class, () -> source.read(0), "the whole volume does not fit");
		org.tomopick.io.VolumeStatistics stats = source.statistics(0);
		org.junit.jupiter.api.Assertions.assertEquals(1600L * 1024 * 1024, stats.count());
		org.junit.jupiter.api.Assertions.assertEquals(2.5, stats.mean(), 0);
		org.junit.jupiter.api.Assertions.assertEquals(0, stats.std(), 0);
	}

	@Test
	void streamedStatisticsEqualThoseOfTheWholeVolumeExactly() throws IOException {
		org.tomopick.io.VolumeSource source = org.tomopick.io.VolumeSource.open(SOURCE);
		org.tomopick.io.VolumeStatistics whole = org.tomopick.io.VolumeStatistics.of(source.read(0));
		org.tomopick.io.VolumeStatistics streamed = source.statistics(0);
		org.junit.jupiter.api.Assertions.assertEquals(whole.count(), streamed.count());
		org.junit.jupiter.api.Assertions.assertEquals(whole.sum(), streamed.sum(), 0);
		org.junit.jupiter.api.Assertions.assertEquals(whole.mean(), streamed.mean(), 0);
		org.junit.jupiter.api.Assertions.assertEquals(whole.std(), streamed.std(), 0);
		org.junit.jupiter.api.Assertions.assertEquals(whole.min(), streamed.min(), 0);
		org.junit.jupiter.api.Assertions.assertEquals(whole.max(), streamed.max(), 0);
	}
}
