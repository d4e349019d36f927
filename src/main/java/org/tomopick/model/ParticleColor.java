package org.tomopick.model;

/** An RGBA colour, each channel 0..255, as CoPick stores it ({@code "color": [r, g, b, a]}). */
public record ParticleColor(int red, int green, int blue, int alpha) {

	public ParticleColor {
		check("red", red);
		check("green", green);
		check("blue", blue);
		check("alpha", alpha);
	}

	private static void check(String name, int value) {
		if (value < 0 || value > 255)
			throw new IllegalArgumentException("colour channel " + name + " must be 0..255, was " + value);
	}

	/** Packed as 0xAARRGGBB (the layout of java.awt.Color#getRGB). */
	public int argb() {
		return (alpha << 24) | (red << 16) | (green << 8) | blue;
	}

	public String hex() {
		return String.format("#%02x%02x%02x", red, green, blue);
	}
}
