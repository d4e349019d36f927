package org.tomopick.io.zarr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;

/**
 * Measures how fast {@link ZarrArray#readAll()} decodes a tomogram-like float32 volume (values around 1e-4 with
 * gaussian noise on smooth structure, fixed seed) written as Blosc LZ4 with byte shuffle in 64^3 chunks. Headless;
 * the CLI's {@code bench} command calls it. MB are 10^6 bytes of decoded data.
 */
public final class ZarrReadBenchmark {

	/**
	 * @param bytesOnDisk  total size of the chunk and metadata files
	 * @param decodedMB    size of the decoded volume in 10^6 bytes
	 * @param bestSeconds  fastest of the timed reads
	 * @param megabytesPerSecond {@code decodedMB / bestSeconds}
	 */
	public record Result(long bytesOnDisk, double decodedMB, double bestSeconds, double megabytesPerSecond) {
	}

	private ZarrReadBenchmark() {
	}

	/** Writes the volume under {@code scratchDir}, reads it back {@code repeats} times and deletes it. */
	public static Result run(int[] shapeZyx, int repeats, Path scratchDir) {
		if (repeats < 1)
			throw new IllegalArgumentException("repeats must be >= 1, was " + repeats);
		DenseVolume volume = tomogramLike(shapeZyx, 42);
		Path target = scratchDir.resolve("zarr-read-benchmark-" + System.nanoTime());
		try {
			ZarrArrayWriter.write(volume, target, new int[] { 64, 64, 64 },
					OmeZarrWriterSettings.Compressor.BLOSC_LZ4.codec(), false);
			long bytes = sizeOnDisk(target);
			ZarrArray array = ZarrArray.open(target);
			double best = Double.MAX_VALUE;
			for (int r = 0; r < repeats; r++) {
				long t0 = System.nanoTime();
				DenseVolume back = array.readAll();
				double seconds = (System.nanoTime() - t0) * 1e-9;
				best = Math.min(best, seconds);
				if (back.voxelCount() != volume.voxelCount())
					throw new IllegalStateException("read back " + back.voxelCount() + " voxels");
			}
			double mb = (double) volume.voxelCount() * 4 / 1e6;
			return new Result(bytes, mb, best, mb / best);
		} finally {
			try {
				if (Files.exists(target))
					DirectoryCommit.deleteTree(target);
			} catch (IOException e) {
				throw new TomoPickIoException(target, "cannot delete benchmark data: " + e.getMessage(), e);
			}
		}
	}

	/** Smooth blobs and waves around 1e-4 plus gaussian noise, like a denoised cryo-ET tomogram. */
	static DenseVolume tomogramLike(int[] shape, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		float[] data = new float[shape[0] * shape[1] * shape[2]];
		int i = 0;
		for (int z = 0; z < shape[0]; z++)
			for (int y = 0; y < shape[1]; y++) {
				double wy = Math.sin(y * 0.05) + 0.5 * Math.cos(z * 0.07 + y * 0.02);
				for (int x = 0; x < shape[2]; x++)
					data[i++] = (float) (1e-4 + 2e-5 * (wy + Math.sin(x * 0.03 + z * 0.01))
							+ 3e-5 * random.nextGaussian());
			}
		return DenseVolume.ofFloats(shape, data);
	}

	private static long sizeOnDisk(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong(p -> {
				try {
					return Files.size(p);
				} catch (IOException e) {
					throw new TomoPickIoException(p, "cannot stat: " + e.getMessage(), e);
				}
			}).sum();
		} catch (IOException e) {
			throw new TomoPickIoException(dir, "cannot list: " + e.getMessage(), e);
		}
	}

	/** Runs the benchmark: {@code ZarrReadBenchmark [z y x [repeats [scratchDir]]]}, default 184 630 630, 5. */
	public static void main(String[] args) {
		int[] shape = args.length >= 3 ? new int[] { Integer.parseInt(args[0]), Integer.parseInt(args[1]),
				Integer.parseInt(args[2]) } : new int[] { 184, 630, 630 };
		int repeats = args.length >= 4 ? Integer.parseInt(args[3]) : 5;
		Path scratch = Path.of(args.length >= 5 ? args[4] : System.getProperty("java.io.tmpdir"));
		Result r = run(shape, repeats, scratch);
		System.out.printf(java.util.Locale.ROOT, "%d x %d x %d float32: %.1f MB decoded, %.1f MB on disk, best %.3f s, "
				+ "%.0f MB/s%n", shape[0], shape[1], shape[2], r.decodedMB(), r.bytesOnDisk() / 1e6, r.bestSeconds(),
				r.megabytesPerSecond());
	}
}
