package org.tomopick.unet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.tomopick.io.DenseVolume;
import org.tomopick.nn.DjlRuntime;
import org.tomopick.progress.Progress;

/**
 * Measures UNet inference on a tomogram of a given shape (default the CZII 184 x 630 x 630 at 10.012444 A): seconds
 * for binning + normalisation, network over all windows, and peak finding, voxels per second, and the process's peak
 * resident memory. The weights are random (speed does not depend on them). For the {@code bench} command and by hand:
 * {@code java -cp ... org.tomopick.unet.UNetInferenceBenchmark [baseChannels depth batch]}.
 */
public final class UNetInferenceBenchmark {

	/** One measurement. */
	public record Result(int[] shape, double seconds, double preparationSeconds, double networkSeconds,
			double voxelsPerSecond, long peakResidentBytes, int candidates) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"UNet inference %dx%dx%d: %.2f s (prepare %.2f s, network+peaks %.2f s), %.3g voxels/s, peak RSS %.0f MiB, %d candidates",
					shape[0], shape[1], shape[2], seconds, preparationSeconds, networkSeconds, voxelsPerSecond,
					peakResidentBytes / 1048576.0, candidates);
		}
	}

	private UNetInferenceBenchmark() {
	}

	/** Runs detection once on a random volume of the shape (voxel size 10.012444 A) with the given settings. */
	public static Result run(UNetSettings settings, int[] shape, long seed) {
		float[] data = new float[shape[0] * shape[1] * shape[2]];
		SplittableRandom r = new SplittableRandom(seed);
		for (int i = 0; i < data.length; i++)
			data[i] = (float) (1e-4 * r.nextGaussian());
		DenseVolume volume = DenseVolume.ofFloats(shape, data);
		try (UNetModel model = UNetModel.create(UNetModelInfo.untrained(settings), seed)) {
			UNetDetector detector = new UNetDetector(model, settings.tiling(), settings.peaks());
			// warm-up on a small window (first native calls are slow)
			detector.detect(DenseVolume.ofFloats(new int[] { 32, 32, 32 }, new float[32 * 32 * 32]), 10.012444,
					Progress.NONE);
			long t0 = System.nanoTime();
			org.tomopick.grid.WorkingGrid w = org.tomopick.grid.WorkingGrid.prepare(volume, 10.012444,
					settings.voxelSizeAngstrom(), model.info().normalisation());
			long t1 = System.nanoTime();
			UNetDetection d = detector.detect(w, Progress.NONE);
			long t2 = System.nanoTime();
			detector.candidates(d.maps());
			System.out.printf(Locale.ROOT, "(peak finding alone: %.2f s)%n", (System.nanoTime() - t2) * 1e-9);
			double s = (t2 - t0) * 1e-9;
			return new Result(shape, s, (t1 - t0) * 1e-9, (t2 - t1) * 1e-9, data.length / s, peakResident(),
					d.candidates().size());
		}
	}

	/** VmHWM of this process from /proc (0 where unavailable). */
	static long peakResident() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status")))
				if (line.startsWith("VmHWM:"))
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
		} catch (IOException | RuntimeException e) {
			return 0;
		}
		return 0;
	}

	public static void main(String[] args) {
		DjlRuntime.configure(2);
		UNetSettings d = UNetSettings.defaults();
		int base = args.length > 0 ? Integer.parseInt(args[0]) : d.architecture().baseChannels();
		int depth = args.length > 1 ? Integer.parseInt(args[1]) : d.architecture().depth();
		int batch = args.length > 2 ? Integer.parseInt(args[2]) : d.tiling().batchSize();
		UNetSettings s = d.withArchitecture(d.architecture().withBaseChannels(base).withDepth(depth))
				.withTiling(d.tiling().withBatchSize(batch));
		System.out.println("architecture " + s.architecture() + ", voxel " + s.voxelSizeAngstrom() + " A, tiling "
				+ s.tiling());
		System.out.println(run(s, new int[] { 184, 630, 630 }, 1));
	}
}
