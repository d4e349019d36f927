package org.tomopick.cli;

import java.nio.file.Path;
import java.util.List;

import org.tomopick.batch.BatchSettings;
import org.tomopick.pipeline.DefaultModels;

import picocli.CommandLine.Option;

/**
 * The options that {@code tomopick pick} and {@code tomopick spark pick} share, declared once (a picocli
 * {@code @Mixin}): where the picks go and under which CoPick user and session, the models, the mode, the thresholds
 * and the tomogram type. Each command keeps its own {@code --input}, as the two read different inputs.
 */
public final class PickOptions {

	@Option(names = "--out", required = true, paramLabel = "ROOT", description = "CoPick overlay root to write to "
			+ "(may be the input project).")
	private Path out;

	@Option(names = "--mode", paramLabel = "MODE", description = "full (default), unet, yolo, no-dbscan or no-classifier.")
	private String mode = BatchSettings.DEFAULT_MODE;

	@Option(names = "--models", paramLabel = "DIR", description = "Models folder (default ./models, else the "
			+ "shipped models beside the tomopick launcher), with unet/ and yolo/.")
	private Path models = DefaultModels.commandLine();

	@Option(names = "--user", paramLabel = "USER", description = "CoPick user of the picks (default ${DEFAULT-VALUE}).")
	private String user = BatchSettings.DEFAULT_USER;

	@Option(names = "--session", paramLabel = "SESSION", description = "CoPick session of the picks (default "
			+ "${DEFAULT-VALUE}).")
	private String session = BatchSettings.DEFAULT_SESSION;

	@Option(names = "--threshold", paramLabel = "CLASS=VALUE", description = "Confidence threshold of a class, or of "
			+ "all classes with all=VALUE; repeatable. Default: the thresholds tuned on validation data that the models "
			+ "folder holds (pipeline.json, see 'tomopick tune'), else 0.5. It applies to the branches' candidates "
			+ "and, in full mode, to the classifier's probability of the class.")
	private List<String> thresholds = List.of();

	@Option(names = "--tomo-type", paramLabel = "NAME", description = "Tomogram type in a CoPick project (default "
			+ "denoised, else wbp).")
	private String tomoType;

	/**
	 * These options as typed settings, not yet validated (so that a command checks them in the order it reports
	 * errors).
	 *
	 * @param input the command's {@code --input} as given
	 * @param force whether complete runs are picked again ({@code tomopick pick} always picks: false)
	 */
	public BatchSettings settings(String input, boolean force) {
		return new BatchSettings(input, tomoType, out.toString(), user, session, models.toString(), mode, thresholds,
				force);
	}
}
