package org.tomopick.spark;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.util.CollectionAccumulator;
import org.tomopick.batch.BatchEngine;
import org.tomopick.batch.BatchFailures;
import org.tomopick.batch.BatchPicker;
import org.tomopick.batch.BatchSettings;
import org.tomopick.batch.BatchSummary;
import org.tomopick.batch.RunOutcome;
import org.tomopick.batch.RunPicker;
import org.tomopick.batch.RunStatus;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.nn.DjlRuntime;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.progress.CancelledException;

/**
 * The driver of a batch job: one Spark task per run ({@link RunTask}), Spark's own scheduling and retries, the
 * runs' outcomes gathered in an accumulator as their tasks finish, a progress line while they run, and the job's
 * {@link BatchSummary} at the end, in the order of the runs, also when the job was cancelled or stopped early (runs
 * without an outcome are then {@link RunStatus#NOT_RUN}; a rerun picks them).
 */
final class SparkPickJob {

	/** The summary, and why the job stopped before every run had an outcome (null when it did not). */
	record Result(BatchSummary summary, boolean cancelled, String stopped) {
	}

	private static final long POLL_MILLIS = 200;

	private SparkPickJob() {
	}

	static Result run(SparkJobSettings settings, List<String> runs, PrintWriter err, DriverCancellation cancellation) {
		BatchSettings batch = settings.batch();
		String fingerprint = batch.fingerprint();
		String job = newJobId();
		SparkConf conf = settings.sparkConf();
		int threads = SparkJobSettings.threadsPerTask(conf);
		DjlRuntime.configure(threads);
		// The models are loaded once here, before any task: a models folder that cannot be used fails the job at
		// once (exit code 2) instead of every run. With Spark embedded, the tasks reuse this pipeline.
		try (ExecutorPipelines.Lease check = ExecutorPipelines.borrow(fingerprint, () -> PickingPipeline.load(
				batch.modelsPath(), batch.pickingMode(), batch.fusion()))) {
			// loaded and given back
		}
		if (!SparkJobSettings.isLocal(conf))
			ExecutorPipelines.clear(); // the driver picks nothing on a cluster
		// Written here, once, before any task: tasks on several hosts must never write one file at the same time (a
		// writer takes the temporary file of a process it cannot see on its own host for one a killed writer left).
		CopickProject.open(batch.outPath()).writeConfigIfAbsent(RunPicker.CONFIG_NAME, ParticleCatalog.czii());
		if (cancellation.requested())
			throw new CancelledException("starting Spark");
		String slotsNote = settings.localSlotsNote();
		if (slotsNote != null)
			err.println(slotsNote);
		Instant started = Instant.now();
		long t0 = System.nanoTime();
		List<RunOutcome> outcomes;
		String stopped = null;
		boolean cancelled = false;
		String sparkVersion;
		try (JavaSparkContext sc = new JavaSparkContext(conf)) {
			sparkVersion = sc.version();
			TaskCounts counts = new TaskCounts();
			sc.sc().addSparkListener(counts);
			CollectionAccumulator<RunOutcome> finished = sc.sc().collectionAccumulator("tomopick runs");
			RunTask task = new RunTask(settings, fingerprint, job, threads, finished);
			JavaFutureAction<Void> action = sc.parallelize(runs, Math.max(1, runs.size())).foreachAsync(task);
			DriverProgress progress = new DriverProgress(err, runs.size());
			while (!action.isDone() && !cancellation.requested()) {
				progress.update(finished.value(), counts.running(), counts.failed(), false);
				sleep();
			}
			if (!action.isDone())
				action.cancel(true);
			try {
				action.get();
			} catch (ExecutionException | java.util.concurrent.CancellationException e) {
				// a context stopped under the job is the JVM shutting down (Ctrl-C), unless Spark stopped it itself
				cancelled = cancellation.requested() || sc.sc().isStopped() && cancellation.awaitRequested();
				stopped = cancelled ? "cancelled" : "the job stopped: " + BatchFailures.oneLine(rootCause(e));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				cancelled = true;
				stopped = "cancelled";
			}
			outcomes = finished.value();
			progress.update(outcomes, 0, counts.failed(), true);
		}
		BatchEngine engine = new BatchEngine("spark", sparkVersion, conf.get("spark.master"), settings.maxAttempts(),
				threads);
		BatchSummary summary = new BatchSummary(job, batch, fingerprint, engine, started.toString(),
				(System.nanoTime() - t0) * 1e-9, inRunOrder(runs, outcomes, batch, fingerprint, job, stopped));
		return new Result(summary, cancelled, stopped);
	}

	/**
	 * Every run's outcome in the order of the runs. A run without one (the job stopped) whose picks this job wrote
	 * all the same (its task was killed after writing them) is reported picked, as its record says; any other is
	 * not run.
	 */
	private static List<RunOutcome> inRunOrder(List<String> runs, List<RunOutcome> outcomes, BatchSettings batch,
			String fingerprint, String job, String stopped) {
		Map<String, RunOutcome> byRun = new HashMap<>();
		outcomes.forEach(o -> byRun.put(o.run(), o));
		BatchPicker picker = new BatchPicker(batch, fingerprint, job);
		List<RunOutcome> ordered = new ArrayList<>();
		for (String run : runs) {
			RunOutcome o = byRun.get(run);
			if (o == null)
				o = pickedByThisJob(picker, run).orElse(RunOutcome.notRun(run,
						stopped != null ? stopped : "no outcome came back from its task"));
			ordered.add(o);
		}
		return ordered;
	}

	private static Optional<RunOutcome> pickedByThisJob(BatchPicker picker, String run) {
		try {
			return picker.completed(run, picker.tomogram(run), 0, "").filter(o -> o.status() == RunStatus.PICKED);
		} catch (RuntimeException unreadable) {
			return Optional.empty();
		}
	}

	/** Tasks running now and attempts that failed, from Spark's listener bus (for the progress line). */
	static final class TaskCounts extends SparkListener {
		private final AtomicInteger started = new AtomicInteger(), ended = new AtomicInteger(),
				failed = new AtomicInteger();

		@Override
		public void onTaskStart(SparkListenerTaskStart start) {
			started.incrementAndGet();
		}

		@Override
		public void onTaskEnd(SparkListenerTaskEnd end) {
			ended.incrementAndGet();
			if (!end.taskInfo().successful())
				failed.incrementAndGet();
		}

		int running() {
			return Math.max(0, started.get() - ended.get());
		}

		int failed() {
			return failed.get();
		}
	}

	private static Throwable rootCause(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t)
			t = t.getCause();
		return t;
	}

	/** {@code <UTC time>-<random>}: unique enough to tell this job's records from those of any other. */
	static String newJobId() {
		return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + "-"
				+ java.util.UUID.randomUUID().toString().substring(0, 8);
	}

	private static void sleep() {
		try {
			Thread.sleep(POLL_MILLIS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException("waiting for the job");
		}
	}
}
