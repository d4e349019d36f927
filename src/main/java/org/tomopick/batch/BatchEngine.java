package org.tomopick.batch;

/**
 * What ran a batch job, for its summary: the engine and its version (e.g. "spark", "4.1.1"), where the tasks ran
 * (Spark's master, e.g. {@code local[2,4]} or {@code spark://host:7077}), the attempts a run was allowed, and the
 * PyTorch threads of each task.
 */
public record BatchEngine(String name, String version, String master, int maxAttempts, int threadsPerTask) {
}
