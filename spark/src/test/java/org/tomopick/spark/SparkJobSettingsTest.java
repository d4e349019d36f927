package org.tomopick.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.tomopick.batch.BatchSettings;

/** How a job's settings become Spark's configuration: masters, Spark's retries, threads per task. */
class SparkJobSettingsTest {

	private static final BatchSettings BATCH = BatchSettings.defaults(Path.of("in"), Path.of("out"), Path.of("m"));

	private static SparkConf conf(String master, int attempts) {
		return new SparkJobSettings(BATCH, master, attempts).sparkConf();
	}

	@Test
	void aLocalMasterRetriesWithTheJobsAttempts() {
		assertEquals("local[2,4]", conf("local[2]", 4).get("spark.master"));
		assertTrue(conf("local[*]", 3).get("spark.master").matches("local\\[\\d+,3\\]"), "local[*]: as many as fit");
		assertEquals("local[1,1]", conf("local", 1).get("spark.master"));
		assertEquals("4", conf("local[2]", 4).get("spark.task.maxFailures"));
		assertEquals("false", conf("local[2]", 4).get("spark.ui.enabled"));
		assertTrue(SparkJobSettings.isLocal(conf("local[2]", 4)));
	}

	@Test
	void aClusterMasterGetsSparksTaskRetriesAndNoSpeculation() {
		SparkConf c = conf("spark://head:7077", 5);
		assertEquals("spark://head:7077", c.get("spark.master"));
		assertEquals("5", c.get("spark.task.maxFailures"));
		assertEquals("false", c.get("spark.speculation"), "two attempts must never write one run at once");
		assertTrue(!SparkJobSettings.isLocal(c));
	}

	@Test
	void withoutAMasterItIsSparkSubmitsElseLocalOnEveryCore() {
		assertTrue(conf(null, 4).get("spark.master").matches("local\\[\\d+,4\\]"));
		System.setProperty("spark.master", "yarn");
		try {
			assertEquals("yarn", conf(null, 4).get("spark.master"), "what spark-submit set");
		} finally {
			System.clearProperty("spark.master");
		}
	}

	@Test
	void localStarRunsOneTaskPerCoreAsManyAsTheHeapHolds() {
		long gb = 1L << 30;
		assertEquals(16, SparkJobSettings.localSlots(16, 64 * gb));
		assertEquals(3, SparkJobSettings.localSlots(16, 8 * gb), "8 GB hold three CZII-sized tomograms");
		assertEquals(1, SparkJobSettings.localSlots(2, gb), "always at least one");
		assertEquals(2, SparkJobSettings.localSlots(2, 6 * gb));
	}

	@Test
	void pytorchThreadsPerTaskAreTheCoresSparkGivesEachTask() {
		assertEquals(1, SparkJobSettings.threadsPerTask(new SparkConf(false)));
		assertEquals(4, SparkJobSettings.threadsPerTask(new SparkConf(false).set("spark.task.cpus", "4")));
	}

	@Test
	void attemptsAndLocalFailureCountsAreChecked() {
		assertThrows(IllegalArgumentException.class, () -> new SparkJobSettings(BATCH, "local[2,3]", 4));
		assertThrows(IllegalArgumentException.class, () -> new SparkJobSettings(BATCH, "local[0]", 4));
		assertThrows(IllegalArgumentException.class, () -> new SparkJobSettings(BATCH, "local[2]", 0));
		assertThrows(IllegalArgumentException.class, () -> new SparkJobSettings(BATCH, " ", 4));
	}
}
