package org.tomopick.io.copick;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tomopick.io.TomoPickIoException;

/**
 * The tomograms of a CoPick project as a user chooses one: its runs, a run's voxel spacings and the tomogram types
 * at one spacing (what Fiji's Open Tomogram lists), and the tomogram that a choice of the three names (what the
 * command line, macros and Fiji open). An empty choice takes the default they all share: the first run, the finest
 * voxel spacing, the type {@link CopickProject#defaultTomogramType} (denoised, else wbp, else the first). A choice
 * that does not exist fails naming the project as the user gave it and what it has. The lists never fail: a run or
 * spacing that does not exist lists as empty (a dialog asks while the user is still choosing). Static and overlay
 * roots are {@link CopickProject}'s.
 */
public final class CopickTomogramChoices {

	/** One tomogram of a project: its run, voxel spacing (Angstrom), type and {@code <type>.zarr} folder. */
	public record Choice(String run, double voxelSpacing, String tomoType, Path tomogram) {
	}

	/** How near a given voxel spacing must be to a {@code VoxelSpacing<size>} folder's (3 decimals) to name it. */
	private static final double SPACING_TOLERANCE = 5e-4;

	private final Path named;
	private final CopickProject project;

	private CopickTomogramChoices(Path named, CopickProject project) {
		this.named = named;
		this.project = project;
	}

	/**
	 * The choices of the project a path names (a config file, or a folder: see {@link CopickProject#open}); empty
	 * when the path is missing or names a plain tomogram. A config that cannot be read fails with its reader's
	 * message.
	 */
	public static Optional<CopickTomogramChoices> of(Path path) {
		if (path == null || !Files.exists(path) || !CopickProject.isProject(path))
			return Optional.empty();
		return Optional.of(new CopickTomogramChoices(path, CopickProject.open(path)));
	}

	/** The choices of an open project; errors name {@code named} (the path the user gave). */
	public static CopickTomogramChoices of(Path named, CopickProject project) {
		return new CopickTomogramChoices(named, project);
	}

	public CopickProject project() {
		return project;
	}

	/** The runs, sorted by name. */
	public List<String> runs() {
		return project.runs();
	}

	/** The voxel spacings of a run (empty: the first run), finest first; none for a run that does not exist. */
	public List<Double> voxelSpacings(String run) {
		String r = runOrFirst(run);
		return r == null ? List.of() : project.voxelSpacings(r);
	}

	/**
	 * The tomogram types of a run (empty: the first) at a voxel spacing (0: the finest), the default type first and
	 * the others by name; none where there is no such run or spacing.
	 */
	public List<String> tomogramTypes(String run, double voxelSpacing) {
		String r = runOrFirst(run);
		Double spacing = r == null ? null : spacingOrFinest(r, voxelSpacing);
		if (spacing == null)
			return List.of();
		List<String> types = new ArrayList<>(project.tomograms(r, spacing).keySet());
		String preferred = CopickProject.defaultTomogramType(types);
		if (preferred != null) {
			types.remove(preferred);
			types.add(0, preferred);
		}
		return types;
	}

	/**
	 * The tomogram a choice names.
	 *
	 * @param run          a run name, or empty for the first run
	 * @param voxelSpacing Angstrom, or 0 for the run's finest
	 * @param tomoType     a tomogram type, or empty for the default
	 * @throws TomoPickIoException naming the project and what it has, when the choice does not exist
	 */
	public Choice choose(String run, double voxelSpacing, String tomoType) {
		List<String> runs = runs();
		if (runs.isEmpty())
			throw new TomoPickIoException(named, "the CoPick project has no runs (no folders under "
					+ project.root().resolve("ExperimentRuns") + ")");
		String r = blank(run) ? runs.get(0) : run.strip();
		if (!runs.contains(r))
			throw new TomoPickIoException(named, "the CoPick project has no run '" + r + "'; its runs are " + runs);
		List<Double> spacings = project.voxelSpacings(r);
		if (spacings.isEmpty())
			throw new TomoPickIoException(named, "run '" + r + "' has no VoxelSpacing<size> folder");
		Double spacing = spacingOrFinest(r, voxelSpacing);
		if (spacing == null)
			throw new TomoPickIoException(named, "run '" + r + "' has no voxel spacing "
					+ CopickProject.voxelSpacingText(voxelSpacing) + "; it has "
					+ spacings.stream().map(CopickProject::voxelSpacingText).toList());
		Map<String, Path> tomograms = project.tomograms(r, spacing);
		if (tomograms.isEmpty())
			throw new TomoPickIoException(named, "run '" + r + "' has no <type>.zarr tomogram at voxel spacing "
					+ CopickProject.voxelSpacingText(spacing));
		String type = blank(tomoType) ? CopickProject.defaultTomogramType(tomograms.keySet()) : tomoType.strip();
		if (!tomograms.containsKey(type))
			throw new TomoPickIoException(named, "run '" + r + "' has no tomogram type '" + type + "' at voxel "
					+ "spacing " + CopickProject.voxelSpacingText(spacing) + "; it has "
					+ List.copyOf(tomograms.keySet()));
		return new Choice(r, spacing, type, tomograms.get(type));
	}

	private String runOrFirst(String run) {
		List<String> runs = runs();
		if (blank(run))
			return runs.isEmpty() ? null : runs.get(0);
		return runs.contains(run.strip()) ? run.strip() : null;
	}

	/** The run's spacing within the tolerance of the one given (0 or less: the finest), or null. */
	private Double spacingOrFinest(String run, double voxelSpacing) {
		List<Double> spacings = project.voxelSpacings(run);
		if (spacings.isEmpty())
			return null;
		if (!(voxelSpacing > 0))
			return spacings.get(0);
		return spacings.stream().filter(s -> Math.abs(s - voxelSpacing) < SPACING_TOLERANCE).findFirst()
				.orElse(null);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
