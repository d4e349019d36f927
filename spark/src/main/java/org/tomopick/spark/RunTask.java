package org.tomopick.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.util.CollectionAccumulator;
import org.tomopick.batch.BatchFailures;
import org.tomopick.batch.BatchPicker;
import org.tomopick.batch.RunOutcome;
import org.tomopick.nn.DjlRuntime;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.progress.CancelledException;

/**
 * One Spark task: one run. Skips the run when its picks are complete ({@link BatchPicker#completed}), else picks it
 * with a pipeline of this executor's pool ({@link ExecutorPipelines}: the models are loaded once per executor task
 * slot and reused) and adds its {@link RunOutcome} to the job's accumulator (Spark applies the accumulator updates
 * of a task once, when the task succeeds).
 * <p>
 * Failures: bad input (a corrupt tomogram, a voxel size the models cannot use, a run without a tomogram) fails the
 * same way every time, so the run is reported failed at once. Anything else is thrown, and Spark runs the task
 * again ({@code spark.task.maxFailures}); the last allowed attempt reports the run failed instead of throwing, so
 * that one bad run never aborts the job.
 */
final class RunTask implements VoidFunction<String> {

	private static final long serialVersionUID = 1L;

	private final SparkJobSettings settings;
	private final String fingerprint;
	private final String job;
	private final int threadsPerTask;
	private final CollectionAccumulator<RunOutcome> outcomes;

	RunTask(SparkJobSettings settings, String fingerprint, String job, int threadsPerTask,
			CollectionAccumulator<RunOutcome> outcomes) {
		this.settings = settings;
		this.fingerprint = fingerprint;
		this.job = job;
		this.threadsPerTask = threadsPerTask;
		this.outcomes = outcomes;
	}

	@Override
	public void call(String run) {
		TaskContext task = TaskContext.get();
		outcomes.add(process(run, task.attemptNumber() + 1, task));
	}

	RunOutcome process(String run, int attempt, TaskContext task) {
		String executor = executorName();
		BatchPicker picker = new BatchPicker(settings.batch(), fingerprint, job);
		try {
			Path tomogram = picker.tomogram(run);
			Optional<RunOutcome> done = picker.completed(run, tomogram, attempt, executor);
			if (done.isPresent())
				return done.get();
			TestSeams.beforePicking(run, attempt, task);
			DjlRuntime.configure(threadsPerTask);
			try (ExecutorPipelines.Lease lease = ExecutorPipelines.borrow(fingerprint, this::loadPipeline)) {
				RunOutcome picked = picker.pick(run, tomogram, lease.pipeline(), attempt, executor,
						new TaskProgress(task));
				return lease.loadSeconds() > 0 ? withModelLoading(picked, lease.loadSeconds()) : picked;
			}
		} catch (CancelledException killed) {
			throw killed; // Spark killed the task (the job was cancelled): not a failure of the run
		} catch (RuntimeException | OutOfMemoryError e) {
			if (task != null && task.isInterrupted())
				throw new CancelledException("run " + run);
			if (BatchFailures.isBadInput(e) || attempt >= settings.maxAttempts())
				return RunOutcome.failed(run, attempt, executor, BatchFailures.oneLine(e));
			// Spark runs this task again. Running out of memory is passed on as an ordinary failure: thrown as it is,
			// Spark would take it for a fatal error and end this JVM (with Spark embedded, the whole job).
			throw e instanceof RuntimeException r ? r : new AttemptFailed(run, e);
		}
	}

	/**
	 * A failure of one attempt that Spark retries, for an error that must not end the executor: it names the error
	 * but does not carry it (Spark looks for fatal errors among an exception's causes too).
	 */
	static final class AttemptFailed extends RuntimeException {
		private static final long serialVersionUID = 1L;

		AttemptFailed(String run, Throwable error) {
			super("the attempt at " + run + " failed: " + BatchFailures.oneLine(error));
		}
	}

	PickingPipeline loadPipeline() {
		return PickingPipeline.load(settings.batch().modelsPath(), settings.batch().pickingMode(),
				settings.batch().fusion());
	}

	/** The outcome with the seconds this task spent loading models first, as the stage "models". */
	private static RunOutcome withModelLoading(RunOutcome o, double seconds) {
		Map<String, Double> stages = new LinkedHashMap<>();
		stages.put("models", seconds);
		stages.putAll(o.seconds());
		return new RunOutcome(o.run(), o.status(), o.particles(), stages, o.attempts(), o.executor(), o.error());
	}

	/** {@code <executor id>@<host>}; the executor id is "driver" when Spark runs embedded. */
	static String executorName() {
		SparkEnv env = SparkEnv.get();
		return env == null ? "?" : env.executorId() + "@" + env.blockManager().blockManagerId().host();
	}
}
