package org.tomopick.batch;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.tomopick.fuse.FusionSettings;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.PickingMode;

/**
 * What a batch job picks and how: the CoPick project to read (its folder or config file) and the tomogram type,
 * the overlay root to write and the CoPick user and session of the picks, the models folder, the mode and explicit
 * thresholds (none: the models' tuned ones), and whether complete runs are picked again. Paths are kept as text so
 * that the settings travel to Spark's executors as they are (every executor must see them at the same place).
 */
public record BatchSettings(String input, String tomoType, String out, String user, String session, String models,
		String mode, List<String> thresholds, boolean force) implements Serializable {

	private static final long serialVersionUID = 1L;

	/** The CoPick user, session and picking mode when none is given. */
	public static final String DEFAULT_USER = "tomopick", DEFAULT_SESSION = "0", DEFAULT_MODE = "full";

	public BatchSettings {
		Objects.requireNonNull(input, "input");
		Objects.requireNonNull(out, "out");
		Objects.requireNonNull(models, "models");
		thresholds = List.copyOf(thresholds);
	}

	/** Settings with TomoPick's defaults: user tomopick, session 0, mode full, tuned thresholds, no --force. */
	public static BatchSettings defaults(Path input, Path out, Path models) {
		return new BatchSettings(input.toString(), null, out.toString(), DEFAULT_USER, DEFAULT_SESSION,
				models.toString(), DEFAULT_MODE, List.of(), false);
	}

	/**
	 * Checks what can be checked without reading any file: the mode, the thresholds, and the user and session
	 * names (as copick allows them).
	 *
	 * @throws IllegalArgumentException naming the setting that is wrong
	 */
	public BatchSettings validate() {
		pickingMode();
		fusion();
		new org.tomopick.io.copick.CopickProject(Path.of(out)).picksPath("run", user, session, "object");
		return this;
	}

	public PickingMode pickingMode() {
		return PickingMode.parse(mode);
	}

	/** Explicit thresholds as fusion settings, or null for the models' tuned ones. */
	public FusionSettings fusion() {
		return ThresholdOptions.parse(thresholds, ParticleCatalog.czii());
	}

	public Path inputPath() {
		return Path.of(input);
	}

	public Path outPath() {
		return Path.of(out);
	}

	public Path modelsPath() {
		return Path.of(models);
	}

	public BatchSettings withOut(Path o) {
		return new BatchSettings(input, tomoType, o.toString(), user, session, models, mode, thresholds, force);
	}

	/** The fingerprint of these settings and the models they name ({@link PicksFingerprint}); reads the models. */
	public String fingerprint() {
		return PicksFingerprint.of(modelsPath(), pickingMode(), fusion(), tomoType, user, session,
				ParticleCatalog.czii());
	}
}
