package org.tomopick.yolo;

import java.util.List;

import org.tomopick.io.DenseVolume;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.nn.DjlRuntime;
import org.tomopick.progress.Progress;

/**
 * Times the YOLO branch on a CZII-sized tomogram (184 x 630 x 630 of 10 A voxels, random values: the time does not
 * depend on the content): binning and normalisation, the network over every sampled slice, NMS and linking.
 * Arguments: width, working voxel (A), slice stride, batch slices, neighbour slices (defaults 16 20 1 16 0). Prints
 * seconds per tomogram and slices per second. Threads come from {@link DjlRuntime} (one per core unless
 * {@code -Dai.djl.pytorch.num_threads} says otherwise).
 */
public final class YoloBenchmark {

	private YoloBenchmark() {
	}

	public static void main(String[] args) {
		int width = args.length > 0 ? Integer.parseInt(args[0]) : 16;
		double voxel = args.length > 1 ? Double.parseDouble(args[1]) : 20;
		int stride = args.length > 2 ? Integer.parseInt(args[2]) : 1;
		int batch = args.length > 3 ? Integer.parseInt(args[3]) : 16;
		int neighbours = args.length > 4 ? Integer.parseInt(args[4]) : 0;
		DjlRuntime.configure();
		YoloSettings settings = YoloSettings.defaults().withArchitecture(new YoloArchitecture(width, 1, neighbours, 6))
				.withWorkingVoxel(voxel).withSliceStride(stride)
				.withDetection(YoloDetectionSettings.defaults().withBatchSlices(batch));
		float[] data = new float[184 * 630 * 630];
		java.util.SplittableRandom r = new java.util.SplittableRandom(1);
		for (int i = 0; i < data.length; i++)
			data[i] = (float) r.nextGaussian();
		DenseVolume tomogram = DenseVolume.ofFloats(new int[] { 184, 630, 630 }, data);
		try (YoloModel model = YoloModel.create(settings, ParticleCatalog.czii())) {
			SlicewiseYoloDetector detector = new SlicewiseYoloDetector(model);
			detector.pick(tomogram, 10, Progress.NONE); // warm-up
			long t0 = System.nanoTime();
			List<SliceDetection> d = detector.detectSlices(tomogram, 10, Progress.NONE);
			detector.link(d);
			double seconds = (System.nanoTime() - t0) / 1e9;
			int slices = (int) Math.ceil(Math.floor(184 / (voxel / 10)) / stride);
			System.out.printf("yolo width %d, %.0f A, stride %d, batch %d, %d parameters: %.2f s per tomogram, "
					+ "%d slices, %.1f slices/s, threads %s%n", width, voxel, stride, batch, model.parameterCount(),
					seconds, slices, slices / seconds, System.getProperty(DjlRuntime.THREADS));
		}
	}
}
