package org.tomopick.batch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a batch job records beside a run's picks once they are written ({@link RunRecordFile}): the fingerprint of
 * the models and settings they were made with ({@link PicksFingerprint}), the tomogram they were picked in (its path
 * in the run folder, e.g. {@code VoxelSpacing10.012/wbp.zarr}), the SHA-256 of every picks file of the set, and what
 * the summary shows of the run: particles per class, seconds per stage, the job, the attempts and the executor.
 *
 * @param files     picks file name (in the run's Picks folder) -> its SHA-256
 * @param particles class name -> particles picked
 * @param seconds   stage -> seconds, in the order the stages ran
 * @param job       the id of the job that picked the run
 * @param finished  when the picks were written (ISO-8601, UTC)
 */
public record RunRecord(String run, String fingerprint, String tomogram, Map<String, String> files,
		Map<String, Integer> particles, Map<String, Double> seconds, String job, int attempts, String executor,
		String finished) {

	public RunRecord {
		files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
		particles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(particles));
		seconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
	}
}
