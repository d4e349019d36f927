package org.tomopick.grid;

import org.jtransforms.fft.FloatFFT_3D;

/**
 * Flattens a volume's noise spectrum and keeps the band that particles live in. The power spectrum is averaged in
 * shells of equal spatial frequency (the volume is mostly noise, so this is the noise's colour: white, ramp-filtered
 * by weighted back-projection, low-passed by a denoiser, with a CTF's rings); every Fourier coefficient is divided by
 * the square root of its shell's power, then weighted by a band-pass of fixed physical size: a high-pass that removes
 * what is larger than about {@value #HIGH_PASS_ANGSTROM} Å (ice-thickness gradients, uneven illumination) and a
 * Gaussian low-pass whose width is {@value #LOW_PASS_ANGSTROM} Å, so that the finest frequencies of the working grid,
 * where no tomogram has much signal, are damped alike in all. What remains is white noise of one colour whatever the
 * tomogram's own, with the particles in units of that noise. Frequencies are in cycles per working voxel here; the
 * caller's working voxel size converts them.
 */
public final class SpectralWhitening {

	public static final double HIGH_PASS_ANGSTROM = 600;
	public static final double LOW_PASS_ANGSTROM = 60;
	private static final int SHELLS = 64;

	private SpectralWhitening() {
	}

	/** Whitens and band-passes {@code v} (shape z, y, x; voxels of {@code voxelAngstrom}) in place. */
	public static void whitenInPlace(float[] v, int[] shape, double voxelAngstrom) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		long n = (long) nz * ny * nx;
		if (n != v.length)
			throw new IllegalArgumentException("shape does not match the data");
		if (2 * n > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("volume too large to whiten in one piece: " + n + " voxels");
		double mean = 0;
		for (float x : v)
			mean += x;
		mean /= v.length;
		float[] a = new float[2 * v.length];
		for (int i = 0; i < v.length; i++)
			a[i] = (float) (v[i] - mean);
		FloatFFT_3D fft = new FloatFFT_3D(nz, ny, nx);
		fft.realForwardFull(a);

		double[] power = new double[SHELLS];
		long[] count = new long[SHELLS];
		double maxF = Math.sqrt(0.75);
		forEachFrequency(shape, (i, f) -> {
			int s = shell(f, maxF);
			power[s] += (double) a[2 * i] * a[2 * i] + (double) a[2 * i + 1] * a[2 * i + 1];
			count[s]++;
		});
		double[] gain = gains(power, count, maxF, voxelAngstrom);
		forEachFrequency(shape, (i, f) -> {
			float g = (float) interpolate(gain, f, maxF);
			a[2 * i] *= g;
			a[2 * i + 1] *= g;
		});
		fft.complexInverse(a, true);
		for (int i = 0; i < v.length; i++)
			v[i] = a[2 * i];
	}

	/** Receives a Fourier coefficient's index and its radial frequency (cycles per voxel). */
	@FunctionalInterface
	public interface FrequencyVisitor {
		void visit(int index, double frequency);
	}

