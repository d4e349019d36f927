package org.tomopick.sim;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jtransforms.fft.FloatFFT_3D;
import org.tomopick.io.DenseVolume;

/** Helpers for the simulator tests: small settings, 3D spectra, cross-correlation, a test-only MRC reader. */
final class SimTestSupport {

	static final Path TEMPLATES = Path.of("..", "shared", "data", "templates");

	private SimTestSupport() {
	}

	/** Small tomogram settings (voxel 10 A) with the given tilt range. */
	static SimulationSettings small(int z, int y, int x, double maxTilt, long seed) {
		SimulationSettings d = SimulationSettings.defaults();
		return d.withShape(z, y, x).withSeed(seed).withTilts(d.tilts().withRange(maxTilt, 3));
	}

	/** Forward 3D FFT of a real volume as interleaved complex values. */
	static float[] spectrum(float[] volume, int nz, int ny, int nx) {
		float[] c = new float[2 * volume.length];
		for (int i = 0; i < volume.length; i++)
			c[2 * i] = volume[i];
		new FloatFFT_3D(nz, ny, nx).complexForward(c);
		return c;
	}

	/** Volume multiplied by a separable Hann window (reduces box-edge leakage in spectra). */
	static float[] hann(float[] v, int nz, int ny, int nx) {
		float[] out = new float[v.length];
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++)
					out[i] = (float) (v[i] * w(z, nz) * w(y, ny) * w(x, nx));
		return out;
	}

	private static double w(int i, int n) {
		return 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / n);
	}

	/** Frequency (cycles/voxel) of FFT bin i of n. */
	static double freq(int i, int n) {
		return (i <= n / 2 ? i : i - n) / (double) n;
	}

	/**
	 * Circular cross-correlation of a volume with a template (template centred at the origin): cc[s] =
	 * sum_v volume[v + s] * template[v].
	 */
	static float[] crossCorrelate(float[] volume, int[] shape, DenseVolume template) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		float[] t = new float[volume.length];
		float[] td = template.toFloatArray();
		int tz = template.sizeZ(), ty = template.sizeY(), tx = template.sizeX();
		for (int z = 0, i = 0; z < tz; z++)
			for (int y = 0; y < ty; y++)
				for (int x = 0; x < tx; x++, i++) {
					int wz = Math.floorMod(z - (tz - 1) / 2, nz), wy = Math.floorMod(y - (ty - 1) / 2, ny),
							wx = Math.floorMod(x - (tx - 1) / 2, nx);
					t[(wz * ny + wy) * nx + wx] += td[i];
				}
		float[] a = spectrum(volume, nz, ny, nx);
		float[] b = spectrum(t, nz, ny, nx);
		for (int i = 0; i < volume.length; i++) {
			float re = a[2 * i] * b[2 * i] + a[2 * i + 1] * b[2 * i + 1];
			float im = a[2 * i + 1] * b[2 * i] - a[2 * i] * b[2 * i + 1];
			a[2 * i] = re;
			a[2 * i + 1] = im;
		}
		new FloatFFT_3D(nz, ny, nx).complexInverse(a, true);
		float[] cc = new float[volume.length];
		for (int i = 0; i < cc.length; i++)
			cc[i] = a[2 * i];
		return cc;
	}

	/**
	 * Test-only MRC2014 reader (mode 2, little-endian): 1024-byte header plus NSYMBT bytes of extended header; nx,
	 * ny, nz at bytes 0..11, NSYMBT at byte 92. The real reader lives in org.tomopick.io.mrc.
	 */
	/** A shared template, read with the project's MRC reader; fails (never skips) when ../shared is missing. */
	static DenseVolume readMrc(Path path) {
		org.junit.jupiter.api.Assertions.assertTrue(Files.isRegularFile(path),
				"shared template " + path.toAbsolutePath() + " is not there (../shared must be beside the checkout)");
		return org.tomopick.io.mrc.MrcReader.read(path).volume().toFloat32();
	}
}
