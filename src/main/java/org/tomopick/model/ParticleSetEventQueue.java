package org.tomopick.model;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Delivers the changes of a {@link ParticleSet} to its listeners in the order the update groups ended, without
 * holding the set's lock. A listener that edits the set does not get the new change in the middle of the current
 * one: the delivering thread hands it out once every listener has seen the current change. A failing listener does
 * not stop the others; the first RuntimeException is rethrown once the queue is empty.
 */
final class ParticleSetEventQueue {

	private final List<ParticleSetListener> listeners = new CopyOnWriteArrayList<>();
	private final ArrayDeque<ParticleSetChange> queue = new ArrayDeque<>();
	private final Object deliveryLock = new Object();
	private boolean delivering; // guarded by deliveryLock

	void addListener(ParticleSetListener listener) {
		listeners.add(listener);
	}

	boolean removeListener(ParticleSetListener listener) {
		return listeners.remove(listener);
	}

	/** Queues a change; the set calls this under its own lock, so queue order is the order groups ended. */
	synchronized void enqueue(ParticleSetChange change) {
		queue.add(change);
	}

	private synchronized ParticleSetChange poll() {
		return queue.poll();
	}

	/** Delivers every queued change; call it without holding the set's lock. */
	void deliver() {
		RuntimeException failure = null;
		synchronized (deliveryLock) {
			if (delivering)
				return; // re-entered from a listener: the loop below picks the new change up
			delivering = true;
			try {
				for (ParticleSetChange change = poll(); change != null; change = poll())
					for (ParticleSetListener listener : listeners)
						try {
							listener.particleSetChanged(change);
						} catch (RuntimeException e) {
							if (failure == null)
								failure = e;
							else
								failure.addSuppressed(e);
						}
			} finally {
				delivering = false;
			}
		}
		if (failure != null)
			throw failure;
	}
}
