package org.tomopick.pipeline;

import java.util.List;
import java.util.Map;

import org.tomopick.model.Particle;

/**
 * What the branches found in one tomogram before fusion: UNet peaks, YOLO slice detections as points, and YOLO
 * detections linked across slices, each a particle with the branch's confidence as score; and seconds per branch.
 */
public record BranchOutputs(List<Particle> unetCandidates, List<Particle> yoloPoints, List<Particle> yoloTracks,
		Map<String, Double> stageSeconds) {

	public BranchOutputs {
		unetCandidates = List.copyOf(unetCandidates);
		yoloPoints = List.copyOf(yoloPoints);
		yoloTracks = List.copyOf(yoloTracks);
		stageSeconds = Map.copyOf(stageSeconds);
	}
}
