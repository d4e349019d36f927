package org.tomopick.classify;

import org.tomopick.grid.Normalisation;

/**
 * How generous the proposals for the classifier are: candidates of both branches at or above
 * {@code candidateThreshold} are clustered per class by DBSCAN, and clusters whose summed confidence reaches
 * {@code minClusterSupport} are proposals, and so is every single UNet peak and YOLO track at or above the threshold.
 * Lower than the fusion's own settings, because the classifier, not the branches' confidence, decides what is kept.
 * With {@code blobs}, the bright cavities of hollow shells the size of the smallest class (apo-ferritin) are
 * proposed as well ({@link BlobProposals#cavities}); with {@code shellFilter}, the centres of such shells that a
 * shell-shaped matched filter finds ({@link ShellProposals}); with {@code darkBlobs}, dark blobs the size of each class
 * ({@link BlobProposals#darkBlobs}), a source that needs no training. Features are read on the grid of
 * {@code gridVoxelAngstrom} (0: the tomogram's own voxel size, no binning) normalised by {@code normalisation}.
 * Recorded in the classifier's sidecar: picking uses the settings the classifier was trained with.
 */
public record ProposalSettings(double candidateThreshold, double minClusterSupport, boolean blobs, boolean darkBlobs,
		boolean shellFilter, double gridVoxelAngstrom, Normalisation normalisation) {

	public ProposalSettings {
		if (!(candidateThreshold >= 0 && candidateThreshold <= 1))
			throw new IllegalArgumentException("proposal candidate threshold must be in [0, 1], was "
					+ candidateThreshold);
		if (!(minClusterSupport >= 0 && Double.isFinite(minClusterSupport)))
			throw new IllegalArgumentException("proposal minimum cluster support must be >= 0, was "
					+ minClusterSupport);
		if (!(gridVoxelAngstrom >= 0 && gridVoxelAngstrom < 1000) || normalisation == null)
			throw new IllegalArgumentException("proposal grid: voxel size must be in [0, 1000) A and a normalisation "
					+ "given, was " + gridVoxelAngstrom + " A, " + normalisation);
	}

	public static ProposalSettings defaults() {
		return new ProposalSettings(0.1, 0.2, true, true, false, 20, Normalisation.WHITENED);
	}

	/** The settings of the first classifiers (made before the working grid): no dark blobs, the tomogram's own grid, robust z. */
	public static ProposalSettings legacy(double candidateThreshold, double minClusterSupport, boolean blobs) {
		return new ProposalSettings(candidateThreshold, minClusterSupport, blobs, false, false, 0, Normalisation.ROBUST_Z);
	}
}
