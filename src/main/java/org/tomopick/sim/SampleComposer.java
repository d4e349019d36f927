package org.tomopick.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.tomopick.model.Particle;
import org.tomopick.model.Provenance;

/**
 * Turns a layout into the things painted into the potential: every target particle gets a uniformly random
 * rotation, a small per-axis size jitter and an amplitude jitter from its own random stream (and, when the sample
 * settings ask for it, a gaussian blur and a missing cap; its centre stays where the layout put it); then distractor
 * proteins and crowder blobs are packed into the free space of the ice slab; last, look-alike clutter (vesicles, gold
 * beads, ice contamination or a carbon edge) is placed off the target particles. Records the truth particles with
 * their rotations; clutter is never in the truth.
 */
final class SampleComposer {

	private final SimulationSettings settings;
	private final TemplateLibrary templates;
	private final IceSlab slab;

	private final List<Stamp> stamps = new ArrayList<>();
	private final List<Particle> truth = new ArrayList<>();
	private final List<Stamp> clutter = new ArrayList<>();
	private final Map<DensityTemplate, Map<Integer, DensityTemplate>> blurredTemplates = new HashMap<>();
	private int distractorCount;
	private int crowderCount;
	private int vesicleCount;
	private int goldCount;
	private String contaminationKind;

	SampleComposer(SimulationSettings settings, TemplateLibrary templates, IceSlab slab) {
		this.settings = settings;
		this.templates = templates;
		this.slab = slab;
	}

	void compose(List<Particle> particles) {
		for (Particle p : particles)
			templates.get(p.type().name());
		SampleSettings sample = settings.sample();
		double vs = settings.voxelSizeAngstrom();
		float contrast = (float) sample.proteinContrastVolts();
		SpherePacking packing = new SpherePacking(settings, slab);
		for (int i = 0; i < particles.size(); i++) {
			Particle p = particles.get(i);
			SplittableRandom r = SeedStreams.stream(settings.seed(), SeedStreams.Purpose.INSTANCE, i);
			double[] rotation = RandomRotations.uniform(r);
			stamps.add(targetStamp(templates.get(p.type().name()), p.x(), p.y(), p.z(), rotation, r, contrast));
			packing.add(p.x(), p.y(), p.z(), p.type().radiusAngstrom());
			truth.add(new Particle(p.type(), p.x(), p.y(), p.z(), 1, Provenance.SIMULATED,
					RandomRotations.toTransformation(rotation), i));
		}
		double ice = packing.iceVolumeCubicMicrons();
		SplittableRandom context = SeedStreams.stream(settings.seed(), SeedStreams.Purpose.CONTEXT, 0);
		List<DensityTemplate> distractors = templates.distractors();
		int wanted = distractors.isEmpty() ? 0 : (int) Math.round(sample.distractorsPerCubicMicron() * ice);
		for (int i = 0; i < wanted; i++) {
			DensityTemplate t = distractors.get(context.nextInt(distractors.size()));
			double radius = 0.7 * t.supportRadius() * t.voxelSizeAngstrom();
			double[] rotation = RandomRotations.uniform(context);
			double[] at = packing.place(context, radius, 1, 50);
			if (at == null)
				continue;
			stamps.add(templateStamp(t, at[0], at[1], at[2], rotation, context, contrast));
			distractorCount++;
		}
		int crowders = (int) Math.round(sample.crowdersPerCubicMicron() * ice);
		for (int i = 0; i < crowders; i++) {
			double radius = sample.crowderRadiusMinAngstrom()
					+ context.nextDouble() * (sample.crowderRadiusMaxAngstrom() - sample.crowderRadiusMinAngstrom());
			double[] at = packing.place(context, radius, 1, 20);
			if (at == null)
				continue;
			float amplitude = contrast * (float) (1 + sample.instanceAmplitudeJitter() * (2 * context.nextDouble() - 1));
			stamps.add(new Stamp.BlobStamp(at[0] / vs, at[1] / vs, at[2] / vs, radius / (2 * vs), amplitude));
			crowderCount++;
		}
		if (settings.clutter().any())
			placeClutter(particles);
		stamps.addAll(clutter);
	}

