package org.tomopick.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;
import org.tomopick.progress.Progress;

/** Look-alike clutter (vesicles, gold, contamination) and per-particle variability, on the potential itself. */
class ClutterAndVariabilityTest {

	private static final ParticleCatalog CATALOG = ParticleCatalog.czii();
	private static final double VS = 10;

	private static SimulationSettings settings(ClutterSettings clutter) {
		return SimTestSupport.small(48, 96, 96, 60, 21).withVoxelSize(VS).withSample(
				SimulationSettings.defaults().sample().withoutContext()).withClutter(clutter);
	}

	/** Four particles at fixed, spread-out places in the middle z plane. */
	private static List<Particle> particles() {
		List<Particle> list = new ArrayList<>();
		String[] names = { "ribosome", "apo-ferritin", "beta-galactosidase", "thyroglobulin" };
		for (int i = 0; i < 4; i++)
			list.add(new Particle(CATALOG.get(names[i]), (24 + 48 * (i % 2)) * VS, (24 + 48 * (i / 2)) * VS, 24 * VS,
					1, Provenance.IMPORTED));
		return list;
	}

	private static SampleComposer compose(SimulationSettings s, List<Particle> particles) {
		IceSlab slab = IceSlab.random(s, SeedStreams.stream(s.seed(), SeedStreams.Purpose.TOMOGRAM, 0));
		SampleComposer c = new SampleComposer(s, PhantomTemplates.library(CATALOG, VS), slab);
		c.compose(particles);
		return c;
	}

	private static float[] potential(SimulationSettings s, SampleComposer c) {
		IceSlab slab = IceSlab.random(s, SeedStreams.stream(s.seed(), SeedStreams.Purpose.TOMOGRAM, 0));
		return PotentialBuilder.build(s, slab, c.stamps(), Progress.NONE);
	}

	private static float at(float[] v, double x, double y, double z) {
		return v[((int) Math.round(z) * 96 + (int) Math.round(y)) * 96 + (int) Math.round(x)];
	}

	@Test
	void goldAndVesiclesAreDenseWhereTheyAreAndNotInTheTruth() {
		List<Particle> given = particles();
		SimulationSettings plain = settings(ClutterSettings.defaults());
		SimulationSettings cluttered = settings(new ClutterSettings(3, 150, 250, 40, 4, 40, 80, 20, false));
		SampleComposer without = compose(plain, given), with = compose(cluttered, given);
		assertEquals(without.truth(), with.truth(), "clutter never enters the truth");
		assertEquals(given.size(), with.truth().size());
		assertTrue(with.goldCount() >= 1, "gold placed: " + with.goldCount());
		assertEquals(with.goldCount() + with.vesicleCount(), with.clutter().size());
		float[] a = potential(plain, without), b = potential(cluttered, with);
		for (Stamp s : with.clutter()) {
			for (Particle p : given) {
				double d = Math.sqrt(Math.pow(p.x() / VS - s.px, 2) + Math.pow(p.y() / VS - s.py, 2)
						+ Math.pow(p.z() / VS - s.pz, 2));
				if (s instanceof Stamp.BallStamp)
					assertTrue(d * VS >= s.reach * VS - 10 + p.type().radiusAngstrom() - 1e-6,
							"gold off particle " + p + ": " + d * VS + " A");
			}
			if (s instanceof Stamp.BallStamp) {
				double added = at(b, s.px, s.py, s.pz) - at(a, s.px, s.py, s.pz);
				assertEquals(20, added, 1, "gold potential at its centre");
			} else {
				Stamp.ShellStamp shell = (Stamp.ShellStamp) s;
				double radius = shell.reach - 20 / VS - 3 * 8 / VS;
				// along +x or -x, whichever stays in the volume
				double sign = s.px + radius + 3 < 96 ? 1 : -1;
				double xLeaflet = s.px + sign * (radius - 20 / VS), xMid = s.px + sign * radius;
				assertTrue(xLeaflet >= 0 && xLeaflet <= 95, "vesicle crosses the volume along x");
				double leaflet = at(b, xLeaflet, s.py, s.pz) - at(a, xLeaflet, s.py, s.pz);
				double mid = at(b, xMid, s.py, s.pz) - at(a, xMid, s.py, s.pz);
				double lumen = at(b, s.px, s.py, s.pz) - at(a, s.px, s.py, s.pz);
				assertTrue(leaflet > 1.5, "a leaflet is dense: " + leaflet);
				assertTrue(mid < leaflet / 2, "between the leaflets " + mid + " vs " + leaflet);
				assertEquals(0, lumen, 1e-3, "hollow");
			}
		}
	}

	@Test
	void contaminationIsAddedAndTheTruthUnchanged() {
		List<Particle> one = particles().subList(0, 1);
		java.util.Set<String> kinds = new java.util.HashSet<>();
		for (long seed = 1; seed <= 12; seed++) {
			SimulationSettings s = settings(ClutterSettings.defaults().withCounts(0, 0, true)).withSeed(seed);
			s = s.withSample(s.sample().withIceThickness(250, 300)); // thin enough for both surfaces to be inside
			SampleComposer c = compose(s, one);
			assertEquals(one, c.truth().stream().map(p -> new Particle(p.type(), p.x(), p.y(), p.z(), 1,
					Provenance.IMPORTED)).toList());
			if (c.contaminationKind() != null) {
				kinds.add(c.contaminationKind());
				float[] with = potential(s, c);
				SimulationSettings none = s.withClutter(ClutterSettings.defaults());
				float[] without = potential(none, compose(none, one));
				double added = 0;
				for (int i = 0; i < with.length; i++)
					added += with[i] - without[i];
				assertTrue(added > 1e4, c.contaminationKind() + " adds density: " + added);
			}
		}
		assertEquals(java.util.Set.of("ice contamination", "carbon edge"), kinds);
	}

