package org.tomopick.nn;

/**
 * Settings that the DJL PyTorch engine reads once, when it first loads: offline mode (natives from the bundled
 * {@code pytorch-native-cpu} jar, never a download) and the number of CPU threads. Call {@link #configure} before
 * the first DJL call; values already given on the command line ({@code -Dai.djl.offline=...}) are kept.
 */
public final class DjlRuntime {

	public static final String OFFLINE = "ai.djl.offline";
	public static final String THREADS = "ai.djl.pytorch.num_threads";
	public static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

	private DjlRuntime() {
	}

	/** Offline mode and one intra-op thread per available core, unless already set. */
	public static void configure() {
		configure(Runtime.getRuntime().availableProcessors());
	}

	/** Offline mode and the given number of intra-op threads (one inter-op thread), unless already set. */
	public static void configure(int threads) {
		if (threads < 1)
			throw new IllegalArgumentException("DJL threads must be >= 1, was " + threads);
		setIfAbsent(OFFLINE, "true");
		setIfAbsent(THREADS, Integer.toString(threads));
		setIfAbsent(INTEROP_THREADS, "1");
	}

	/**
	 * Switches PyTorch's gradient recording off for the calling thread. PyTorch keeps that switch per thread and
	 * starts every new thread with recording on; DJL switches it off only on the thread that loaded the engine (a
	 * gradient collector restores whatever it found). Work started on another thread (Fiji runs commands on a
	 * thread pool) must call this first, or inference records a graph (memory) and in-place parameter updates fail.
	 * The engine must be loaded (a model created or loaded) before.
	 */
	public static void noGradientsOnThisThread() {
		configure();
		ai.djl.engine.Engine.getInstance(); // loads the engine (and its natives) if nothing has yet
		ai.djl.pytorch.jni.JniUtils.setGradMode(false);
	}

	private static void setIfAbsent(String key, String value) {
		if (System.getProperty(key) == null)
			System.setProperty(key, value);
	}
}
