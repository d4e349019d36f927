package org.tomopick.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.tomopick.model.Particle;
import org.tomopick.model.Provenance;

/**
 * Turns a layout into the things painted into the potential: every target particle gets a uniformly random
 * rotation, a small per-axis size jitter and an amplitude jitter from its own random stream; then distractor
 * proteins and crowder blobs are packed into the free space of the ice slab. Records the truth particles with
 * their rotations.
 */
final class SampleComposer {

	private final SimulationSettings settings;
	private final TemplateLibrary templates;
	private final IceSlab slab;

	private final List<Stamp> stamps = new ArrayList<>();
	private final List<Particle> truth = new ArrayList<>();
	private int distractorCount;
	private int crowderCount;

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
			stamps.add(templateStamp(templates.get(p.type().name()), p.x(), p.y(), p.z(), rotation, r, contrast));
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
}
