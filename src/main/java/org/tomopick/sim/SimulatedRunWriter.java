package org.tomopick.sim;

import java.nio.file.Path;
import java.util.List;

import org.tomopick.io.copick.CopickPicksWriter;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.zarr.OmeZarrWriter;
import org.tomopick.io.zarr.OmeZarrWriterSettings;
import org.tomopick.model.ParticleCatalog;

/**
 * Writes simulated tomograms as a CoPick project in the CZII layout: the tomogram as
 * {@code ExperimentRuns/<run>/VoxelSpacing<vs>/<tomo type>.zarr} (OME-Zarr, float32, blosc-lz4, 3 levels), the truth
 * as {@code ExperimentRuns/<run>/Picks/curation_0_<class>.json} (one file per class of the catalog, user
 * {@value #TRUTH_USER} unless another is given, session {@value #TRUTH_SESSION}, as the CZII ground truth), and {@code copick_config.json} at
 * the root (written once; an existing config is left alone).
 */
public final class SimulatedRunWriter {

	public static final String TRUTH_USER = "curation";
	public static final String TRUTH_SESSION = "0";

	/** Where one run went. */
	public record WrittenRun(String run, Path tomogram, List<Path> picksFiles, int particles) {
	}

	private final CopickProject project;
	private final ParticleCatalog catalog;
	private final String tomoType;
	private final String truthUser;

	/** Truth written as user {@value #TRUTH_USER}. */
	public SimulatedRunWriter(Path root, ParticleCatalog catalog, String tomoType) {
		this(root, catalog, tomoType, TRUTH_USER);
	}

	public SimulatedRunWriter(Path root, ParticleCatalog catalog, String tomoType, String truthUser) {
		this.project = new CopickProject(root);
		this.catalog = catalog;
		this.tomoType = tomoType;
		this.truthUser = truthUser;
	}

	public CopickProject project() {
		return project;
	}

	/** Writes one run; an existing tomogram of the same run and type is replaced only if {@code overwrite}. */
	public WrittenRun write(String run, SimulatedTomogram sim, boolean overwrite) {
		writeConfigIfAbsent();
		double vs = sim.voxelSizeAngstrom();
		Path tomogram = project.tomogramPath(run, vs, tomoType);
		OmeZarrWriter.write(sim.tomogram(), tomogram, OmeZarrWriterSettings.defaults(vs), overwrite);
		List<Path> picks = CopickPicksWriter.writeRun(project, run, truthUser, TRUTH_SESSION, vs, sim.truth(),
				catalog);
		return new WrittenRun(run, tomogram, picks, sim.truth().size());
	}

	private void writeConfigIfAbsent() {
		project.writeConfigIfAbsent("TomoPick simulated data", catalog);
	}
}