	/** Visits every coefficient of a full 3D transform of {@code shape} (z, y, x) in storage order. */
	public static void forEachFrequency(int[] shape, FrequencyVisitor visitor) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		for (int z = 0, i = 0; z < nz; z++) {
			double fz = frequency(z, nz);
			for (int y = 0; y < ny; y++) {
				double fy = frequency(y, ny);
				for (int x = 0; x < nx; x++, i++) {
					double fx = frequency(x, nx);
					visitor.visit(i, Math.sqrt(fz * fz + fy * fy + fx * fx));
				}
			}
		}
	}

	/** Signed frequency of index k of n, cycles per voxel. */
	static double frequency(int k, int n) {
		return (k <= n / 2 ? k : k - n) / (double) n;
	}

	private static int shell(double f, double maxF) {
		return Math.min(SHELLS - 1, (int) (f / maxF * SHELLS));
	}

	/** Per shell: band-pass / sqrt(power), the power smoothed over neighbouring shells; 0 for empty shells. */
	static double[] gains(double[] power, long[] count, double maxF, double voxelAngstrom) {
		double[] mean = new double[SHELLS];
		for (int s = 0; s < SHELLS; s++)
			mean[s] = count[s] > 0 ? power[s] / count[s] : Double.NaN;
		double[] gain = new double[SHELLS];
		for (int s = 0; s < SHELLS; s++) {
			double sum = 0;
			int k = 0;
			for (int t = Math.max(0, s - 1); t <= Math.min(SHELLS - 1, s + 1); t++)
				if (!Double.isNaN(mean[t]) && mean[t] > 0) {
					sum += Math.log(mean[t]);
					k++;
				}
			if (k == 0)
				continue;
			double p = Math.exp(sum / k);
			gain[s] = bandPass((s + 0.5) / SHELLS * maxF, voxelAngstrom) / Math.sqrt(p);
		}
		return gain;
	}

	/** Applies {@link #bandPass} alone (no whitening) to {@code v} (shape z, y, x; voxels of {@code voxelAngstrom}). */
	public static void bandPassInPlace(float[] v, int[] shape, double voxelAngstrom) {
		if ((long) shape[0] * shape[1] * shape[2] != v.length)
			throw new IllegalArgumentException("shape does not match the data");
		float[] a = java.util.Arrays.copyOf(v, 2 * v.length);
		FloatFFT_3D fft = new FloatFFT_3D(shape[0], shape[1], shape[2]);
		fft.realForwardFull(a);
		forEachFrequency(shape, (i, f) -> {
			float g = (float) bandPass(f, voxelAngstrom);
			a[2 * i] *= g;
			a[2 * i + 1] *= g;
		});
		fft.complexInverse(a, true);
		for (int i = 0; i < v.length; i++)
			v[i] = a[2 * i];
	}

	/**
	 * The cross-correlation of a working grid {@code v} (shape z, y, x; voxels of {@code voxelAngstrom}) with a
	 * template given as {@code kernel}: a volume of the same shape whose centre is voxel (0, 0, 0), the rest wrapped
	 * around (circularly). The template is band-passed as the grid was ({@link #bandPass}), so that it looks like a
	 * particle in the grid, and correlated everywhere at once by FFT; out[i] is the sum over offsets d of
	 * v[i + d] * template[d], with the grid's edges wrapped.
	 */
	public static float[] correlateBandPassed(float[] v, int[] shape, float[] kernel, double voxelAngstrom) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		if ((long) nz * ny * nx != v.length || kernel.length != v.length)
			throw new IllegalArgumentException("shape does not match the data or the kernel");
		if (2L * v.length > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("volume too large to correlate in one piece: " + v.length + " voxels");
		FloatFFT_3D fft = new FloatFFT_3D(nz, ny, nx);
		float[] a = java.util.Arrays.copyOf(v, 2 * v.length);
		fft.realForwardFull(a);
		float[] b = java.util.Arrays.copyOf(kernel, 2 * kernel.length);
		fft.realForwardFull(b);
		forEachFrequency(shape, (i, f) -> {
			float g = (float) bandPass(f, voxelAngstrom);
			float ar = a[2 * i], ai = a[2 * i + 1], br = g * b[2 * i], bi = -g * b[2 * i + 1]; // conj(template)
			a[2 * i] = ar * br - ai * bi;
			a[2 * i + 1] = ar * bi + ai * br;
		});
		fft.complexInverse(a, true);
		float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++)
			out[i] = a[2 * i];
		return out;
	}

	/**
	 * The fixed band-pass every working grid gets after whitening, at a radial frequency {@code f} in cycles per voxel
	 * of {@code voxelAngstrom}: a Gaussian high-pass at {@value #HIGH_PASS_ANGSTROM} Å times a Gaussian low-pass of
	 * width {@value #LOW_PASS_ANGSTROM} Å. Templates matched against a working grid get the same.
	 */
	public static double bandPass(double f, double voxelAngstrom) {
		double high = voxelAngstrom / HIGH_PASS_ANGSTROM, low = voxelAngstrom / LOW_PASS_ANGSTROM;
		return (1 - Math.exp(-0.5 * (f / high) * (f / high))) * Math.exp(-0.5 * (f / low) * (f / low));
	}

	private static double interpolate(double[] gain, double f, double maxF) {
		double u = f / maxF * SHELLS - 0.5;
		if (u <= 0)
			return gain[0];
		int s = (int) u;
		if (s >= SHELLS - 1)
			return gain[SHELLS - 1];
		double t = u - s;
		return (1 - t) * gain[s] + t * gain[s + 1];
	}
}
