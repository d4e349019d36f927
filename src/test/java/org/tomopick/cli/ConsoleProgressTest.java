package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The terminal progress line: the bar and the time left at the stage's pace. */
class ConsoleProgressTest {

	@Test
	void barAndTimeLeft() {
		assertEquals("[##########..........]", ConsoleProgress.bar(0.5));
		assertEquals("[....................]", ConsoleProgress.bar(0));
		assertEquals("[####################]", ConsoleProgress.bar(1));
		assertEquals(", 30 s left", org.tomopick.progress.TimeLeft.of(10, 0.25), "10 s for a quarter: 30 s for the rest");
		assertEquals(", 2 min 30 s left", org.tomopick.progress.TimeLeft.of(50, 0.25));
		assertEquals("", org.tomopick.progress.TimeLeft.of(1, 0.5), "no estimate in the first 2 s");
		assertEquals("", org.tomopick.progress.TimeLeft.of(10, 0.01), "nor before 2% are done");
		assertEquals("", org.tomopick.progress.TimeLeft.of(10, 1), "nor when done");
	}
}
