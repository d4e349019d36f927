package org.tomopick.spark;

import org.apache.spark.TaskContext;
import org.tomopick.progress.Progress;

/**
 * The progress of a Spark task: cancelled once Spark kills the task (the job was cancelled on the driver, or
 * stopped), so that picking stops at its next check instead of running on. What a task reports is not shown: the
 * driver's progress line counts runs, not stages.
 */
final class TaskProgress implements Progress {

	private final TaskContext task;

	TaskProgress(TaskContext task) {
		this.task = task;
	}

	@Override
	public boolean isCancelled() {
		return task != null && task.isInterrupted() || Thread.currentThread().isInterrupted();
	}
}
