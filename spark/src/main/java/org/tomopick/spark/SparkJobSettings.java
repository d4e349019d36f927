package org.tomopick.spark;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkConf;
import org.tomopick.batch.BatchSettings;

/**
 * How a batch job runs on Spark: the picking settings, the Spark master (null: the one spark-submit set, else Spark
 * embedded in this JVM with one task per core, {@code local[*]}, as many as the heap holds) and how many attempts a
 * run gets before it is reported failed. Retries are Spark's own: {@code spark.task.maxFailures}, and for local
 * masters the failure count of {@code local[N,F]}, which is the only way local Spark retries a task.
 */
record SparkJobSettings(BatchSettings batch, String master, int maxAttempts) implements Serializable {

	private static final long serialVersionUID = 1L;
	static final int DEFAULT_ATTEMPTS = 4;
	private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,(\\d+))?\\])?");

	SparkJobSettings {
		if (maxAttempts < 1 || maxAttempts > 100)
			throw new IllegalArgumentException("--max-attempts must be 1 to 100, was " + maxAttempts);
		if (master != null)
			checkMaster(master);
	}

	private static void checkMaster(String master) {
		Matcher m = LOCAL.matcher(master);
		if (m.matches() && m.group(2) != null)
			throw new IllegalArgumentException("--master " + master + ": give the attempts with --max-attempts, and "
					+ "the master as local[N] or local[*]");
		if (m.matches() && m.group(1) != null && !m.group(1).equals("*") && Integer.parseInt(m.group(1)) < 1)
			throw new IllegalArgumentException("--master " + master + ": local[N] needs N >= 1");
		if (master.isBlank())
			throw new IllegalArgumentException("--master is empty");
	}

	/**
	 * Spark's configuration of the job: the master (a local one with this job's attempts), Spark's task retries,
	 * no speculative copies of a task (two attempts must never write one run at the same time), no console
	 * progress bar and, for a local master, no web UI (the driver prints its own progress line) and the loopback
	 * address only.
	 * {@code new SparkConf()} first takes what spark-submit passed.
	 */
	SparkConf sparkConf() {
		SparkConf conf = new SparkConf();
		String chosen = master != null ? master : conf.get("spark.master", "local[*]");
		Matcher m = LOCAL.matcher(chosen);
		if (m.matches()) {
			if (m.group(2) != null)
				checkMaster(chosen);
			String slots = m.group(1) == null ? "1" : m.group(1);
			if (slots.equals("*"))
				slots = Integer.toString(localSlots(Runtime.getRuntime().availableProcessors(),
						Runtime.getRuntime().maxMemory()));
			chosen = "local[" + slots + "," + maxAttempts + "]";
			conf.setIfMissing("spark.ui.enabled", "false");
			conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1"); // embedded: nothing listens beyond this host
			conf.setIfMissing("spark.driver.host", "localhost");
		}
		conf.setMaster(chosen);
		conf.setIfMissing("spark.app.name", "TomoPick spark pick");
		conf.set("spark.task.maxFailures", Integer.toString(maxAttempts));
		conf.set("spark.speculation", "false");
		conf.set("spark.ui.showConsoleProgress", "false");
		return conf;
	}

	/** The heap one task of a CZII-sized tomogram (184 x 630 x 630 voxels) needs, measured (docs/spark.md). */
	static final long HEAP_PER_TASK = 2_500L << 20;

	/**
	 * Tasks at once for {@code local[*]}: one per core, as many as this JVM's heap holds at {@link #HEAP_PER_TASK}
	 * each (at least one), so that the default never runs more tomograms at once than fit.
	 */
	static int localSlots(int cores, long maxHeapBytes) {
		return (int) Math.max(1, Math.min(cores, maxHeapBytes / HEAP_PER_TASK));
	}

	/** A line for the user when local[*] runs fewer tasks than there are cores (the heap is the limit), else null. */
	String localSlotsNote() {
		int cores = Runtime.getRuntime().availableProcessors();
		boolean star = master == null ? !new SparkConf().contains("spark.master") : master.equals("local[*]");
		int slots = localSlots(cores, Runtime.getRuntime().maxMemory());
		if (!star || slots >= cores)
			return null;
		return String.format(java.util.Locale.ROOT, "spark pick: local[*] runs %d %s at once, not %d: the heap "
				+ "(%.1f GB) holds %d CZII-sized %s at 2.5 GB each; give more (TOMOPICK_JAVA_OPTS=-Xmx...) to use "
				+ "every core, or --master local[N]", slots, slots == 1 ? "task" : "tasks", cores,
				Runtime.getRuntime().maxMemory() / 1e9, slots, slots == 1 ? "tomogram" : "tomograms");
	}

	/** Whether the master runs the tasks in this JVM. */
	static boolean isLocal(SparkConf conf) {
		return conf.get("spark.master", "").startsWith("local[") || conf.get("spark.master", "").equals("local");
	}

	/**
	 * PyTorch threads per task: the cores Spark gives each task ({@code spark.task.cpus}, default 1). An executor
	 * of C cores runs C / spark.task.cpus tasks at once, so its cores are used and never oversubscribed.
	 */
	static int threadsPerTask(SparkConf conf) {
		return Math.max(1, conf.getInt("spark.task.cpus", 1));
	}
}