	/**
	 * A target particle: a template stamp with the sample's jitter, then (only when enabled, so that the default
	 * random sequence is unchanged) a blur drawn uniformly up to the largest blur, in steps of 1 A (blurred maps are
	 * shared), and with the cap probability a cap cut off by a random plane.
	 */
	private Stamp targetStamp(DensityTemplate t, double x, double y, double z, double[] rotation, SplittableRandom r,
			float contrast) {
		SampleSettings sample = settings.sample();
		if (sample.instanceBlurMaxAngstrom() <= 0 && sample.instanceCapProbability() <= 0)
			return templateStamp(t, x, y, z, rotation, r, contrast);
		double j = sample.instanceScaleJitter();
		double[] scale = { 1 + j * (2 * r.nextDouble() - 1), 1 + j * (2 * r.nextDouble() - 1),
				1 + j * (2 * r.nextDouble() - 1) };
		float amplitude = contrast * (float) (1 + sample.instanceAmplitudeJitter() * (2 * r.nextDouble() - 1));
		int blur = (int) Math.round(r.nextDouble() * sample.instanceBlurMaxAngstrom());
		DensityTemplate map = blur == 0 ? t
				: blurredTemplates.computeIfAbsent(t, k -> new HashMap<>()).computeIfAbsent(blur, t::blurred);
		double[] normal = new double[3];
		double distance = Double.POSITIVE_INFINITY;
		if (r.nextDouble() < sample.instanceCapProbability()) {
			double n = 0;
			while (!(n > 1e-6)) {
				for (int a = 0; a < 3; a++)
					normal[a] = r.nextGaussian();
				n = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
			}
			for (int a = 0; a < 3; a++)
				normal[a] /= n;
			double radius = (t.supportRadius() - 1) * t.voxelSizeAngstrom() / map.voxelSizeAngstrom();
			distance = radius * (1 - capHeight(r.nextDouble() * sample.instanceCapMaxFraction()));
		}
		double vs = settings.voxelSizeAngstrom();
		return new Stamp.TemplateStamp(map, x / vs, y / vs, z / vs, rotation, scale, vs, amplitude, normal, distance);
	}

	/** Height (in radii) of the spherical cap that holds {@code fraction} of a ball's volume (fraction <= 1/2). */
	static double capHeight(double fraction) {
		double lo = 0, hi = 1;
		for (int i = 0; i < 50; i++) {
			double h = (lo + hi) / 2;
			if (h * h * (3 - h) / 4 < fraction)
				lo = h;
			else
				hi = h;
		}
		return (lo + hi) / 2;
	}

	/**
	 * Places the clutter from the tomogram's CLUTTER stream, each item with up to 30 tries to stay off the target
	 * particles: a vesicle's bilayer must not pass through a particle (particles wholly inside or outside are fine),
	 * a gold bead must not touch one; vesicles and beads do not overlap each other (distractors and crowders may
	 * touch them); contamination sits on an ice surface, outside the ice.
	 */
	private void placeClutter(List<Particle> particles) {
		ClutterSettings c = settings.clutter();
		SplittableRandom random = SeedStreams.stream(settings.seed(), SeedStreams.Purpose.CLUTTER, 0);
		SpherePacking free = new SpherePacking(settings, slab);
		double vs = settings.voxelSizeAngstrom();
		float contrast = (float) settings.sample().proteinContrastVolts();
		for (int i = 0; i < c.vesicles(); i++) {
			double radius = c.vesicleRadiusMinAngstrom()
					+ random.nextDouble() * (c.vesicleRadiusMaxAngstrom() - c.vesicleRadiusMinAngstrom());
			float amplitude = contrast * (float) (0.8 + 0.5 * random.nextDouble());
			double band = c.leafletSpacingAngstrom() / 2 + 10;
			for (int a = 0; a < 30; a++) {
				double[] at = free.randomPointInSlab(random, radius);
				if (at != null && free.fits(at[0], at[1], at[2], radius + band, 1) && clearOf(particles, at,
						p -> Math.abs(distance(p, at) - radius) < band + p.type().radiusAngstrom())) {
					free.add(at[0], at[1], at[2], radius + band);
					clutter.add(new Stamp.ShellStamp(at[0] / vs, at[1] / vs, at[2] / vs, radius / vs,
							c.leafletSpacingAngstrom() / vs, 8 / vs, amplitude));
					vesicleCount++;
					break;
				}
			}
		}
		for (int i = 0; i < c.goldBeads(); i++) {
			double radius = c.goldRadiusMinAngstrom()
					+ random.nextDouble() * (c.goldRadiusMaxAngstrom() - c.goldRadiusMinAngstrom());
			for (int a = 0; a < 30; a++) {
				double[] at = free.randomPointInSlab(random, radius);
				if (at != null && free.fits(at[0], at[1], at[2], radius, 1)
						&& clearOf(particles, at, p -> distance(p, at) < radius + p.type().radiusAngstrom())) {
					free.add(at[0], at[1], at[2], radius);
					clutter.add(new Stamp.BallStamp(at[0] / vs, at[1] / vs, at[2] / vs, radius / vs,
							(float) c.goldPotentialVolts()));
					goldCount++;
					break;
				}
			}
		}
		if (c.contamination())
			placeContamination(particles, random);
	}

