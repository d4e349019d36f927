package org.tomopick.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.tomopick.io.DenseVolume;
import org.tomopick.io.zarr.DirectoryCommit;
import org.tomopick.io.zarr.OmeZarrWriter;

/**
 * Peak resident memory of picking one tomogram on its own, as a user runs it: the tomogram is written as OME-Zarr,
 * then {@code tomopick pick} runs in a child JVM with a given heap limit (the same jar and class path as this one)
 * while its peak resident set (VmHWM in /proc, heap and PyTorch's native memory together) is read until it exits.
 * The benchmark's own process holds several tomograms and simulations at once, so its peak says little about this.
 */
final class PickingMemory {

	record Result(double seconds, long peakResidentBytes, int exitCode) {
	}

	private PickingMemory() {
	}

	static Result measure(Path models, DenseVolume tomogram, double voxelAngstrom, Path scratch, String maxHeap) {
		Path dir = scratch.resolve("tomopick-memory-check");
		try {
			if (Files.exists(dir))
				DirectoryCommit.deleteTree(dir);
			Files.createDirectories(dir);
			Path zarr = dir.resolve("tomogram.zarr");
			OmeZarrWriter.write(tomogram, zarr, org.tomopick.io.zarr.OmeZarrWriterSettings.defaults(voxelAngstrom), false);
			Path java = Path.of(System.getProperty("java.home"), "bin", "java");
			List<String> cmd = List.of(java.toString(), "-Xmx" + maxHeap, "-Dai.djl.offline=true",
					"-Dai.djl.pytorch.num_interop_threads=1", "-cp", System.getProperty("java.class.path"),
					TomoPickCli.class.getName(), "pick", "--input", zarr.toString(), "--out", dir.resolve("picks")
							.toString(), "--models", models.toString());
			long t0 = System.nanoTime();
			Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("pick.log")
					.toFile()).start();
			Path status = Path.of("/proc", Long.toString(p.pid()), "status");
			long peak = -1;
			while (p.isAlive()) {
				peak = Math.max(peak, readPeak(status));
				Thread.sleep(100);
			}
			double seconds = (System.nanoTime() - t0) * 1e-9;
			return new Result(seconds, peak, p.exitValue());
		} catch (IOException e) {
			throw new UserInputException(dir + ": cannot run the memory check: " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new org.tomopick.progress.CancelledException("memory check");
		}
	}

	/** VmHWM of a live process in bytes; -1 when unreadable (not Linux, or the process has just gone). */
	private static long readPeak(Path status) {
		try {
			for (String line : Files.readAllLines(status))
				if (line.startsWith("VmHWM:"))
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
		} catch (IOException | RuntimeException e) {
			return -1;
		}
		return -1;
	}
}
