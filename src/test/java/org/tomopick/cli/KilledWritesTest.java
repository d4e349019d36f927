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
		float[] values = new float[96 * 384 * 384];
		java.util.Random r = new java.util.Random(1);
		for (int i = 0; i < values.length; i++)
			values[i] = (float) r.nextGaussian();
		MrcWriter.write(in, DenseVolume.ofFloats(new int[] { 96, 384, 384 }, values), new double[] { 10, 10, 10 },
				new double[3]);
		Path old = tmp.resolve("old.mrc");
		MrcWriter.write(old, DenseVolume.ofFloats(new int[] { 8, 8, 8 }, new float[512]), new double[] { 10, 10, 10 },
				new double[3]);
		assertEquals(0, TomoPickCliTest.cli("convert", old.toString(), out.toString()).code());

		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "-Xmx2g", TomoPickCli.class.getName(), "convert",
				in.toString(), out.toString(), "--overwrite", "--compressor", "zlib", "--levels", "1").redirectErrorStream(true)
				.redirectOutput(tmp.resolve("child.log").toFile()).start();
		// kill -9 once the new store is being written (its hidden temporary tree exists)
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (temporaries().isEmpty() && child.isAlive() && System.nanoTime() < until)
			Thread.sleep(20);
		assertTrue(child.isAlive(), "the child was still writing: " + Files.readString(tmp.resolve("child.log")));
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

	private List<Path> temporaries() throws IOException {
		try (Stream<Path> s = Files.list(tmp)) {
			return s.filter(p -> p.getFileName().toString().startsWith(".out.zarr.")).toList();
		}
	}
}
