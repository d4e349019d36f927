package org.tomopick.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.tomopick.io.AtomicFiles;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;

/**
 * A PNG of one z-slice of a tomogram (grey values stretched between the 1st and 99th percentile) with particles
 * overlaid: truth as circles in the class colour (radius of the sphere cut by the slice), picks as crosses in the
 * class colour. Only particles whose sphere crosses the slice are drawn. A legend names the classes by colour.
 */
final class SlicePng {

	private SlicePng() {
	}

	static void write(Path file, DenseVolume tomogram, double voxelAngstrom, int z, List<Particle> truth,
			List<Particle> picks) {
		int ny = tomogram.sizeY(), nx = tomogram.sizeX();
		float[] data = tomogram.toFloatArray();
		float[] slice = Arrays.copyOfRange(data, z * ny * nx, (z + 1) * ny * nx);
		float[] sorted = slice.clone();
		Arrays.sort(sorted);
		float lo = sorted[(int) (0.01 * (sorted.length - 1))], hi = sorted[(int) (0.99 * (sorted.length - 1))];
		BufferedImage image = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < ny; y++)
			for (int x = 0; x < nx; x++) {
				int g = (int) Math.max(0, Math.min(255, 255 * (slice[y * nx + x] - lo) / Math.max(1e-30f, hi - lo)));
				image.setRGB(x, y, (g << 16) | (g << 8) | g);
			}
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setStroke(new BasicStroke(1.5f));
		double zA = z * voxelAngstrom;
		for (Particle p : truth) {
			double r = p.type().radiusAngstrom(), dz = p.z() - zA;
			if (Math.abs(dz) >= r)
				continue;
			double rr = Math.sqrt(r * r - dz * dz) / voxelAngstrom;
			g.setColor(color(p));
			g.drawOval((int) Math.round(p.x() / voxelAngstrom - rr), (int) Math.round(p.y() / voxelAngstrom - rr),
					(int) Math.round(2 * rr), (int) Math.round(2 * rr));
		}
		for (Particle p : picks) {
			if (Math.abs(p.z() - zA) >= p.type().radiusAngstrom())
				continue;
			int x = (int) Math.round(p.x() / voxelAngstrom), y = (int) Math.round(p.y() / voxelAngstrom);
			g.setColor(color(p));
			g.drawLine(x - 4, y - 4, x + 4, y + 4);
			g.drawLine(x - 4, y + 4, x + 4, y - 4);
		}
		legend(g, truth, picks);
		g.dispose();
		AtomicFiles.write(file, out -> {
			if (!ImageIO.write(image, "png", out))
				throw new IOException("no PNG writer in this Java");
		});
	}

	/**
	 * A legend in the top-left corner: what circles and crosses mean, and each class drawn on the slice in its
	 * colour (on a dark box, so that it reads on any grey).
	 */
	private static void legend(Graphics2D g, List<Particle> truth, List<Particle> picks) {
		java.util.Map<String, Color> classes = new java.util.TreeMap<>();
		for (List<Particle> ps : List.of(truth, picks))
			for (Particle p : ps)
				classes.putIfAbsent(p.type().name(), color(p));
		g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
		int line = 13, width = 150, height = line * (classes.size() + 1) + 6;
		g.setColor(new Color(0, 0, 0, 170));
		g.fillRect(4, 4, width, height);
		g.setColor(Color.WHITE);
		g.drawString("o truth   x picks", 9, 4 + line);
		int y = 4 + 2 * line;
		for (var e : classes.entrySet()) {
			g.setColor(e.getValue());
			g.fillRect(9, y - 9, 9, 9);
			g.setColor(Color.WHITE);
			g.drawString(e.getKey(), 23, y);
			y += line;
		}
	}

	private static Color color(Particle p) {
		var c = p.type().color();
		return new Color(c.red(), c.green(), c.blue());
	}
}
