package org.tomopick.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The density maps the simulator places: one {@link DensityTemplate} per target class name, and any number of
 * distractor maps (proteins that are not targets). Immutable.
 */
public final class TemplateLibrary {

	private final Map<String, DensityTemplate> targets;
	private final List<DensityTemplate> distractors;

	public TemplateLibrary(Map<String, DensityTemplate> targets, List<DensityTemplate> distractors) {
		for (Map.Entry<String, DensityTemplate> e : targets.entrySet())
			if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null)
				throw new IllegalArgumentException("template library: every target needs a class name and a template");
		for (DensityTemplate d : distractors)
			if (d == null)
				throw new IllegalArgumentException("template library: a distractor template is null");
		this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
		this.distractors = List.copyOf(distractors);
	}

	public Optional<DensityTemplate> find(String className) {
		return Optional.ofNullable(targets.get(className));
	}

	/** The template of a class; an IllegalArgumentException naming the known classes if there is none. */
	public DensityTemplate get(String className) {
		DensityTemplate t = targets.get(className);
		if (t == null)
			throw new IllegalArgumentException("template library has no density template for particle class '"
					+ className + "'; it has " + targets.keySet());
		return t;
	}

	public Set<String> classNames() {
		return targets.keySet();
	}

	public List<DensityTemplate> distractors() {
		return distractors;
	}

	/** A library with the same targets and these distractors. */
	public TemplateLibrary withDistractors(List<DensityTemplate> newDistractors) {
		return new TemplateLibrary(targets, newDistractors);
	}

	/** A library with one target added or replaced. */
	public TemplateLibrary with(String className, DensityTemplate template) {
		Map<String, DensityTemplate> m = new LinkedHashMap<>(targets);
		m.put(className, template);
		return new TemplateLibrary(m, distractors);
	}
}
