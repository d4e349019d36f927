package org.tomopick.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.copick.CopickTomogramChoices;
import org.tomopick.ui.CopickRunRef;

/**
 * Finds the tomogram a user named: an OME-Zarr group, a Zarr array or an MRC file as they are, or a tomogram of a
 * CoPick project (the overlay root, the folder holding {@code ExperimentRuns}, or a CoPick config file) chosen by
 * run, voxel spacing and tomogram type with {@link CopickTomogramChoices} (its defaults, and its errors that name
 * the project and what it has).
 */
final class TomogramLocator {

	/**
	 * A tomogram file, and the CoPick run it belongs to with its project, static and overlay roots (both null for a
	 * plain file).
	 */
	record Located(Path volume, CopickRunRef copickRun, CopickProject project) {
	}

	private TomogramLocator() {
	}

	/**
	 * @param run          run name, or empty for the first run
	 * @param voxelSpacing voxel spacing in Angstrom, or 0 for the run's finest
	 * @param tomoType     tomogram type, or empty for the default (denoised, else wbp, else the first), as on the
	 *                     command line
	 */
	static Located locate(Path path, String run, double voxelSpacing, String tomoType) {
		if (!Files.exists(path))
			throw new TomoPickIoException(path, "no such file or folder");
		Optional<CopickTomogramChoices> project = CopickTomogramChoices.of(path);
		if (project.isEmpty())
			return new Located(path, null, null);
		CopickTomogramChoices.Choice chosen = project.get().choose(run, voxelSpacing, tomoType);
		CopickProject copick = project.get().project();
		return new Located(chosen.tomogram(), new CopickRunRef(copick.root(), chosen.run(), chosen.voxelSpacing()),
				copick);
	}
}
