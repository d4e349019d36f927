package org.tomopick.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import org.tomopick.io.OrthogonalPlane;
import org.tomopick.io.PlaneReader;

/**
 * Reads side-view planes on one background thread, so that moving the cursor across chunk boundaries never holds
 * up the event thread: only the latest request of each orientation is read (a quick drag across many planes reads
 * the last one, not all of them), and the values are handed over on the event thread.
 */
final class PlaneLoader implements AutoCloseable {

	/** Receives a plane's values on the event thread. */
	@FunctionalInterface
	interface Receiver {
		void planeRead(OrthogonalPlane plane, int index, float[] values);
	}

	private final PlaneReader reader;
	private final Receiver receiver;
	private final Consumer<RuntimeException> onError;
	private final Map<OrthogonalPlane, Integer> latest = new EnumMap<>(OrthogonalPlane.class);
	private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "tomopick-side-views");
		t.setDaemon(true);
		return t;
	});

	PlaneLoader(PlaneReader reader, Receiver receiver, Consumer<RuntimeException> onError) {
		this.reader = reader;
		this.receiver = receiver;
		this.onError = onError;
	}

	/** Asks for plane {@code index}; an earlier request of the same orientation not yet read is dropped. */
	void request(OrthogonalPlane plane, int index) {
		if (thread.isShutdown())
			return;
		synchronized (latest) {
			latest.put(plane, index);
		}
		thread.execute(() -> {
			synchronized (latest) {
				if (latest.get(plane) != index)
					return;
			}
			try {
				float[] values = reader.read(plane, index);
				SwingUtilities.invokeLater(() -> receiver.planeRead(plane, index, values));
			} catch (RuntimeException e) {
				onError.accept(e);
			}
		});
	}

	/** The index last asked for, or -1. */
	int requested(OrthogonalPlane plane) {
		synchronized (latest) {
			return latest.getOrDefault(plane, -1);
		}
	}

	@Override
	public void close() {
		thread.shutdownNow();
	}
}
