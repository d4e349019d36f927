package org.tomopick.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CoPick root with optional runs, as the command line writes it: {@code ROOT}, {@code ROOT:RUN} or
 * {@code ROOT:RUN,RUN}. A spec that exists as a path is a root without runs (so a path may contain a colon);
 * otherwise the part after the last colon names the runs.
 */
record RootAndRuns(Path root, List<String> runs) {

	static RootAndRuns parse(String spec) {
		int colon = spec.lastIndexOf(':');
		if (Files.exists(Path.of(spec)) || colon <= 0)
			return new RootAndRuns(Path.of(spec), List.of());
		return new RootAndRuns(Path.of(spec.substring(0, colon)), List.of(spec.substring(colon + 1).split(",")));
	}
}
