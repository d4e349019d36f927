package org.tomopick.batch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.pipeline.PickingResult;

/**
 * What picking one run did: the picks files written (one per class), the pipeline's result, and the seconds spent
 * reading the tomogram, writing the picks and in all.
 */
public record PickedRun(String run, List<Path> files, PickingResult result, double readSeconds, double writeSeconds,
		double totalSeconds) {

	public PickedRun {
		files = List.copyOf(files);
	}

	/** Particles per class: every class of the catalog in its order (0 when none), then any other class picked. */
	public Map<String, Integer> particlesPerClass(ParticleCatalog catalog) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (ParticleClass c : catalog.classes())
			counts.put(c.name(), 0);
		for (Particle p : result.particles())
			counts.merge(p.type().name(), 1, Integer::sum);
		return counts;
	}

	/** Seconds per stage in the order they ran: read, the pipeline's stages, write, total. */
	public Map<String, Double> stageSeconds() {
		Map<String, Double> seconds = new LinkedHashMap<>();
		seconds.put("read", readSeconds);
		seconds.putAll(result.stageSeconds());
		seconds.put("write", writeSeconds);
		seconds.put("total", totalSeconds);
		return seconds;
	}
}
