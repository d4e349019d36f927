package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.mrc.MrcWriter;

/**
 * The crafted and broken inputs of the hardening issue, through the command line as a user meets them: each one is
 * refused with exit code 2 and one line that names the file, with no stack trace, nothing written and no hidden file
 * left behind. The crafted files are made here.
 */
class HostileInputsCliTest {

	@TempDir
	Path tmp;
	Path project;
	Path models;

	@BeforeEach
	void tinyProjectAndACopyOfTheShippedModels() throws IOException {
		project = tmp.resolve("project");
		assertEquals(0, TomoPickCliTest.cli("simulate", "--out", project.toString(), "--shape", "16,32,32", "--runs",
				"1", "--density", "1000").code());
		models = tmp.resolve("models");
		for (String f : List.of("unet/unet.json", "unet/unet.params", "yolo/yolo.json", "yolo/yolo.params",
				"classifier/classifier.json", "classifier/classifier.forest", "pipeline.json")) {
			Files.createDirectories(models.resolve(f).getParent());
			Files.copy(Path.of("models").resolve(f), models.resolve(f));
		}
	}

	/** Exit code 2, one error line naming {@code named}, no trace; the output folder holds no picks, hidden or not. */
	private TomoPickCliTest.Run refused(String named, String... args) throws IOException {
		TomoPickCliTest.Run run = TomoPickCliTest.cli(args);
		assertEquals(2, run.code(), run.out() + run.err());
		// progress lines may come first; the error is one line, the last
		List<String> lines = run.err().lines().filter(l -> !l.isBlank() && !l.startsWith("  ")).toList();
		assertEquals(1, lines.size(), run.err());
		assertTrue(lines.get(0).contains(": error: ") && lines.get(0).contains(named), "names " + named + ": " + run.err());
		assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
		Path out = tmp.resolve("out");
		if (Files.exists(out))
			try (Stream<Path> s = Files.walk(out)) {
				assertEquals(List.of(), s.filter(Files::isRegularFile).toList(), "nothing written");
			}
		return run;
	}

	private String[] pick(String... more) {
		return pickFrom(project + ":sim_1", more);
	}

