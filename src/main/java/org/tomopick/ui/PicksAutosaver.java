package org.tomopick.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.tomopick.io.copick.CopickPicksWriter;
import org.tomopick.model.Particle;

/**
 * Writes the particles of a session as CoPick picks in the background, every few seconds when there are edits it
 * has not written yet, so that a crash loses little. Files go to {@code Picks/<user>_<session>_<object>.json} of the
 * target run and are written atomically (a reader never sees half a file). Autosaving does not count as saving: the
 * window keeps flagging unsaved edits until the user exports.
 */
public final class PicksAutosaver implements AutoCloseable {

	/**
	 * @param user            CoPick user of the autosaved picks
	 * @param session         CoPick session of the autosaved picks
	 * @param intervalSeconds seconds between checks
	 */
	public record Settings(String user, String session, double intervalSeconds) {
		public static Settings defaults() {
			return new Settings("tomopick", "autosave", 30);
		}

		public Settings validate() {
			if (!(intervalSeconds >= 0.05) || Double.isInfinite(intervalSeconds))
				throw new IllegalArgumentException("autosave intervalSeconds must be >= 0.05, was " + intervalSeconds);
			return this;
		}
	}

	private final TomogramSession session;
	private final CopickRunRef target;
	private final Settings settings;
	private final Consumer<RuntimeException> onError;
	private ScheduledExecutorService executor;

	/**
	 * @param onError told (on the autosave thread) when a write fails; autosaving goes on
	 */
	public PicksAutosaver(TomogramSession session, CopickRunRef target, Settings settings,
			Consumer<RuntimeException> onError) {
		this.session = Objects.requireNonNull(session, "session");
		this.target = Objects.requireNonNull(target, "target");
		this.settings = settings.validate();
		this.onError = Objects.requireNonNull(onError, "onError");
	}

	/** Starts checking in the background (a daemon thread). */
	public synchronized PicksAutosaver start() {
		if (executor == null) {
			executor = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "TomoPick autosave " + target.run());
				t.setDaemon(true);
				return t;
			});
			long ms = Math.round(settings.intervalSeconds() * 1000);
			executor.scheduleWithFixedDelay(this::saveQuietly, ms, ms, TimeUnit.MILLISECONDS);
		}
		return this;
	}

	private void saveQuietly() {
		try {
			saveIfNeeded();
		} catch (RuntimeException e) {
			onError.accept(e);
		}
	}

	/**
	 * Writes the picks if there are edits not yet autosaved; returns the files written (empty if nothing to do).
	 */
	public List<Path> saveIfNeeded() {
		UnsavedEditsTracker unsaved = session.unsaved();
		if (!unsaved.needsAutosave())
			return List.of();
		long revision = unsaved.revision();
		List<Particle> particles = new ArrayList<>(session.particles().snapshot().values());
		List<Path> written = CopickPicksWriter.writeRun(target.project(), target.run(), settings.user(),
				settings.session(), target.voxelSpacing(), particles, session.catalog());
		unsaved.markAutosaved(revision);
		return written;
	}

	public CopickRunRef target() {
		return target;
	}

	public Settings settings() {
		return settings;
	}

	/** Stops the background thread (a last pending write is finished first). */
	@Override
	public synchronized void close() {
		if (executor != null) {
			executor.shutdown();
			try {
				executor.awaitTermination(10, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			executor = null;
		}
	}
}
