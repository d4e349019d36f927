package org.tomopick.batch;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.tomopick.io.copick.CopickProject;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.pipeline.CopickTomograms;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.progress.Progress;

/**
 * The step a batch job runs for each run: a run whose picks are complete for the job's fingerprint
 * ({@link #completed}) is skipped, unless the settings say {@code force}; any other run is picked with
 * {@link RunPicker} (its picks written as one set) and then gets its {@link RunRecord}. Picking again what a killed
 * job left half done therefore never duplicates picks: the set is replaced whole, and the record comes last.
 */
public final class BatchPicker {

	private final BatchSettings settings;
	private final String fingerprint;
	private final String job;
	private final ParticleCatalog catalog = ParticleCatalog.czii();
	private final CopickTomograms input;
	private final CopickProject out;

	/**
	 * @param fingerprint the settings' {@link BatchSettings#fingerprint()}, computed once for the whole job
	 * @param job         the id of this job, written into the records of the runs it picks
	 */
	public BatchPicker(BatchSettings settings, String fingerprint, String job) {
		this.settings = settings;
		this.fingerprint = fingerprint;
		this.job = job;
		this.input = new CopickTomograms(settings.inputPath(), settings.tomoType());
		this.out = CopickProject.open(settings.outPath());
	}

	/** The tomogram a run is picked in. @throws org.tomopick.io.TomoPickIoException when the run has none */
	public Path tomogram(String run) {
		return input.tomogramPath(run);
	}

	/**
	 * The outcome of a run that needs no picking, or empty. A run whose picks are complete for the job's fingerprint
	 * ({@link RunRecordFile#complete}) needs none: when this job picked it (an attempt that wrote its picks and then
	 * failed, or a task whose end the driver never heard of) it is {@link RunStatus#PICKED}, as the record says;
	 * when an earlier job did, {@link RunStatus#SKIPPED}, unless the settings say {@code force}.
	 */
	public Optional<RunOutcome> completed(String run, Path tomogram, int attempts, String executor) {
		return RunRecordFile.complete(out, run, settings.user(), settings.session(), fingerprint,
				tomogramName(tomogram), catalog).flatMap(r -> {
					if (r.job().equals(job))
						return Optional.of(new RunOutcome(run, RunStatus.PICKED, r.particles(), r.seconds(),
								Math.max(attempts, r.attempts()), r.executor(), ""));
					if (settings.force())
						return Optional.empty();
					return Optional.of(new RunOutcome(run, RunStatus.SKIPPED, r.particles(), Map.of(), attempts,
							executor, ""));
				});
	}

	/** Picks a run with a loaded pipeline (of this job's models and mode), writes its picks and then its record. */
	public RunOutcome pick(String run, Path tomogram, PickingPipeline pipeline, int attempts, String executor,
			Progress progress) {
		PickedRun picked = new RunPicker(pipeline, out, settings.user(), settings.session(), catalog).pick(run,
				tomogram, progress);
		Map<String, Integer> particles = picked.particlesPerClass(catalog);
		Map<String, Double> seconds = picked.stageSeconds();
		RunRecordFile.write(RunRecordFile.path(out, run, settings.user(), settings.session()),
				new RunRecord(run, fingerprint, tomogramName(tomogram), RunRecordFile.digests(picked.files()),
						particles, seconds, job, attempts, executor, Instant.now().toString()));
		return new RunOutcome(run, RunStatus.PICKED, particles, seconds, attempts, executor, "");
	}

	/** A tomogram as the record names it: its path in the run folder, {@code VoxelSpacing<vs>/<type>.zarr}. */
	static String tomogramName(Path tomogram) {
		Path abs = tomogram.toAbsolutePath().normalize();
		Path parent = abs.getParent();
		return (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/") + abs.getFileName();
	}
}
