package org.tomopick.io;

import org.tomopick.cli.TomoPickCli;

/**
 * A child JVM's main for kill tests: runs the TomoPick command line given as arguments, but parks for good after the
 * second rename of any several-file change (printing {@value #PAUSED}), so that the test can kill it with SIGKILL
 * exactly between two renames.
 */
public final class PausedBetweenRenames {

	public static final String PAUSED = "PAUSED-BETWEEN-RENAMES";

	private PausedBetweenRenames() {
	}

	public static void main(String[] args) {
		int[] renames = { 0 };
		AtomicFiles.afterEachRename = () -> {
			if (++renames[0] == 2) {
				System.out.println(PAUSED);
				System.out.flush();
				while (true)
					try {
						Thread.sleep(60_000);
					} catch (InterruptedException e) {
						// parked until killed
					}
			}
		};
		TomoPickCli.main(args);
	}
}
