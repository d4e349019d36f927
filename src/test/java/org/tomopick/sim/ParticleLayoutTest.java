package org.tomopick.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/** Random layouts keep their spacing and stay in the ice; given layouts keep what lies in the volume. */
class ParticleLayoutTest {

	@Test
	void randomLayoutRespectsSpacingAndStaysInsideTheSlab() {
		SimulationSettings s = SimulationSettings.defaults().withShape(120, 300, 300).withSeed(9);
		IceSlab slab = new IceSlab(new double[] { 1500, 1500, 600 }, new double[] { 0.05, -0.03, 1 }, 900, 40,
				new double[2]);
		ParticleCatalog catalog = ParticleCatalog.czii();
		List<Particle> particles = RandomParticleLayout.uniformMix(catalog, 4000).arrange(s, slab,
				new SplittableRandom(3));
		double vs = s.voxelSizeAngstrom();
		double ice = s.extentAngstrom(0) * s.extentAngstrom(1) * 900 * 1e-12;
		assertTrue(particles.size() > 0.8 * 4000 * ice && particles.size() <= Math.round(4000 * ice),
				particles.size() + " particles for " + 4000 * ice + " expected");
		for (int i = 0; i < particles.size(); i++) {
			Particle p = particles.get(i);
			double margin = Math.min(p.type().radiusAngstrom(), 900 / 4.0);
			// distance from the mid-plane along the (normalised) normal, computed here by hand
			double[] n = { 0.05, -0.03, 1 };
			double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
			double d = ((p.x() - 1500) * n[0] + (p.y() - 1500) * n[1] + (p.z() - 600) * n[2]) / len;
			assertTrue(Math.abs(d) <= 450 - margin + 1e-6, p + " is " + d + " A from the mid-plane");
			assertTrue(p.x() >= 0 && p.x() <= 299 * vs && p.y() >= 0 && p.y() <= 299 * vs && p.z() >= 0
					&& p.z() <= 119 * vs, p + " is outside the volume");
			for (int j = 0; j < i; j++) {
				Particle q = particles.get(j);
				double min = p.type().radiusAngstrom() + q.type().radiusAngstrom();
				assertTrue(p.distanceTo(q) >= min, p + " and " + q + " are closer than " + min);
			}
		}
		long classes = particles.stream().map(Particle::type).distinct().count();
		assertEquals(6, classes, "all six classes should appear");
	}

	@Test
	void givenLayoutKeepsParticlesInsideTheVolume() {
		SimulationSettings s = SimulationSettings.defaults();
		ParticleClass ribo = ParticleCatalog.czii().get("ribosome");
		Particle inside = new Particle(ribo, 3000, 3000, 900, 1, Provenance.IMPORTED);
		Particle outside = new Particle(ribo, 3000, 3000, 2000, 1, Provenance.IMPORTED);
		List<Particle> kept = new GivenParticleLayout(List.of(inside, outside)).arrange(s, null, null);
		assertEquals(List.of(inside), kept);
	}

	@Test
	void rotationsAreUniformOnSO3() {
		SplittableRandom random = new SplittableRandom(17);
		int n = 40000;
		double[] mean = new double[3];
		double zz = 0, trace = 0;
		for (int i = 0; i < n; i++) {
			double[] r = RandomRotations.uniform(random);
			// rotated unit vector e_z is the third column
			mean[0] += r[2];
			mean[1] += r[5];
			mean[2] += r[8];
			zz += r[8] * r[8];
			trace += r[0] + r[4] + r[8];
			// orthonormal rows
			for (int a = 0; a < 3; a++)
				for (int b = 0; b < 3; b++) {
					double dot = r[3 * a] * r[3 * b] + r[3 * a + 1] * r[3 * b + 1] + r[3 * a + 2] * r[3 * b + 2];
					assertEquals(a == b ? 1 : 0, dot, 1e-12);
				}
		}
		for (int k = 0; k < 3; k++)
			assertEquals(0, mean[k] / n, 0.015, "mean of rotated e_z, component " + k);
		assertEquals(1.0 / 3, zz / n, 0.01, "second moment of rotated e_z");
		// for Haar-uniform rotations E[trace] = 1 + 2 E[cos w] = 0
		assertEquals(0, trace / n, 0.03, "mean trace");
	}
}
