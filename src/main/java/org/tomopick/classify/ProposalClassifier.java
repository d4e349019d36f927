package org.tomopick.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.tomopick.fuse.FusedParticle;
import org.tomopick.fuse.GreedySuppression;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;
import org.tomopick.unet.ProbabilityMaps;

/**
 * The picker's last stage: every proposal ({@link Proposals}) is described ({@link ParticleDescriptor}) and the
 * forest ({@link CandidateClassifier}) names its class. A proposal becomes a particle of the most probable particle
 * class (background left out) with that class's probability as score, so that per-class thresholds (tuned on
 * validation data) decide what is reported. Finally two particles closer than half the sum of their radii are one
 * object and only the higher-scoring one is kept, so nothing is reported twice. (On two validation runs, with an
 * early version of the classifier, 0.5 x (r_a + r_b) scored better than 0.3 x or no such rule: 0.836, 0.817, 0.795.)
 */
public final class ProposalClassifier {

	private final CandidateClassifier classifier;
	private final ParticleDescriptor descriptor;
	private final ParticleCatalog catalog;

	public ProposalClassifier(CandidateClassifier classifier, ParticleDescriptor descriptor) {
		if (!classifier.features().equals(descriptor.names()))
			throw new IllegalArgumentException("the classifier was trained on other features than the descriptor's");
		List<String> names = descriptor.catalog().classes().stream().map(ParticleClass::name).toList();
		if (!classifier.classes().subList(1, classifier.classes().size()).equals(names))
			throw new IllegalArgumentException("the classifier's classes " + classifier.classes()
					+ " are not background + the catalog's " + names);
		this.classifier = classifier;
		this.descriptor = descriptor;
		this.catalog = descriptor.catalog();
	}

	/** The features of each proposal (rows in the proposals' order), computed in parallel. */
	public static double[][] describe(ParticleDescriptor descriptor, List<FusedParticle> proposals,
			TomogramSampler tomogram, BranchEvidence evidence, ProbabilityMaps maps) {
		double[][] rows = new double[proposals.size()][];
		IntStream.range(0, rows.length).parallel().forEach(i -> {
			FusedParticle p = proposals.get(i);
			rows[i] = descriptor.describe(tomogram, evidence, maps, p.x(), p.y(), p.z());
		});
		addTemplateScores(descriptor, proposals, tomogram, rows);
		return rows;
	}

	/**
	 * Fills the template matching scores of rows that {@link ParticleDescriptor#describe} made (or that hold only its
	 * own {@link ParticleDescriptor#baseSize()} features: they are lengthened). Nothing without template scores.
	 */
	public static double[][] addTemplateScores(ParticleDescriptor descriptor, List<FusedParticle> proposals,
			TomogramSampler tomogram, double[][] rows) {
		TemplateScores templates = descriptor.templates();
		if (templates == null)
			return rows;
		double[][] scores = templates.score(tomogram, proposals);
		int base = descriptor.baseSize();
		for (int i = 0; i < rows.length; i++) {
			if (rows[i].length != descriptor.size())
				rows[i] = java.util.Arrays.copyOf(rows[i], descriptor.size());
			System.arraycopy(scores[i], 0, rows[i], base, scores[i].length);
		}
		return rows;
	}

	public ProposalSettings proposalSettings() {
		return classifier.proposals();
	}

	/** Particles from fused clusters of all classes (class conflicts not yet resolved). */
	public List<Particle> classify(List<FusedParticle> clusters, TomogramSampler tomogram, List<Particle> unetCandidates,
			List<Particle> yoloPoints, ProbabilityMaps maps, LabelDecision decision) {
		List<FusedParticle> proposals = Proposals.of(clusters);
		return classify(proposals, describe(descriptor, proposals, tomogram,
				new BranchEvidence(catalog, unetCandidates, yoloPoints), maps), decision);
	}

	/** Particles from proposals and their features (rows of {@link #describe}, in the same order). */
	public List<Particle> classify(List<FusedParticle> proposals, double[][] rows, LabelDecision decision) {
		List<Particle> out = new ArrayList<>();
		for (int i = 0; i < rows.length; i++) {
			double[] p = classifier.probabilities(rows[i]);
			if (decision == LabelDecision.EVERY_LIKELY_CLASS) {
				FusedParticle f = proposals.get(i);
				for (int c = 1; c < p.length; c++)
					if (p[c] >= LabelDecision.FLOOR)
						out.add(new Particle(catalog.classes().get(c - 1), f.x(), f.y(), f.z(), p[c], Provenance.FUSED));
				continue;
			}
			int best = 1;
			for (int c = 2; c < p.length; c++)
				if (p[c] > p[best])
					best = c;
			FusedParticle f = proposals.get(i);
			out.add(new Particle(catalog.classes().get(best - 1), f.x(), f.y(), f.z(), p[best], Provenance.FUSED));
		}
		return decision == LabelDecision.EVERY_LIKELY_CLASS ? withoutOverlapsWithinClasses(out) : withoutOverlaps(out);
	}

	/** As {@link #withoutOverlaps}, but only particles of one class suppress each other. */
	static List<Particle> withoutOverlapsWithinClasses(List<Particle> particles) {
		return GreedySuppression.keep(particles, Comparator.comparingDouble(Particle::score).reversed(), (k, p) -> {
			if (!k.type().equals(p.type()))
				return false;
			double dx = k.x() - p.x(), dy = k.y() - p.y(), dz = k.z() - p.z();
			double limit = k.type().radiusAngstrom();
			return dx * dx + dy * dy + dz * dz < limit * limit;
		});
	}

	/** Highest score first, a particle is dropped when a kept one is closer than half the sum of the radii. */
	static List<Particle> withoutOverlaps(List<Particle> particles) {
		return GreedySuppression.keep(particles, Comparator.comparingDouble(Particle::score).reversed(), (k, p) -> {
			double dx = k.x() - p.x(), dy = k.y() - p.y(), dz = k.z() - p.z();
			double limit = 0.5 * (k.type().radiusAngstrom() + p.type().radiusAngstrom());
			return dx * dx + dy * dy + dz * dz < limit * limit;
		});
	}
}
