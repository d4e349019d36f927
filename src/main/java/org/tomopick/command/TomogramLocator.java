package org.tomopick.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.ui.CopickRunRef;

/**
 * Finds the tomogram a user named: an OME-Zarr group, a Zarr array or an MRC file as they are, or a tomogram of a
 * CoPick project (the overlay root, the folder holding {@code ExperimentRuns}, or a CoPick config file) chosen by
 * run, voxel spacing and tomogram type. Empty choices take the only (or first) one there is; a choice that does not
 * exist fails with the list of what does.
 */
final class TomogramLocator {

	/** A tomogram file, and the CoPick run it belongs to (null for a plain file). */
	record Located(Path volume, CopickRunRef copickRun) {
	}

	private TomogramLocator() {
	}

	/**
	 * @param run          run name, or empty for the first run
	 * @param voxelSpacing voxel spacing in Angstrom, or 0 for the run's finest
	 * @param tomoType     tomogram type, or empty for {@link CopickProject#defaultTomogramType} (denoised, else wbp,
	 *                     else the first), as on the command line
	 */
	static Located locate(Path path, String run, double voxelSpacing, String tomoType) {
		if (!Files.exists(path))
			throw new TomoPickIoException(path, "no such file or folder");
		if (!CopickProject.isProject(path))
			return new Located(path, null);
		CopickProject project = CopickProject.open(path);
		Path root = project.root();
		String chosenRun = choose(root, "run", project.runs(), run);
		List<Double> spacings = project.voxelSpacings(chosenRun);
		if (spacings.isEmpty())
			throw new TomoPickIoException(project.runFolder(chosenRun), "has no VoxelSpacing<size> folder");
		double spacing = spacings.get(0);
		if (voxelSpacing > 0) {
			spacing = spacings.stream().filter(s -> Math.abs(s - voxelSpacing) < 5e-4).findFirst()
					.orElseThrow(() -> new TomoPickIoException(project.runFolder(chosenRun), "has no voxel spacing "
							+ voxelSpacing + "; it has " + spacings));
		}
		Map<String, Path> tomograms = project.tomograms(chosenRun, spacing);
		String type = tomoType == null || tomoType.isBlank()
				? java.util.Objects.requireNonNullElse(CopickProject.defaultTomogramType(tomograms.keySet()), "")
				: tomoType;
		String chosenType = choose(project.voxelSpacingFolder(chosenRun, spacing), "tomogram type",
				List.copyOf(tomograms.keySet()), type);
		return new Located(tomograms.get(chosenType), new CopickRunRef(root, chosenRun, spacing));
	}

	private static String choose(Path where, String what, List<String> available, String wanted) {
		if (available.isEmpty())
			throw new TomoPickIoException(where, "has no " + what);
		if (wanted == null || wanted.isBlank())
			return available.get(0);
		if (!available.contains(wanted))
			throw new TomoPickIoException(where, "has no " + what + " '" + wanted + "'; there are " + available);
		return wanted;
	}
}
