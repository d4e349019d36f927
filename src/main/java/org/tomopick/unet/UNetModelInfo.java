package org.tomopick.unet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tomopick.grid.Normalisation;
import org.tomopick.model.ParticleCatalog;

/**
 * What inference needs to know besides the weights, stored in the model's JSON sidecar: the architecture, the
 * working voxel size (A), the normalisation (method and clip), the classes in output order with their radii,
 * thresholds and minimum sizes, the training crop size, how many epochs were trained and the best validation CZII
 * score (NaN when not validated), and the TomoPick version that wrote it.
 */
public record UNetModelInfo(UNetArchitecture architecture, double voxelSizeAngstrom, String normalization,
		double normalizationClip, List<UNetClassInfo> classes, int trainingCropSize, int trainedEpochs,
		double validationScore, String tomopickVersion) {

	public UNetModelInfo {
		Objects.requireNonNull(architecture, "architecture").validate();
		classes = List.copyOf(classes);
		if (classes.size() != architecture.classCount())
			throw new IllegalArgumentException("model info: " + classes.size() + " classes but the architecture has "
					+ architecture.classCount());
		if (!(voxelSizeAngstrom > 0))
			throw new IllegalArgumentException("model info: voxel size must be > 0 A, was " + voxelSizeAngstrom);
		try {
			Normalisation.of(normalization);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("model info: " + e.getMessage());
		}
		if (normalizationClip != Normalisation.CLIP)
			throw new IllegalArgumentException("model info: normalisation clip " + normalizationClip
					+ " is not supported; the working grid clips at " + Normalisation.CLIP);
	}

	/** The info of a new, untrained model for these settings (thresholds from the peak settings). */
	public static UNetModelInfo untrained(UNetSettings settings) {
		settings.validate();
		List<UNetClassInfo> classes = new ArrayList<>();
		settings.classes().classes().forEach(c -> classes
				.add(new UNetClassInfo(c, settings.peaks().threshold(), settings.peaks().minVoxels())));
		return new UNetModelInfo(settings.architecture(), settings.voxelSizeAngstrom(), Normalisation.WHITENED.id(),
				Normalisation.CLIP, classes, settings.training().cropSize(), 0, Double.NaN, version());
	}

	/** The TomoPick version of this build ("development" outside a packaged jar). */
	public static String version() {
		String v = UNetModelInfo.class.getPackage().getImplementationVersion();
		return v == null ? "development" : v;
	}

	/** The classes as a catalog, in output order. */
	public ParticleCatalog catalog() {
		return new ParticleCatalog(classes.stream().map(UNetClassInfo::particleClass).toList());
	}

	/** How tomograms are normalised for this model (new models: {@link Normalisation#WHITENED}). */
	public Normalisation normalisation() {
		return Normalisation.of(normalization);
	}

	public UNetModelInfo withTraining(int epochs, double score) {
		return new UNetModelInfo(architecture, voxelSizeAngstrom, normalization, normalizationClip, classes,
				trainingCropSize, epochs, score, version());
	}

	public UNetModelInfo withClasses(List<UNetClassInfo> c) {
		return new UNetModelInfo(architecture, voxelSizeAngstrom, normalization, normalizationClip, c,
				trainingCropSize, trainedEpochs, validationScore, tomopickVersion);
	}
}
