package org.tomopick.io;

/**
 * Min, max, mean, standard deviation (population) and sum of a volume, accumulated in double precision. The mean
 * and variance use Welford's update so that large volumes of tiny values (real tomograms are ~1e-4) stay exact to
 * double rounding.
 */
public final class VolumeStatistics {

	private long count;
	private double min = Double.POSITIVE_INFINITY;
	private double max = Double.NEGATIVE_INFINITY;
	private double sum;
	private double mean;
	private double m2;

	public static VolumeStatistics of(DenseVolume volume) {
		VolumeStatistics s = new VolumeStatistics();
		add(s, volume);
		return s;
	}

	/**
	 * Adds every value of a volume, in its (z, y, x) order: adding the z-slabs of a volume one after the other gives
	 * exactly the statistics of the whole volume.
	 */
	public static void add(VolumeStatistics s, DenseVolume volume) {
		int n = volume.voxelCount();
		if (volume.dataType() == DataType.FLOAT32) {
			float[] f = (float[]) volume.data();
			for (int i = 0; i < n; i++)
				s.accept(f[i]);
		} else {
			for (int i = 0; i < n; i++)
				s.accept(volume.getDouble(i));
		}
	}

	public void accept(double v) {
		count++;
		if (v < min)
			min = v;
		if (v > max)
			max = v;
		sum += v;
		double d = v - mean;
		mean += d / count;
		m2 += d * (v - mean);
	}

	public long count() {
		return count;
	}

	public double min() {
		return min;
	}

	public double max() {
		return max;
	}

	public double sum() {
		return sum;
	}

	public double mean() {
		return mean;
	}

	/** Population standard deviation (NumPy's default, ddof 0). */
	public double std() {
		return count == 0 ? Double.NaN : Math.sqrt(m2 / count);
	}
}
