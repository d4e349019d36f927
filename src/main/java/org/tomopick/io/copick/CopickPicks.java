package org.tomopick.io.copick;

import java.util.List;
import java.util.Objects;

import org.tomopick.model.Particle;

/**
 * The content of one CoPick picks file: the points of one pickable object picked by one user in one session of one
 * run. Particles carry position (Angstrom), score, orientation ({@code transformation_}) and instance id.
 *
 * @param objectName       pickable_object_name
 * @param userId           user_id (a person or a tool)
 * @param sessionId        session_id ("0" for tools)
 * @param runName          run_name, or null when the file does not say
 * @param voxelSpacing     voxel_spacing in Angstrom, or null (the CZII ground truth leaves it null)
 * @param trustOrientation trust_orientation: whether the orientations mean something
 * @param particles        the points, in file order
 */
public record CopickPicks(String objectName, String userId, String sessionId, String runName, Double voxelSpacing,
		boolean trustOrientation, List<Particle> particles) {

	public CopickPicks {
		Objects.requireNonNull(objectName, "pickable_object_name");
		Objects.requireNonNull(userId, "user_id");
		Objects.requireNonNull(sessionId, "session_id");
		particles = List.copyOf(particles);
	}
}