	/** Ice contamination (a dense ball on an ice surface) or a carbon edge (a film on a surface, ending at a line). */
	private void placeContamination(List<Particle> particles, SplittableRandom random) {
		double vs = settings.voxelSizeAngstrom();
		double[] n = slab.normal();
		double side = random.nextBoolean() ? 1 : -1;
		double depth = (settings.sizeZ() - 1) * vs;
		double cx = (settings.sizeX() - 1) * vs / 2, cy = (settings.sizeY() - 1) * vs / 2;
		double surfaceZ = slab.midZ(cx, cy) + side * slab.thickness() / 2 / n[2];
		if (surfaceZ < 0 || surfaceZ > depth) {
			side = -side;
			surfaceZ = slab.midZ(cx, cy) + side * slab.thickness() / 2 / n[2];
		}
		if (surfaceZ < 0 || surfaceZ > depth)
			return; // neither ice surface crosses the volume
		if (random.nextBoolean()) {
			double icePotential = Math.max(1, settings.sample().icePotentialVolts());
			double radius = 300 + random.nextDouble() * 500;
			for (int a = 0; a < 30; a++) {
				double x = random.nextDouble() * 2 * cx, y = random.nextDouble() * 2 * cy;
				// centre a third of the radius outside the ice surface: most of the ball stands on the ice
				double s = side * (slab.thickness() / 2 + radius / 3);
				double[] at = { x + s * n[0], y + s * n[1], slab.midZ(x, y) + s * n[2] };
				if (clearOf(particles, at, p -> distance(p, at) < radius + p.type().radiusAngstrom())) {
					clutter.add(new Stamp.BallStamp(at[0] / vs, at[1] / vs, at[2] / vs, radius / vs,
							(float) (icePotential * (1 + 0.5 * random.nextDouble()))));
					contaminationKind = "ice contamination";
					return;
				}
			}
			return;
		}
		double thickness = 100 + random.nextDouble() * 150;
		double[] point = { cx + side * (slab.thickness() / 2 + thickness / 2) * n[0],
				cy + side * (slab.thickness() / 2 + thickness / 2) * n[1],
				slab.midZ(cx, cy) + side * (slab.thickness() / 2 + thickness / 2) * n[2] };
		double angle = 2 * Math.PI * random.nextDouble();
		double[] in = { Math.cos(angle), Math.sin(angle), 0 };
		// the edge crosses the field so that the film covers 20-60% of its width along the edge's normal
		double halfWidth = Math.min(cx, cy), covered = 0.2 + 0.4 * random.nextDouble();
		for (int a = 0; a < 3; a++)
			point[a] += halfWidth * (1 - 2 * covered) * in[a];
		for (int a = 0; a < 3; a++)
			point[a] /= vs;
		double[] centre = { cx / vs, cy / vs, depth / 2 / vs };
		double half = Math.sqrt(cx * cx + cy * cy + depth * depth / 4) / vs;
		clutter.add(new Stamp.PlateStamp(point, n, in, thickness / vs, (float) (6 + 4 * random.nextDouble()), centre,
				half));
		contaminationKind = "carbon edge";
	}

	private static boolean clearOf(List<Particle> particles, double[] at, java.util.function.Predicate<Particle> hits) {
		for (Particle p : particles)
			if (hits.test(p))
				return false;
		return true;
	}

	private static double distance(Particle p, double[] at) {
		double dx = p.x() - at[0], dy = p.y() - at[1], dz = p.z() - at[2];
		return Math.sqrt(dx * dx + dy * dy + dz * dz);
	}

	private Stamp templateStamp(DensityTemplate t, double x, double y, double z, double[] rotation,
			SplittableRandom r, float contrast) {
		SampleSettings sample = settings.sample();
		double j = sample.instanceScaleJitter();
		double[] scale = { 1 + j * (2 * r.nextDouble() - 1), 1 + j * (2 * r.nextDouble() - 1),
				1 + j * (2 * r.nextDouble() - 1) };
		float amplitude = contrast * (float) (1 + sample.instanceAmplitudeJitter() * (2 * r.nextDouble() - 1));
		double vs = settings.voxelSizeAngstrom();
		return new Stamp.TemplateStamp(t, x / vs, y / vs, z / vs, rotation, scale, vs, amplitude);
	}

	List<Stamp> stamps() {
		return stamps;
	}

	List<Particle> truth() {
		return truth;
	}

	int distractorCount() {
		return distractorCount;
	}

	int crowderCount() {
		return crowderCount;
	}

	/** The clutter stamps placed (also in {@link #stamps()}), in placement order. */
	List<Stamp> clutter() {
		return clutter;
	}

	int vesicleCount() {
		return vesicleCount;
	}

	int goldCount() {
		return goldCount;
	}

	/** "ice contamination", "carbon edge", or null when none was placed. */
	String contaminationKind() {
		return contaminationKind;
	}
}
