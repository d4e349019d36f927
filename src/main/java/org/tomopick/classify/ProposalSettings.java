package org.tomopick.classify;

/**
 * How generous the proposals for the classifier are: candidates of both branches at or above
 * {@code candidateThreshold} are clustered per class by DBSCAN, and clusters whose summed confidence reaches
 * {@code minClusterSupport} are proposals, and so is every single UNet peak and YOLO track at or above the threshold.
 * Lower than the fusion's own settings, because the classifier, not the branches' confidence, decides what is kept.
 * With {@code blobs}, the bright cavities of hollow shells the size of the smallest class (apo-ferritin) are
 * proposed as well ({@link BlobProposals#cavities}). Recorded in the classifier's sidecar: picking uses the settings
 * the classifier was trained with.
 */
public record ProposalSettings(double candidateThreshold, double minClusterSupport, boolean blobs) {

	public ProposalSettings {
		if (!(candidateThreshold >= 0 && candidateThreshold <= 1))
			throw new IllegalArgumentException("proposal candidate threshold must be in [0, 1], was "
					+ candidateThreshold);
		if (!(minClusterSupport >= 0 && Double.isFinite(minClusterSupport)))
			throw new IllegalArgumentException("proposal minimum cluster support must be >= 0, was "
					+ minClusterSupport);
	}

	public static ProposalSettings defaults() {
		return new ProposalSettings(0.1, 0.2, true);
	}
}
