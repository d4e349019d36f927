package org.tomopick.unet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Candidates from one class probability map, by connected components or by 3D non-maximum suppression. */
public final class PeakFinder {

	private PeakFinder() {
	}

	/**
	 * See {@link PeakMethod#COMPONENTS}: 26-connected components of voxels {@code >= threshold} with at least
	 * {@code minVoxels} voxels; centre = probability-weighted centroid, confidence = maximum. Sorted by confidence,
	 * highest first.
	 */
	public static List<Peak> components(float[] map, int[] shape, double threshold, int minVoxels) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		boolean[] seen = new boolean[map.length];
		int[] queue = new int[64];
		List<Peak> peaks = new ArrayList<>();
		for (int start = 0; start < map.length; start++) {
			if (seen[start] || map[start] < threshold)
				continue;
			seen[start] = true;
			queue[0] = start;
			int head = 0, tail = 1;
			double sw = 0, sz = 0, sy = 0, sx = 0, max = 0;
			while (head < tail) {
				int v = queue[head++];
				int z = v / (ny * nx), y = (v / nx) % ny, x = v % nx;
				double p = map[v];
				sw += p;
				sz += p * z;
				sy += p * y;
				sx += p * x;
				max = Math.max(max, p);
				for (int dz = -1; dz <= 1; dz++)
					for (int dy = -1; dy <= 1; dy++)
						for (int dx = -1; dx <= 1; dx++) {
							int zz = z + dz, yy = y + dy, xx = x + dx;
							if (zz < 0 || yy < 0 || xx < 0 || zz >= nz || yy >= ny || xx >= nx)
								continue;
							int u = (zz * ny + yy) * nx + xx;
							if (seen[u] || map[u] < threshold)
								continue;
							seen[u] = true;
							if (tail == queue.length)
								queue = Arrays.copyOf(queue, 2 * tail);
							queue[tail++] = u;
						}
			}
			if (tail >= minVoxels)
				peaks.add(new Peak(sz / sw, sy / sw, sx / sw, max, tail));
		}
		peaks.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
		return peaks;
	}

	/**
	 * See {@link PeakMethod#NMS}: local maxima (no 26-neighbour higher) {@code >= threshold}, taken from the highest
	 * down; a maximum is kept when no kept one is within {@code radius} voxels and at least {@code minVoxels} voxels
	 * within that radius are {@code >= threshold}. Centre = probability-weighted centroid of its 3x3x3 neighbourhood.
	 */
	public static List<Peak> nonMaximumSuppression(float[] map, int[] shape, double threshold, double radius,
			int minVoxels) {
		int nz = shape[0], ny = shape[1], nx = shape[2];
		List<Integer> maxima = new ArrayList<>();
		for (int z = 0, v = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, v++)
					if (map[v] >= threshold && isLocalMaximum(map, shape, z, y, x))
						maxima.add(v);
		maxima.sort((a, b) -> Float.compare(map[b], map[a]));
		List<Peak> kept = new ArrayList<>();
		int r = (int) Math.ceil(radius);
		for (int v : maxima) {
			int z = v / (ny * nx), y = (v / nx) % ny, x = v % nx;
			boolean suppressed = false;
			for (Peak k : kept) {
				double dz = k.z() - z, dy = k.y() - y, dx = k.x() - x;
				if (dz * dz + dy * dy + dx * dx < radius * radius) {
					suppressed = true;
					break;
				}
			}
			if (suppressed)
				continue;
			int support = 0;
			double sw = 0, sz = 0, sy = 0, sx = 0;
			for (int zz = Math.max(0, z - r); zz <= Math.min(nz - 1, z + r); zz++)
				for (int yy = Math.max(0, y - r); yy <= Math.min(ny - 1, y + r); yy++)
					for (int xx = Math.max(0, x - r); xx <= Math.min(nx - 1, x + r); xx++) {
						double d2 = (zz - z) * (zz - z) + (yy - y) * (yy - y) + (xx - x) * (xx - x);
						float p = map[(zz * ny + yy) * nx + xx];
						if (d2 <= radius * radius && p >= threshold)
							support++;
						if (Math.abs(zz - z) <= 1 && Math.abs(yy - y) <= 1 && Math.abs(xx - x) <= 1 && p >= threshold) {
							sw += p;
							sz += p * zz;
							sy += p * yy;
							sx += p * xx;
						}
					}
			if (support >= minVoxels)
				kept.add(new Peak(sz / sw, sy / sw, sx / sw, map[v], support));
		}
		return kept;
	}

	private static boolean isLocalMaximum(float[] map, int[] shape, int z, int y, int x) {
		int ny = shape[1], nx = shape[2];
		float c = map[(z * ny + y) * nx + x];
		for (int zz = Math.max(0, z - 1); zz <= Math.min(shape[0] - 1, z + 1); zz++)
			for (int yy = Math.max(0, y - 1); yy <= Math.min(ny - 1, y + 1); yy++)
				for (int xx = Math.max(0, x - 1); xx <= Math.min(nx - 1, x + 1); xx++)
					if (map[(zz * ny + yy) * nx + xx] > c)
						return false;
		return true;
	}
}
