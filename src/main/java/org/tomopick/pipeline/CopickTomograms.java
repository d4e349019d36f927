package org.tomopick.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomopick.grid.WorkingGrid;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.VolumeSource;
import org.tomopick.io.copick.CopickPicksLoader;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.copick.CopickTomogramChoices;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.progress.Progress;

/**
 * Reads the tomograms of a CoPick project (with their picks, for training) into memory. The tomogram of a run is
 * the one of the given type, else {@code denoised}, else {@code wbp}, else the first, at the finest voxel spacing.
 * A tomogram may be read at a coarser voxel size straight away (2x mean binning, repeated), which keeps the memory
 * of a training set small: a CZII tomogram is 292 MB at 10 A and 36 MB at 20 A. The truth is then shifted by half a
 * binning block so that it stays on the binned voxels (a branch that bins at inference maps them back exactly).
 */
public final class CopickTomograms {

	private final CopickProject project;
	private final String tomoType;

	/** @param tomoType the tomogram type to read, or null for the default choice above */
	public CopickTomograms(Path root, String tomoType) {
		this.project = CopickProject.open(root);
		this.tomoType = tomoType;
	}

	public CopickProject project() {
		return project;
	}

	/** The tomogram file of a run (the choice rule of {@link CopickTomogramChoices#choose}). */
	public Path tomogramPath(String run) {
		return CopickTomogramChoices.of(project.root(), project).choose(run, 0, tomoType == null ? "" : tomoType)
				.tomogram();
	}

	/**
	 * Reads one run's tomogram, binned 2x as often as it takes to come within 10% of {@code maxVoxelAngstrom}
	 * (0: never), and the picks of the given user/session (null: the only one there is) as truth.
	 */
	public AnnotatedTomogram read(String run, ParticleCatalog catalog, String user, String session,
			double targetVoxelAngstrom) {
		VolumeSource source = VolumeSource.open(tomogramPath(run));
		double vs = source.geometry().orElseThrow(() -> new TomoPickIoException(source.path(),
				"the tomogram does not store its voxel size")).voxelSize(0)[2];
		DenseVolume volume = source.read(0).toFloat32();
		double original = vs;
		while (targetVoxelAngstrom > 0 && vs * 2 <= targetVoxelAngstrom * 1.1) {
			volume = WorkingGrid.binned(volume, 2);
			vs *= 2;
		}
		List<Particle> truth = picks(run, catalog, user, session);
		// A binned voxel i covers the original voxels of its block, centred at i x vs + (factor - 1) / 2 x original;
		// the volume is described with voxel i at i x vs, so the truth moves by the same half-block to stay on it.
		double shift = (vs / original - 1) / 2 * original;
		if (shift != 0)
			truth = truth.stream().map(p -> p.withPosition(p.x() - shift, p.y() - shift, p.z() - shift)).toList();
		return new AnnotatedTomogram(run, volume, vs, truth);
	}

	/** Reads several runs (see {@link #read}). */
	public List<AnnotatedTomogram> readAll(List<String> runs, ParticleCatalog catalog, String user, String session,
			double targetVoxelAngstrom, Progress progress) {
		List<AnnotatedTomogram> out = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			progress.checkCancelled("reading tomograms");
			progress.report("reading tomograms", (double) i / runs.size());
			out.add(read(runs.get(i), catalog, user, session, targetVoxelAngstrom));
		}
		progress.report("reading tomograms", 1);
		return out;
	}

	/** The picks of a run of the given user/session (null: the only one there is; none when the run has none). */
	private List<Particle> picks(String run, ParticleCatalog catalog, String user, String session) {
		List<Particle> picks = user == null && session == null && !hasPicks(run) ? List.of()
				: new CopickPicksLoader(project, catalog).load(user, session, List.of(run)).get(run);
		return picks == null ? List.of() : picks;
	}

	/** Whether a run has picks of the catalog's classes by this user/session (null: any). */
	public boolean hasPicksOf(String run, ParticleCatalog catalog, String user, String session) {
		return new CopickPicksLoader(project, catalog).pairs(List.of(run)).stream().anyMatch(pair -> {
			int slash = pair.indexOf('/');
			return (user == null || pair.substring(0, slash).equals(user))
					&& (session == null || pair.substring(slash + 1).equals(session));
		});
	}

	private boolean hasPicks(String run) {
		return !project.picksFiles(run).isEmpty();
	}
}
