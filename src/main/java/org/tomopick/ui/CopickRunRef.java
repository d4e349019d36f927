package org.tomopick.ui;

import java.nio.file.Path;
import java.util.Objects;

import org.tomopick.io.copick.CopickProject;

/**
 * Where the picks of an open tomogram belong in CoPick: the project's overlay root, the run and the voxel spacing
 * (Angstrom) of the tomogram. Export and autosave write {@code Picks/<user>_<session>_<object>.json} there.
 */
public record CopickRunRef(Path root, String run, double voxelSpacing) {

	public CopickRunRef {
		Objects.requireNonNull(root, "CoPick root");
		Objects.requireNonNull(run, "run");
		if (run.isBlank())
			throw new IllegalArgumentException("CoPick run name is empty");
	}

	public CopickProject project() {
		return new CopickProject(root);
	}
}