	private String[] pickFrom(String input, String... more) {
		List<String> args = new java.util.ArrayList<>(List.of("pick", "--input", input, "--out",
				tmp.resolve("out").toString(), "--models", models.toString()));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

	@Test
	void aCraftedClassifierFileIsParsedNotDeserialisedAndNotAllocated() throws Exception {
		// 35 bytes that a Java-serialisation reader would have taken for a 16 GB long[]; the hash made to match
		byte[] crafted = new byte[35];
		ByteBuffer.wrap(crafted).putShort((short) 0xACED).putShort((short) 5).put((byte) 0x75).putInt(Integer.MAX_VALUE);
		Files.write(models.resolve("classifier/classifier.forest"), crafted);
		String json = Files.readString(models.resolve("classifier/classifier.json"));
		Files.writeString(models.resolve("classifier/classifier.json"), json.replaceAll("\"sha256\": \"[0-9a-f]+\"",
				"\"sha256\": \"" + org.tomopick.io.Sha256.of(crafted) + "\""));
		refused("classifier.forest", pick());
	}

	@Test
	void aSidecarThatNamesAFileOutsideItsFolderOrADeviceIsRefused() throws IOException {
		Path sidecar = models.resolve("unet/unet.json");
		String json = Files.readString(sidecar);
		for (String name : List.of("/dev/zero", "../../etc/passwd", "/etc/hostname")) {
			Files.writeString(sidecar, json.replace("\"file\": \"unet.params\"", "\"file\": \"" + name + "\""));
			refused("unet.json", pick());
		}
	}

	@Test
	void aNonFiniteThresholdInTheTuningFileOrOnTheCommandLineIsRefused() throws IOException {
		Path tuning = models.resolve("pipeline.json");
		String json = Files.readString(tuning);
		Files.writeString(tuning, json.replaceFirst("\"ribosome\": [0-9.]+", "\"ribosome\": NaN"));
		refused("pipeline.json", pick());
		Files.writeString(tuning, json);
		for (String value : List.of("NaN", "Infinity", "-1", "1.5"))
			refused("ribosome", pick("--threshold", "ribosome=" + value));
	}

	@Test
	void outputNamesAreCheckedBeforeAnyPicking() throws IOException {
		refused("bad_user", pick("--user", "bad_user"));
		refused("bad session", pick("--session", "bad session"));
	}

	@Test
	void ngffPathsLeadingOutOfTheStoreAreNotFollowed() throws IOException {
		Path store = tmp.resolve("t.zarr");
		assertEquals(0, TomoPickCliTest.cli("convert", mrc(tmp.resolve("small.mrc")).toString(), store.toString())
				.code());
		String zattrs = Files.readString(store.resolve(".zattrs"));
		for (String path : List.of("../../other.zarr", "/etc", "0/../../x")) {
			Files.writeString(store.resolve(".zattrs"), zattrs.replace("\"path\": \"0\"", "\"path\": \"" + path + "\""));
			refused(".zattrs", "info", store.toString());
		}
		Files.writeString(store.resolve(".zattrs"), zattrs.replaceFirst("\"name\": \"z\"", "\"name\": {\"z\": 1}"));
		refused(".zattrs", "info", store.toString());
	}

	@Test
	void arraysLargerThanMemoryAreRefusedBeforeAllocating() throws IOException {
		Path store = tmp.resolve("huge.zarr");
		Files.createDirectories(store);
		Files.writeString(store.resolve(".zarray"), "{\"zarr_format\": 2, \"shape\": [2147483647, 96, 96], "
				+ "\"chunks\": [64, 96, 96], \"dtype\": \"<f4\", \"compressor\": null, \"fill_value\": 0, "
				+ "\"order\": \"C\", \"filters\": null}");
		TomoPickCliTest.Run run = refused("huge.zarr", "convert", store.toString(), tmp.resolve("out/o.mrc").toString(),
				"--voxel-size", "10");
		assertTrue(run.err().contains("too large") && run.err().contains("coarser"), "says what to do: " + run.err());

		// a sparse 6.9 GB MRC: its header is true, its size too, but nobody has that much memory
		Path sparse = mrc(tmp.resolve("sparse.mrc"));
		try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
			ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(1200).putInt(1200)
					.putInt(1200);
			f.seek(0);
			f.write(header.array());
			f.seek(28); // MX, MY, MZ
			f.write(header.array());
			ByteBuffer cell = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(12000).putFloat(12000)
					.putFloat(12000);
			f.seek(40);
			f.write(cell.array());
			f.setLength(1024L + 1200L * 1200 * 1200 * 4);
		}
		run = refused("sparse.mrc", "convert", sparse.toString(), tmp.resolve("out/o.zarr").toString());
		assertTrue(run.err().contains("GB"), run.err());
		refused("sparse.mrc", pickFrom(sparse.toString()));

		run = refused("1200", "simulate", "--out", tmp.resolve("out").toString(), "--shape", "1200,1200,1200");
		assertTrue(run.err().contains("GB"), run.err());
	}

	@Test
	void anMrcCellSizeThatIsNotAPositiveNumberIsRefused() throws IOException {
		for (float bad : new float[] { Float.NaN, 0, -10, Float.POSITIVE_INFINITY }) {
			Path file = mrc(tmp.resolve("cell.mrc"));
			try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
				f.seek(44); // CELLA Y
				f.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(bad).array());
			}
			refused("cell.mrc", "info", file.toString());
		}
	}

	@Test
	void specialFilesAreNeverReplacedByAnOutput() throws IOException {
		Path small = mrc(tmp.resolve("small.mrc"));
		refused("/dev/null", "info", small.toString(), "--json", "/dev/null");
		assertTrue(Files.isRegularFile(Path.of("/dev/null")) == false && Files.exists(Path.of("/dev/null")),
				"still a device");
		Path folder = Files.createDirectories(tmp.resolve("notes"));
		Files.writeString(folder.resolve("thesis.tex"), "precious");
		refused("notes", "convert", small.toString(), folder.toString(), "--overwrite");
		assertEquals("precious", Files.readString(folder.resolve("thesis.tex")));
		try (Stream<Path> s = Files.list(tmp)) {
			assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
					"no hidden temporaries");
		}
	}

	private static Path mrc(Path file) {
		MrcWriter.write(file, DenseVolume.ofFloats(new int[] { 8, 8, 8 }, new float[512]), new double[] { 10, 10, 10 },
				new double[3]);
		return file;
	}
}
