package org.tomopick.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.VolumeSource;
import org.tomopick.io.copick.CopickPicksWriter;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.BranchOutputs;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.pipeline.PickingResult;
import org.tomopick.progress.Progress;

/**
 * Picks one run: reads its tomogram, runs the loaded pipeline on it and writes the run's picks as one set (one CoPick
 * file per class, all complete before the first is renamed into place; {@link CopickPicksWriter#writeRun}), then the
 * project's {@code copick_config.json} when it has none. The one way a run is picked, by {@code tomopick pick} and by
 * every task of a batch job, so that both write the same picks.
 */
public final class RunPicker {

	/** The name of the {@code copick_config.json} written beside picks when the output root has none. */
	public static final String CONFIG_NAME = "TomoPick picks";

	private final PickingPipeline pipeline;
	private final CopickProject target;
	private final String user;
	private final String session;
	private final ParticleCatalog catalog;

	/** @param pipeline loaded once and reused for every run; the caller closes it */
	public RunPicker(PickingPipeline pipeline, CopickProject target, String user, String session,
			ParticleCatalog catalog) {
		this.pipeline = pipeline;
		this.target = target;
		this.user = user;
		this.session = session;
		this.catalog = catalog;
	}

	public PickedRun pick(String run, Path tomogram, Progress progress) {
		return pick(run, tomogram, progress, null);
	}

	/**
	 * @param branchOutputs shown the branches' outputs before the fusion (e.g. to write the UNet's maps), or null
	 * @throws TomoPickIoException naming the tomogram when it cannot be read, stores no voxel size, or has one the
	 *                             models cannot work with
	 */
	public PickedRun pick(String run, Path tomogram, Progress progress, Consumer<BranchOutputs> branchOutputs) {
		long t0 = System.nanoTime();
		progress.report("reading " + run, 0);
		VolumeSource source = VolumeSource.open(tomogram);
		double vs = source.geometry().orElseThrow(() -> new TomoPickIoException(tomogram,
				"does not store its voxel size; convert it with --voxel-size first")).voxelSize(0)[2];
		DenseVolume volume = source.read(0).toFloat32();
		double readSeconds = seconds(t0);
		BranchOutputs outputs;
		try {
			outputs = pipeline.detect(volume, vs, progress);
		} catch (IllegalArgumentException wrongVoxelSize) { // the working grid's check: name the tomogram
			throw new TomoPickIoException(tomogram, wrongVoxelSize.getMessage(), wrongVoxelSize);
		}
		PickingResult result = pipeline.fuse(outputs, pipeline.mode());
		if (branchOutputs != null)
			branchOutputs.accept(outputs);
		long w0 = System.nanoTime();
		List<Path> files = CopickPicksWriter.writeRun(target, run, user, session, vs, result.particles(), catalog);
		target.writeConfigIfAbsent(CONFIG_NAME, catalog); // once picks are there, so that copick opens them
		return new PickedRun(run, files, result, readSeconds, seconds(w0), seconds(t0));
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) * 1e-9;
	}
}
