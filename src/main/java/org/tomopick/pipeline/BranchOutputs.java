package org.tomopick.pipeline;

import java.util.List;
import java.util.Map;

import org.tomopick.grid.WorkingGrid;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;
import org.tomopick.unet.ProbabilityMaps;

/**
 * What the branches found in one tomogram before fusion: UNet peaks, YOLO slice detections as points, and YOLO
 * detections linked across slices, each a particle with the branch's confidence as score; seconds per branch; and
 * the UNet's class probability maps (null without the UNet); and the tomogram itself with its voxel size and the
 * working grid the branches saw (null when they saw different ones), for the candidate classifier.
 */
public record BranchOutputs(List<Particle> unetCandidates, List<Particle> yoloPoints, List<Particle> yoloTracks,
		Map<String, Double> stageSeconds, ProbabilityMaps unetMaps, DenseVolume tomogram, double voxelSizeAngstrom,
		WorkingGrid grid) {

	public BranchOutputs {
		unetCandidates = List.copyOf(unetCandidates);
		yoloPoints = List.copyOf(yoloPoints);
		yoloTracks = List.copyOf(yoloTracks);
		stageSeconds = Map.copyOf(stageSeconds);
	}
}
