package org.tomopick.progress;

import java.util.Locale;

/**
 * The time left of a stage at its pace so far, for progress displays (the terminal and Fiji's status bar): nothing
 * until there is a pace to go by (2 s and 2% in), then ", 30 s left" or ", 2 min 30 s left".
 */
public final class TimeLeft {

	private TimeLeft() {
	}

	public static String of(double elapsedSeconds, double fraction) {
		if (elapsedSeconds < 2 || fraction < 0.02 || fraction >= 1)
			return "";
		long left = Math.round(elapsedSeconds * (1 - fraction) / fraction);
		return left >= 60 ? String.format(Locale.ROOT, ", %d min %02d s left", left / 60, left % 60)
				: String.format(Locale.ROOT, ", %d s left", left);
	}
}
