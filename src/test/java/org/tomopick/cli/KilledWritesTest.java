package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.VolumeSource;
import org.tomopick.io.VolumeStatistics;
import org.tomopick.io.mrc.MrcWriter;

/**
 * {@code convert --overwrite} killed with SIGKILL (no clean-up possible) in a child JVM while it writes: the old
 * output is still there and whole, and the next run removes what the killed one left and writes the new output.
 */
class KilledWritesTest {

	@TempDir
	Path tmp;

	@Test
	void aConvertKilledWhileWritingLeavesTheOldOutputWhole() throws Exception {
		Path in = tmp.resolve("in.mrc"), out = tmp.resolve("out.zarr");
		float[] values = inputAndOldOutput(in, out, 1);
		Process child = convertInChild(in, out);
		// kill -9 once the new store is being written (its hidden temporary tree exists)
		awaitTemporaryTree(child);
		child.destroyForcibly().waitFor();
		assertTrue(!temporaries().isEmpty(), "the killed write left its temporary tree");
		assertArrayEquals(new int[] { 8, 8, 8 }, VolumeSource.open(out).shape(0), "the old output, whole");
		assertEquals(0, VolumeSource.open(out).statistics(0).sum(), 0);

		assertEquals(0, TomoPickCliTest.cli("convert", in.toString(), out.toString(), "--overwrite", "--levels", "1")
				.code());
		assertEquals(List.of(), temporaries(), "the next run removed the leftovers");
		VolumeStatistics written = VolumeSource.open(out).statistics(0);
		assertEquals(VolumeStatistics.of(DenseVolume.ofFloats(new int[] { 96, 384, 384 }, values)).sum(),
				written.sum(), 1e-6);
	}

	/** A 96x384x384 noise input (its values returned) and an 8^3 zero old output converted from another file. */
	private float[] inputAndOldOutput(Path in, Path out, long seed) {
		float[] values = new float[96 * 384 * 384];
		java.util.Random r = new java.util.Random(seed);
		for (int i = 0; i < values.length; i++)
			values[i] = (float) r.nextGaussian();
		MrcWriter.write(in, DenseVolume.ofFloats(new int[] { 96, 384, 384 }, values), new double[] { 10, 10, 10 },
				new double[3]);
		Path old = tmp.resolve("old.mrc");
		MrcWriter.write(old, DenseVolume.ofFloats(new int[] { 8, 8, 8 }, new float[512]), new double[] { 10, 10, 10 },
				new double[3]);
		assertEquals(0, TomoPickCliTest.cli("convert", old.toString(), out.toString()).code());
		return values;
	}

	/** Waits until the child writes its new store's hidden temporary tree; it must still be running then. */
	private void awaitTemporaryTree(Process child) throws Exception {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (temporaries().isEmpty() && child.isAlive() && System.nanoTime() < until)
			Thread.sleep(20);
		assertTrue(child.isAlive(), "the child was still writing: " + Files.readString(tmp.resolve("child.log")));
	}

