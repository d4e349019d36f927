package org.tomopick.adapt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.tomopick.io.Sha256;
import org.tomopick.io.TomoPickIoException;

/**
 * The model card of an adapted models folder ({@code MODEL_CARD.md}): what it was adapted on and how, what was
 * assumed about the annotations, the score of every stage on the held-out data, and the SHA-256 of every file.
 */
public final class AdaptationCard {

	public static final String FILE = "MODEL_CARD.md";

	private AdaptationCard() {
	}

	/**
	 * @param folder   the (staged) models folder; the card goes into it
	 * @param command  the command line that made it
	 * @param data     where the annotations came from (project, runs, truth user and session)
	 * @param start    the models it started from
	 */
	public static void write(Path folder, ModelAdaptation.Outcome o, AdaptSettings settings, String command,
			String data, Path start, int simulated) {
		StringBuilder b = new StringBuilder();
		b.append("# Model card: models adapted with `tomopick adapt`\n\n");
		b.append("| | |\n|---|---|\n");
		row(b, "command", "`" + command + "`");
		row(b, "started from", start.toString());
		row(b, "annotations", data);
		row(b, "annotated classes", String.join(", ", o.annotatedClasses()));
		row(b, "annotated regions", String.join("; ", o.regions()));
		row(b, "particles", o.trainingParticles() + " fitted on, " + o.heldOutParticles() + " held out");
		row(b, "simulated tomograms mixed in", Integer.toString(simulated));
		row(b, "seed", Long.toString(settings.seed()));
		row(b, "confidence", String.format(Locale.ROOT, "adapted models and re-chosen thresholds replace the starting "
				+ "ones when better in %.0f%% of block-bootstrap resamplings of the held-out data", 100
						* settings.confidence()));
		row(b, "time", String.format(Locale.ROOT, "%.1f of %.1f min%s", o.seconds() / 60, settings.minutes(),
				o.stoppedEarly() ? " (stopped early: budget spent or stopped by the user; best state so far kept)"
						: ""));
		row(b, "held-out F4, full mode (annotated classes)", String.format(Locale.ROOT,
				"%.4f starting models with their thresholds; %.4f written (%s)", o.before(), o.after(),
				o.adaptedKept() ? "adapted models" : "starting models with thresholds chosen on the held-out data"));
		b.append("\n## Stages\n\n| stage | held-out F4 before | after | kept | minutes | note |\n"
				+ "|---|---|---|---|---|---|\n");
		for (ModelAdaptation.Stage s : o.stages())
			b.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %s | %.1f | %s |%n", s.name(), s.before(),
					s.after(), s.kept() ? "yes" : "no", s.seconds() / 60, s.note()));
		b.append("\nThe branch rows score the branch alone (its own picks); the classifier row the forest on the "
				+ "held-out proposals, with thresholds chosen there; the thresholds row the whole picker.\n");
		b.append("\n## What was assumed\n\n");
		b.append("- Inside each annotated region (the bounding box of the picks grown by the largest particle radius)"
				+ " the picks of every annotated class are complete: other proposals there are background. Nothing "
				+ "outside the regions was used.\n");
		b.append("- Classes nobody picked (" + (o.pseudoLabels().isEmpty() ? "none, or none picked by the starting "
				+ "models" : o.pseudoLabels().toString()) + "): the starting models' own picks stood in for their "
				+ "truth, and their thresholds were kept. The scores above cover the annotated classes only.\n");
		b.append("- Held out for choosing (stopping epochs, classifier, thresholds): "
				+ String.format(Locale.ROOT, "%.0f%%", settings.heldOutFraction() * 100)
				+ " of every region across its longest in-plane axis, unless validation runs were given. These "
				+ "scores are optimistic for thresholds chosen on the same data; measure on other tomograms.\n");
		b.append("\n## Files\n\n| file | SHA-256 |\n|---|---|\n");
		for (Path f : files(folder))
			b.append("| `").append(folder.relativize(f).toString().replace('\\', '/')).append("` | `")
					.append(Sha256.of(f)).append("` |\n");
		try {
			Path tmp = folder.resolve("." + FILE + ".tmp");
			Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
			Files.move(tmp, folder.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			throw new TomoPickIoException(folder.resolve(FILE), "cannot write the model card: " + e.getMessage(), e);
		}
	}

	private static void row(StringBuilder b, String key, String value) {
		b.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
	}

	private static List<Path> files(Path folder) {
		try (Stream<Path> s = Files.walk(folder)) {
			return s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(FILE)).sorted()
					.toList();
		} catch (IOException e) {
			throw new TomoPickIoException(folder, "cannot list: " + e.getMessage(), e);
		}
	}
}
