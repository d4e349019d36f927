package org.tomopick.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run's line of a batch summary: how it ended, particles per class, seconds per stage, the attempts it took,
 * where it ran, and why it failed. Serializable: executors send it back to the driver.
 *
 * @param particles class name -> particles (of a skipped run: from its record), empty for a failed run
 * @param seconds   stage -> seconds spent by this job (read, the pipeline's stages, write, total)
 * @param attempts  the attempts this job made at the run (1 without retries)
 * @param executor  where the last attempt ran ({@code <executor id>@<host>}), empty when it never ran
 * @param error     one line: why the run failed or did not run; empty otherwise
 */
public record RunOutcome(String run, RunStatus status, Map<String, Integer> particles, Map<String, Double> seconds,
		int attempts, String executor, String error) implements Serializable {

	private static final long serialVersionUID = 1L;

	public RunOutcome {
		Objects.requireNonNull(run, "run");
		Objects.requireNonNull(status, "status");
		particles = new LinkedHashMap<>(particles);
		seconds = new LinkedHashMap<>(seconds);
		executor = executor == null ? "" : executor;
		error = error == null ? "" : error;
	}

	public static RunOutcome failed(String run, int attempts, String executor, String error) {
		return new RunOutcome(run, RunStatus.FAILED, Map.of(), Map.of(), attempts, executor, error);
	}

	public static RunOutcome notRun(String run, String why) {
		return new RunOutcome(run, RunStatus.NOT_RUN, Map.of(), Map.of(), 0, "", why);
	}

	@Override
	public Map<String, Integer> particles() {
		return java.util.Collections.unmodifiableMap(particles);
	}

	@Override
	public Map<String, Double> seconds() {
		return java.util.Collections.unmodifiableMap(seconds);
	}

	/**
	 * The stages of all these runs, each in the order it ran: a stage that some runs lack goes right after the
	 * stage it follows where it ran ({@code models}, loaded by the first task on an executor, before {@code read}).
	 */
	public static List<String> stages(Collection<RunOutcome> outcomes) {
		List<String> order = new ArrayList<>();
		for (RunOutcome o : outcomes) {
			int previous = -1;
			for (String stage : o.seconds().keySet()) {
				int at = order.indexOf(stage);
				if (at < 0) {
					at = previous + 1;
					order.add(at, stage);
				}
				previous = at;
			}
		}
		return order;
	}

	public int particleCount() {
		return particles.values().stream().mapToInt(Integer::intValue).sum();
	}
}
