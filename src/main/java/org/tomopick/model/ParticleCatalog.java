package org.tomopick.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The particle classes of a project, in a fixed order (the order of labels in a model's output). By default the six
 * species of the CZII cryo-ET object identification challenge; a CoPick config's {@code pickable_objects} gives
 * others.
 */
public final class ParticleCatalog {

	private final List<ParticleClass> classes;
	private final Map<String, ParticleClass> byName;

	public ParticleCatalog(List<ParticleClass> classes) {
		if (classes.isEmpty())
			throw new IllegalArgumentException("a particle catalog needs at least one class");
		Map<String, ParticleClass> map = new LinkedHashMap<>();
		for (ParticleClass c : classes)
			if (map.put(c.name(), c) != null)
				throw new IllegalArgumentException("particle class " + c.name() + " is listed twice");
		this.classes = Collections.unmodifiableList(new ArrayList<>(classes));
		this.byName = Collections.unmodifiableMap(map);
	}

	/**
	 * The CZII challenge species with the challenge's radii, score weights, labels and colours (from its CoPick
	 * config). Beta-amylase has weight 0: it is picked and shown, but does not count in the score.
	 */
	public static ParticleCatalog czii() {
		return new ParticleCatalog(List.of(
				new ParticleClass("apo-ferritin", 1, new ParticleColor(86, 180, 233, 128), 60, 1, "4V1W"),
				new ParticleClass("beta-amylase", 2, new ParticleColor(230, 159, 0, 128), 65, 0, "1FA2"),
				new ParticleClass("beta-galactosidase", 3, new ParticleColor(204, 121, 167, 128), 90, 2, "6X1Q"),
				new ParticleClass("ribosome", 4, new ParticleColor(200, 0, 0, 128), 150, 1, "6EK0"),
				new ParticleClass("thyroglobulin", 5, new ParticleColor(0, 158, 115, 128), 130, 2, "6SCJ"),
				new ParticleClass("virus-like-particle", 6, new ParticleColor(255, 0, 255, 128), 135, 1, "6N4V")));
	}

	public List<ParticleClass> classes() {
		return classes;
	}

	public int size() {
		return classes.size();
	}

	public Optional<ParticleClass> find(String name) {
		return Optional.ofNullable(byName.get(name));
	}

	/** The class of that name; an IllegalArgumentException that lists the known names if there is none. */
	public ParticleClass get(String name) {
		ParticleClass c = byName.get(name);
		if (c == null)
			throw new IllegalArgumentException("unknown particle class '" + name + "'; known: " + byName.keySet());
		return c;
	}

	/**
	 * The index of the class of that name (-1 if none): by name, as CoPick identifies objects, so that a class read
	 * from a model's sidecar with another colour (models made before the colours changed) still finds its place.
	 */
	public int indexOf(ParticleClass c) {
		ParticleClass same = c == null ? null : byName.get(c.name());
		return same == null ? -1 : classes.indexOf(same);
	}

	@Override
	public String toString() {
		return "ParticleCatalog" + byName.keySet();
	}
}
