package org.tomopick.unet;

/**
 * The shape of a {@link UNet3d}: channels of the first level (doubled at every level down), number of stride-2
 * levels, number of particle classes (the head has one more channel, for background), and the bottleneck divisor of
 * the channel attention on the skip connections. Inputs must be a multiple of {@code 2^depth} along every axis.
 */
public record UNetArchitecture(int baseChannels, int depth, int classCount, int attentionReduction) {

	/** Sized for CPU inference at 20 A: 8 base channels, 3 levels, the six CZII classes. */
	public static UNetArchitecture defaults() {
		return new UNetArchitecture(8, 3, 6, 4);
	}

	public UNetArchitecture validate() {
		UNetSettings.require(baseChannels >= 2 && baseChannels <= 256, "architecture.baseChannels",
				"must be in [2, 256]", baseChannels);
		UNetSettings.require(depth >= 1 && depth <= 5, "architecture.depth", "must be in [1, 5]", depth);
		UNetSettings.require(classCount >= 1 && classCount <= 64, "architecture.classCount", "must be in [1, 64]",
				classCount);
		UNetSettings.require(attentionReduction >= 1, "architecture.attentionReduction", "must be >= 1",
				attentionReduction);
		return this;
	}

	/** Classes plus background. */
	public int outputChannels() {
		return classCount + 1;
	}

	/** Input sizes must be a multiple of this. */
	public int sizeMultiple() {
		return 1 << depth;
	}

	/** Channels at a level (0 = full resolution). */
	public int channels(int level) {
		return baseChannels << level;
	}

	public UNetArchitecture withBaseChannels(int c) {
		return new UNetArchitecture(c, depth, classCount, attentionReduction);
	}

	public UNetArchitecture withDepth(int d) {
		return new UNetArchitecture(baseChannels, d, classCount, attentionReduction);
	}

	public UNetArchitecture withClassCount(int n) {
		return new UNetArchitecture(baseChannels, depth, n, attentionReduction);
	}
}