	/** {@code convert in out --overwrite} in a child JVM, its output in child.log. */
	private Process convertInChild(Path in, Path out) throws IOException {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "-Xmx2g", TomoPickCli.class.getName(), "convert",
				in.toString(), out.toString(), "--overwrite", "--compressor", "zlib", "--levels", "1")
				.redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
	}

	private List<Path> temporaries() throws IOException {
		try (Stream<Path> s = Files.list(tmp)) {
			return s.filter(p -> p.getFileName().toString().startsWith(".out.zarr.")).toList();
		}
	}

	/**
	 * Stopped by a signal during {@code convert --overwrite}: a line that says so, no temporaries, the old output whole.
	 * The signal is SIGTERM, which takes the same path as Ctrl-C's SIGINT (the JVM's shutdown hooks) but, unlike
	 * SIGINT, is not ignored by processes that a non-interactive shell started in the background (as CI may run
	 * the tests); the exit code is then 143 (Ctrl-C: 130).
	 */
	@Test
	void aConvertStoppedBySignalSaysSoAndLeavesTheOldOutputAndNoTemporaries() throws Exception {
		Path in = tmp.resolve("in.mrc"), out = tmp.resolve("out.zarr");
		inputAndOldOutput(in, out, 2);
		Process child = convertInChild(in, out);
		awaitTemporaryTree(child);
		assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(child.pid())).start().waitFor());
		assertTrue(child.waitFor(30, TimeUnit.SECONDS), "stopped within the grace time");
		String log = Files.readString(tmp.resolve("child.log"));
		assertEquals(128 + 15, child.exitValue(), log);
		assertTrue(log.contains("tomopick convert: cancelled"), log);
		assertEquals(List.of(), temporaries(), "the temporary tree went with the cancel");
		assertArrayEquals(new int[] { 8, 8, 8 }, VolumeSource.open(out).shape(0), "the old output, whole");
	}

	/**
	 * {@code pick} killed with SIGKILL between two renames of the run's picks files (a child JVM parked there by a
	 * test seam): the files on disk are then a mix of old and new, and the next reader finishes the change from the
	 * journal, so that the run's picks are exactly those of an uninterrupted pick with the same settings.
	 */
	@Test
	void aPickKilledBetweenItsRenamesLeavesTheNewPicksWhole() throws Exception {
		Path project = tmp.resolve("project");
		assertEquals(0, TomoPickCliTest.cli("simulate", "--out", project.toString(), "--shape", "48,128,128", "--runs",
				"1", "--density", "20000").code());
		Path out = tmp.resolve("picks"), reference = tmp.resolve("reference");
		String[] newPick = { "pick", "--input", project + ":sim_1", "--models", "models", "--threshold", "all=0.05" };
		assertEquals(0, TomoPickCliTest.cli(concat(newPick, "--out", reference.toString())).code());
		TomoPickCliTest.Run old = TomoPickCliTest.cli("pick", "--input", project + ":sim_1", "--models", "models",
				"--threshold", "all=0.999", "--out", out.toString());
		assertEquals(0, old.code(), old.err());
		Path picksFolder = out.resolve("ExperimentRuns/sim_1/Picks");
		java.util.Map<String, String> before = contents(picksFolder);

		Process child = new ProcessBuilder(pausedChild(concat(newPick, "--out", out.toString()))).redirectErrorStream(true)
				.redirectOutput(tmp.resolve("child.log").toFile()).start();
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (!Files.readString(tmp.resolve("child.log")).contains(org.tomopick.io.PausedBetweenRenames.PAUSED)
				&& child.isAlive() && System.nanoTime() < until)
			Thread.sleep(20);
		assertTrue(child.isAlive(), "the child was parked between renames: " + Files.readString(tmp.resolve("child.log")));
		child.destroyForcibly().waitFor();
		assertTrue(!Files.readString(tmp.resolve("child.log")).contains("SLF4J"), "the command line has a logging "
				+ "provider (slf4j-nop), so SLF4J does not warn: " + Files.readString(tmp.resolve("child.log")));

		java.util.Map<String, String> killed = contents(picksFolder);
		java.util.Map<String, String> expected = contents(reference.resolve("ExperimentRuns/sim_1/Picks"));
		assertEquals(before.keySet(), killed.keySet());
		long changed = killed.keySet().stream().filter(f -> !killed.get(f).equals(before.get(f))).count();
		long differ = expected.keySet().stream().filter(f -> !expected.get(f).equals(before.get(f))).count();
		assertTrue(changed >= 1 && changed < differ, "killed mid-way: " + changed + " of " + differ + " files new");
		assertTrue(hidden(picksFolder).stream().anyMatch(n -> n.endsWith(".journal")), "the journal is there");

		// the next reader (here evaluate, as a user would run it next) finishes the change first
		TomoPickCliTest.Run eval = TomoPickCliTest.cli("evaluate", "--truth", project.toString(), "--picks",
				out.toString(), "--user", "tomopick", "--runs", "sim_1");
		assertEquals(0, eval.code(), eval.err());
		assertEquals(expected, contents(picksFolder), "every file new, each whole");
		assertEquals(List.of(), hidden(picksFolder), "no journal or temporary left");
	}

	private static String[] concat(String[] a, String... b) {
		String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	/** A child JVM that runs the command line and parks between the second and third rename of its picks. */
	private static List<String> pausedChild(String[] args) {
		List<String> command = new java.util.ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "-Xmx2g", "-Djava.util.prefs.userRoot="
						+ System.getProperty("java.util.prefs.userRoot", ""),
				org.tomopick.io.PausedBetweenRenames.class.getName()));
		command.addAll(List.of(args));
		return command;
	}

	/** Each visible file's content, by name; the picks files differ only in their points and session. */
	private static java.util.Map<String, String> contents(Path dir) throws IOException {
		java.util.Map<String, String> m = new java.util.TreeMap<>();
		try (Stream<Path> s = Files.list(dir)) {
			for (Path p : s.toList())
				if (!p.getFileName().toString().startsWith("."))
					m.put(p.getFileName().toString(), Files.readString(p));
		}
		return m;
	}

	private static List<String> hidden(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
		}
	}
}
