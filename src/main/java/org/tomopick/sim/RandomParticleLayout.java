package org.tomopick.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/**
 * Random positions inside the ice slab: the number of particles is the number density (per um^3 of ice) times the
 * ice volume in the box, each particle's class is drawn from the class mix (relative weights), and two centres are
 * never closer than {@code spacingFactor} times the sum of their class radii. When the slab is too crowded to fit
 * them all after many attempts, fewer particles are placed.
 */
public final class RandomParticleLayout implements ParticleLayout {

	private static final int ATTEMPTS_PER_PARTICLE = 500;

	private final Map<ParticleClass, Double> classMix;
	private final double particlesPerCubicMicron;
	private final double spacingFactor;

	public RandomParticleLayout(Map<ParticleClass, Double> classMix, double particlesPerCubicMicron,
			double spacingFactor) {
		if (classMix.isEmpty())
			throw new IllegalArgumentException("random particle layout: the class mix is empty");
		double total = 0;
		for (Map.Entry<ParticleClass, Double> e : classMix.entrySet()) {
			if (e.getValue() == null || !(e.getValue() >= 0) || e.getValue().isInfinite())
				throw new IllegalArgumentException("random particle layout: weight of class " + e.getKey().name()
						+ " must be >= 0, was " + e.getValue());
			total += e.getValue();
		}
		if (!(total > 0))
			throw new IllegalArgumentException("random particle layout: the class weights sum to 0");
		if (!(particlesPerCubicMicron >= 0) || Double.isInfinite(particlesPerCubicMicron))
			throw new IllegalArgumentException("random particle layout: number density must be >= 0 per um^3, was "
					+ particlesPerCubicMicron);
		if (!(spacingFactor >= 0) || spacingFactor > 10)
			throw new IllegalArgumentException("random particle layout: spacing factor must be in [0, 10], was "
					+ spacingFactor);
		this.classMix = new LinkedHashMap<>(classMix);
		this.particlesPerCubicMicron = particlesPerCubicMicron;
		this.spacingFactor = spacingFactor;
	}

	/** All classes of the catalog in equal proportion, spaced by the sum of their radii. */
	public static RandomParticleLayout uniformMix(ParticleCatalog catalog, double particlesPerCubicMicron) {
		Map<ParticleClass, Double> mix = new LinkedHashMap<>();
		for (ParticleClass c : catalog.classes())
			mix.put(c, 1.0);
		return new RandomParticleLayout(mix, particlesPerCubicMicron, 1.0);
	}

	@Override
	public List<Particle> arrange(SimulationSettings settings, IceSlab slab, SplittableRandom random) {
		SpherePacking packing = new SpherePacking(settings, slab);
		int count = (int) Math.round(particlesPerCubicMicron * packing.iceVolumeCubicMicrons());
		List<ParticleClass> classes = new ArrayList<>(classMix.keySet());
		double[] cumulative = new double[classes.size()];
		double total = 0;
		for (int i = 0; i < classes.size(); i++)
			cumulative[i] = total += classMix.get(classes.get(i));
		List<Particle> placed = new ArrayList<>();
		int attemptsLeft = ATTEMPTS_PER_PARTICLE * Math.max(1, count);
		while (placed.size() < count && attemptsLeft > 0) {
			double u = random.nextDouble() * total;
			int k = 0;
			while (k < classes.size() - 1 && u >= cumulative[k])
				k++;
			ParticleClass c = classes.get(k);
			double[] p = null;
			for (int a = 0; a < 20 && p == null && attemptsLeft > 0; a++, attemptsLeft--)
				p = packing.place(random, c.radiusAngstrom(), spacingFactor, 1);
			if (p != null)
				placed.add(new Particle(c, p[0], p[1], p[2], 1, Provenance.SIMULATED));
		}
		return placed;
	}

	public double spacingFactor() {
		return spacingFactor;
	}

	@Override
	public String toString() {
		return "RandomParticleLayout(" + particlesPerCubicMicron + " per um^3, spacing x" + spacingFactor + ")";
	}
}