	@Test
	void variableParticlesKeepTheirCentres() {
		List<Particle> given = particles();
		SimulationSettings s = settings(ClutterSettings.defaults());
		s = s.withSample(s.sample().withInstanceVariability(0.08, 0.25, 12, 0, 0.25));
		SampleComposer c = compose(s, given);
		for (int i = 0; i < given.size(); i++) {
			assertEquals(given.get(i).x(), c.truth().get(i).x(), 0);
			assertEquals(given.get(i).y(), c.truth().get(i).y(), 0);
			assertEquals(given.get(i).z(), c.truth().get(i).z(), 0);
		}
		// blurred and scaled (no cap): the density's centre of mass stays where the plain instance's is (rotations are
		// drawn first, so they are the same; phantoms need not be symmetric)
		SimulationSettings plain = settings(ClutterSettings.defaults());
		float[] reference = potential(plain, compose(plain, given));
		float[] v = potential(s, c);
		IceSlab slab = IceSlab.random(s, SeedStreams.stream(s.seed(), SeedStreams.Purpose.TOMOGRAM, 0));
		float[] ice = PotentialBuilder.build(s, slab, List.of(), Progress.NONE);
		for (Particle p : given) {
			double[] com = centreOfMass(v, ice, p, 20), ref = centreOfMass(reference, ice, p, 20);
			for (int a = 0; a < 3; a++)
				assertEquals(ref[a], com[a], 0.3 + 0.1 * Math.abs(ref[a] - new double[] { p.x(), p.y(), p.z() }[a]
						/ VS), "axis " + a + " of " + p.type().name());
		}
		// a missing cap takes some density away, but the truth stays the particle's centre
		SimulationSettings capped = s.withSample(s.sample().withInstanceVariability(0.08, 0.25, 12, 1, 0.25));
		SampleComposer cc = compose(capped, given);
		assertEquals(c.truth(), cc.truth());
		float[] w = potential(capped, cc);
		for (Particle p : given) {
			double[] com = centreOfMass(w, ice, p, 20), ref = centreOfMass(reference, ice, p, 20);
			double shift = Math.sqrt(Math.pow(com[0] - ref[0], 2) + Math.pow(com[1] - ref[1], 2)
					+ Math.pow(com[2] - ref[2], 2));
			assertTrue(shift < 0.3 * p.type().radiusAngstrom() / VS + 0.5, "capped " + p.type().name() + " shifted "
					+ shift);
			double mass = 0, full = 0;
			for (int i = 0; i < w.length; i++) {
				mass += w[i] - ice[i];
				full += v[i] - ice[i];
			}
			assertTrue(mass < full, "caps remove density");
		}
	}

	@Test
	void blurKeepsTheMassAndCentreAndCapsCutUpToAQuarter() {
		DensityTemplate t = PhantomTemplates.library(CATALOG, VS).get("ribosome");
		DensityTemplate b = t.blurred(12);
		double sa = 0, sb = 0;
		for (float f : t.toVolume().toFloatArray())
			sa += f;
		for (float f : b.toVolume().toFloatArray())
			sb += f;
		assertEquals(sa, sb, 1e-3 * sa, "mass kept");
		assertEquals(t.centreX() + Math.ceil(3 * 1.2), b.centreX(), 1e-9, "centre kept (padded box)");
		assertTrue(b.sample(b.centreX(), b.centreY(), b.centreZ()) < t.sample(t.centreX(), t.centreY(), t.centreZ())
				+ 1e-6);
		assertEquals(0.5, SampleComposer.capHeight(0.5) / 2, 1e-6);
		double h = SampleComposer.capHeight(0.25);
		assertEquals(0.25, h * h * (3 - h) / 4, 1e-6);
		assertEquals(0, SampleComposer.capHeight(0), 1e-6);
	}

	/** Centre of mass (voxels) of the potential above the plain ice within {@code r} voxels of a particle. */
	private static double[] centreOfMass(float[] v, float[] ice, Particle p, int r) {
		double cx = p.x() / VS, cy = p.y() / VS, cz = p.z() / VS, m = 0, mx = 0, my = 0, mz = 0;
		for (int z = (int) cz - r; z <= cz + r; z++)
			for (int y = (int) cy - r; y <= cy + r; y++)
				for (int x = (int) cx - r; x <= cx + r; x++) {
					if (z < 0 || y < 0 || x < 0 || z >= 48 || y >= 96 || x >= 96)
						continue;
					int i = (z * 96 + y) * 96 + x;
					double d = v[i] - ice[i];
					m += d;
					mx += d * x;
					my += d * y;
					mz += d * z;
				}
		return new double[] { mx / m, my / m, mz / m };
	}
}
