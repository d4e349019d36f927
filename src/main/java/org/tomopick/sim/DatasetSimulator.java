package org.tomopick.sim;

import java.util.ArrayList;
import java.util.List;

import org.tomopick.progress.Progress;

/**
 * Makes a set of simulated tomograms for training, validation or benchmarking: tomogram i uses layout
 * {@code i mod layouts}, seed {@code seed + i}, and imaging conditions drawn from {@link ImagingConditions} with a
 * random stream derived from that seed, so a set is reproducible and every tomogram differs in noise, wedge and maps.
 */
public final class DatasetSimulator {

	/** One tomogram of the set, with the conditions it was made under. */
	public record Example(String name, SimulatedTomogram tomogram, ImagingConditions.Draw conditions) {
	}

	private final SimulationSettings base;
	private final TemplateLibrary phantoms;
	private final TemplateLibrary realMaps;
	private final ImagingConditions conditions;

	/**
	 * @param realMaps the real density maps, or null to use the phantoms only
	 */
	public DatasetSimulator(SimulationSettings base, TemplateLibrary phantoms, TemplateLibrary realMaps,
			ImagingConditions conditions) {
		this.base = base.validate();
		this.phantoms = phantoms;
		this.realMaps = realMaps;
		this.conditions = conditions.validate();
	}

	public List<Example> simulate(List<NamedLayout> layouts, int count, long seed, Progress progress) {
		if (layouts.isEmpty())
			throw new IllegalArgumentException("dataset simulation needs at least one layout");
		List<Example> out = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			progress.checkCancelled("dataset simulation");
			progress.report("simulating " + (i + 1) + "/" + count, (double) i / count);
			out.add(simulateOne(layouts.get(i % layouts.size()), seed + i));
		}
		progress.report("simulating " + count + "/" + count, 1);
		return out;
	}

	public Example simulateOne(NamedLayout layout, long seed) {
		ImagingConditions.Draw draw = conditions.draw(SeedStreams.stream(seed, SeedStreams.Purpose.CONDITIONS, 0));
		SimulationSettings settings = draw.applyTo(base.withSeed(seed));
		TemplateLibrary maps = draw.realTemplates() && realMaps != null ? realMaps : phantoms;
		SimulatedTomogram t = new TomogramSimulator(settings, maps).simulate(layout.layout());
		return new Example(layout.name() + "_s" + seed, t, draw);
	}

	/** A layout with the name its tomograms are called by. */
	public record NamedLayout(String name, ParticleLayout layout) {
	}
}
