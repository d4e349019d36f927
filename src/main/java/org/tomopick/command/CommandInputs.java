package org.tomopick.command;

import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;

/** Small checks and conversions of command inputs, with messages that name the macro key. */
final class CommandInputs {

	private CommandInputs() {
	}

	/** Null for an empty or blank text (meaning "choose for me"). */
	/**
	 * The models folder a command uses: the one given, else the default models installed in Fiji
	 * ({@code Fiji.app/models/TomoPick}, where {@code update-site/assemble.sh} puts them).
	 */
	static java.nio.file.Path modelsOrInstalled(java.io.File given) {
		if (given != null && !given.getPath().isBlank())
			return given.toPath();
		String fiji = System.getProperty("imagej.dir");
		if (fiji == null || fiji.isBlank())
			fiji = ij.IJ.getDirectory("imagej");
		java.nio.file.Path installed = fiji == null ? null : java.nio.file.Path.of(fiji, "models", "TomoPick");
		if (installed != null && java.nio.file.Files.isDirectory(installed))
			return installed;
		throw new IllegalArgumentException("models: give a models folder (no default models are installed in "
				+ (installed == null ? "this ImageJ" : installed) + "; update-site/assemble.sh puts them there)");
	}

	/**
	 * The pixel size and size of the open view, which Export and Import Picks use for the pixel formats (RELION,
	 * Dynamo, IMOD): pixels of the open level.
	 */
	static org.tomopick.io.formats.RunGeometry openLevel(org.tomopick.ui.TomogramSession tomogram,
			ij.ImagePlus image) {
		return new org.tomopick.io.formats.RunGeometry(tomogram.geometry().voxelSize(0)[2],
				new int[] { image.getWidth(), image.getHeight(), image.getStackSize() });
	}

	static String orNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	static double positive(double value, String key) {
		if (!(value > 0) || Double.isInfinite(value))
			throw new IllegalArgumentException(key + " must be a positive number, was " + value);
		return value;
	}

	/** A comma-separated list, blanks removed; empty for an empty text. */
	static List<String> list(String text) {
		if (text == null || text.isBlank())
			return List.of();
		return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	/** Whether windows can be shown (not a headless JVM). */
	static boolean canShowWindows() {
		return !GraphicsEnvironment.isHeadless();
	}
}
