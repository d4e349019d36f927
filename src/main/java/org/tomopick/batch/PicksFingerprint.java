package org.tomopick.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.tomopick.fuse.FusionSettings;
import org.tomopick.io.Sha256;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.pipeline.PickingMode;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.pipeline.PipelineTuning;

/**
 * The SHA-256 of everything besides the tomogram that decides a run's picks: the model files the pipeline reads
 * (every file in {@code unet/}, {@code yolo/} and {@code classifier/}, and the tuned {@code pipeline.json}, each by
 * its own SHA-256, so a renamed models folder with the same files gives the same fingerprint), the mode, the
 * thresholds given on the command line, the tomogram type, and the CoPick user and session the picks are written
 * as. A batch job records it with each run's picks and skips a run whose record has the same one.
 * <p>
 * What it does not cover: TomoPick's own code. Picks made by another version are reused as they are; pick again
 * with {@code --force} after an upgrade that changes the picker.
 */
public final class PicksFingerprint {

	static final String VERSION_LINE = "tomopick picks fingerprint 1";

	private PicksFingerprint() {
	}

	/**
	 * @param thresholds explicit thresholds, or null for the models' tuned ones
	 * @param tomoType   the tomogram type asked for, or null for the default choice
	 */
	public static String of(Path models, PickingMode mode, FusionSettings thresholds, String tomoType, String user,
			String session, ParticleCatalog catalog) {
		return Sha256.of(text(models, mode, thresholds, tomoType, user, session, catalog)
				.getBytes(StandardCharsets.UTF_8));
	}

	/** The hashed text: one setting per line, then one line per model file (its path in the folder, its SHA-256). */
	static String text(Path models, PickingMode mode, FusionSettings thresholds, String tomoType, String user,
			String session, ParticleCatalog catalog) {
		StringBuilder s = new StringBuilder(VERSION_LINE).append('\n');
		s.append("mode ").append(mode.label()).append('\n');
		s.append("thresholds");
		if (thresholds == null)
			s.append(" tuned");
		else
			for (ParticleClass c : catalog.classes())
				s.append(String.format(Locale.ROOT, " %s=%s", c.name(), Double.toString(thresholds.threshold(c))));
		s.append('\n');
		s.append("tomo-type ").append(tomoType == null ? "(default)" : tomoType).append('\n');
		s.append("user ").append(user).append('\n');
		s.append("session ").append(session).append('\n');
		for (Path file : modelFiles(models))
			s.append("model ").append(models.relativize(file).toString().replace('\\', '/')).append(' ')
					.append(Sha256.of(file)).append('\n');
		return s.toString();
	}

	/** The files the pipeline may read, sorted: the three model folders' regular files and pipeline.json. */
	static List<Path> modelFiles(Path models) {
		if (!Files.isDirectory(models))
			throw new TomoPickIoException(models, "models folder not found (give --models)");
		Stream.Builder<Path> files = Stream.builder();
		for (String folder : List.of(PickingPipeline.UNET_FOLDER, PickingPipeline.YOLO_FOLDER,
				PickingPipeline.CLASSIFIER_FOLDER)) {
			Path dir = models.resolve(folder);
			if (!Files.isDirectory(dir))
				continue;
			try (Stream<Path> list = Files.list(dir)) {
				list.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
						&& !p.getFileName().toString().startsWith(".")).forEach(files::add);
			} catch (IOException e) {
				throw new TomoPickIoException(dir, "cannot list the model folder: " + e.getMessage(), e);
			}
		}
		Path tuning = models.resolve(PipelineTuning.FILE);
		if (Files.isRegularFile(tuning))
			files.add(tuning);
		return files.build().sorted().toList();
	}
}
