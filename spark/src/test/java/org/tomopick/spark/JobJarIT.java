package org.tomopick.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * The assembled job jar, run as {@code ./tomopick spark} runs it (java with Spark's JVM options, the jar and
 * target/spark-lib on the class path): TomoPick, DJL's engine and PyTorch's natives are in the jar, Spark is not,
 * and a job picks two runs and a rerun skips them.
 */
class JobJarIT {

	private static final Path JAR = Path.of("target/tomopick-spark.jar");

	@Test
	void theJobJarHoldsTomoPickAndPyTorchButNotSpark() throws IOException {
		try (JarFile jar = new JarFile(JAR.toFile())) {
			assertEquals("org.tomopick.spark.TomoPickSpark", jar.getManifest().getMainAttributes().getValue(
					"Main-Class"));
			assertTrue(jar.getEntry("org/tomopick/batch/RunPicker.class") != null);
			assertTrue(jar.getEntry("META-INF/services/ai.djl.engine.EngineProvider") != null, "DJL finds PyTorch");
			assertTrue(jar.stream().anyMatch(e -> e.getName().startsWith("native/lib/")), "PyTorch's CPU natives");
			assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("org/apache/spark/")), "a cluster's Spark");
			assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("scala/")));
		}
	}

	@Test
	void theJobJarPicksAndARerunSkips() throws Exception {
		Path out = SparkTestSupport.scratch("job-jar");
		Path log = out.resolveSibling("job-jar.log");
		assertEquals(0, run(out, log), Files.readString(log));
		Map<String, JsonObject> summary = SparkTestSupport.summary(out);
		assertEquals(List.of("sim_5", "sim_6"), List.copyOf(summary.keySet()));
		summary.values().forEach(r -> assertEquals("picked", r.get("status").getAsString(), r.toString()));
		assertEquals(0, run(out, log), Files.readString(log));
		SparkTestSupport.summary(out).values().forEach(r -> assertEquals("skipped", r.get("status").getAsString()));
		assertTrue(Files.readString(log).contains("2 runs in"), Files.readString(log));
	}

	private static int run(Path out, Path log) throws Exception {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx3g", "@target/jvm.options", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_interop_threads=1",
				"-cp", JAR + java.io.File.pathSeparator + "target/spark-lib/*", TomoPickSpark.class.getName(), "pick",
				"--input", SparkTestSupport.project().toString(), "--out", out.toString(), "--runs", "sim_5,sim_6",
				"--models", SparkTestSupport.MODELS.toString(), "--mode", "unet", "--master", "local[2]"));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the job ended");
		return p.exitValue();
	}
}
