package org.tomopick.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.tomopick.classify.BranchEvidence;
import org.tomopick.classify.CandidateClassifier;
import org.tomopick.classify.ParticleDescriptor;
import org.tomopick.classify.ProposalClassifier;
import org.tomopick.classify.ProposalSettings;
import org.tomopick.classify.Proposals;
import org.tomopick.classify.TomogramSampler;
import org.tomopick.fuse.FusedParticle;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.progress.Progress;

/**
 * Training examples for the candidate classifier: the trained branches run on annotated tomograms (best ones they
 * never saw), their candidates are fused and merged into proposals exactly as when picking
 * ({@link PickingPipeline#clusters}, {@link Proposals}), and each proposal is labelled with the class of the truth
 * particle it would be matched to by the CZII rule (within half that particle's radius; the nearest relative to
 * the radius when several are), or background.
 */
public final class ClassifierTraining {

	/** The proposals of one tomogram with their features and labels (0 background, 1..n the catalog's classes). */
	public record TomogramExamples(String name, List<FusedParticle> proposals, double[][] rows, int[] labels,
			List<Particle> truth) {
	}

	private final PickingPipeline pipeline;
	private final ParticleDescriptor descriptor;
	private final ProposalSettings proposalSettings;

	public ClassifierTraining(PickingPipeline pipeline, ParticleDescriptor descriptor, ProposalSettings proposals) {
		if (!pipeline.mode().clusters())
			throw new IllegalArgumentException("the classifier's examples need both branches (full mode)");
		this.pipeline = pipeline;
		this.descriptor = descriptor;
		this.proposalSettings = proposals;
	}

	/** Examples of one tomogram. */
	public TomogramExamples collect(AnnotatedTomogram tomogram, Progress progress) {
		BranchOutputs outputs = pipeline.detect(tomogram.tomogram(), tomogram.voxelSizeAngstrom(), progress);
		TomogramSampler sampler = PickingPipeline.sampler(outputs, proposalSettings);
		List<FusedParticle> proposals = Proposals.of(pipeline.clusters(outputs, proposalSettings, sampler));
		ParticleCatalog catalog = descriptor.catalog();
		double[][] rows = ProposalClassifier.describe(descriptor, proposals, sampler,
				new BranchEvidence(catalog, outputs.unetCandidates(), outputs.yoloPoints()), outputs.unetMaps());
		int[] labels = new int[proposals.size()];
		for (int i = 0; i < labels.length; i++)
			labels[i] = label(proposals.get(i), tomogram.truth(), catalog);
		return new TomogramExamples(tomogram.name(), proposals, rows, labels, tomogram.truth());
	}

	/** Examples of several tomograms, read one at a time by {@code reader} so that only one is in memory. */
	public List<TomogramExamples> collect(List<String> runs, java.util.function.Function<String, AnnotatedTomogram> reader,
			Progress progress, Consumer<String> log) {
		List<TomogramExamples> out = new ArrayList<>();
		for (int i = 0; i < runs.size(); i++) {
			progress.checkCancelled("collecting classifier examples");
			progress.report("collecting examples " + (i + 1) + "/" + runs.size(), (double) i / runs.size());
			TomogramExamples ex = collect(reader.apply(runs.get(i)), progress);
			int[] counts = new int[descriptor.catalog().size() + 1];
			for (int l : ex.labels())
				counts[l]++;
			log.accept(String.format(java.util.Locale.ROOT, "  %s: %d proposals, %d background, per class %s; truth "
					+ "particles within reach of a proposal %s", ex.name(), ex.labels().length, counts[0],
					java.util.Arrays.toString(java.util.Arrays.copyOfRange(counts, 1, counts.length)), reached(ex)));
			out.add(ex);
		}
		return out;
	}

	/** Per class: truth particles with a proposal within half their radius / all truth particles. */
	private String reached(TomogramExamples ex) {
		ParticleCatalog catalog = descriptor.catalog();
		int[] reached = new int[catalog.size()], all = new int[catalog.size()];
		for (Particle t : ex.truth()) {
			int c = catalog.indexOf(t.type());
			if (c < 0)
				continue;
			all[c]++;
			for (FusedParticle p : ex.proposals()) {
				double dx = t.x() - p.x(), dy = t.y() - p.y(), dz = t.z() - p.z();
				if (Math.sqrt(dx * dx + dy * dy + dz * dz) <= 0.5 * t.type().radiusAngstrom()) {
					reached[c]++;
					break;
				}
			}
		}
		StringBuilder b = new StringBuilder("[");
		for (int c = 0; c < all.length; c++)
			b.append(c == 0 ? "" : ", ").append(reached[c]).append('/').append(all[c]);
		return b.append(']').toString();
	}

	/**
	 * A forest fitted on the examples of these tomograms (in their order: the fit depends on it). Throws
	 * IllegalArgumentException when the examples are all of one kind (say, all background).
	 */
	public static CandidateClassifier fit(List<TomogramExamples> examples, ParticleDescriptor descriptor,
			CandidateClassifier.Settings settings, ProposalSettings proposals) {
		return fit(examples, descriptor, settings, proposals, null);
	}

	/** As above, with given profile scores (null: fitted on these examples when the settings ask for them). */
	public static CandidateClassifier fit(List<TomogramExamples> examples, ParticleDescriptor descriptor,
			CandidateClassifier.Settings settings, ProposalSettings proposals,
			org.tomopick.classify.ProfileScores profiles) {
		List<double[]> rows = new ArrayList<>();
		List<Integer> labels = new ArrayList<>();
		for (TomogramExamples ex : examples)
			for (int i = 0; i < ex.labels().length; i++) {
				rows.add(ex.rows()[i]);
				labels.add(ex.labels()[i]);
			}
		if (labels.stream().distinct().count() < 2)
			throw new IllegalArgumentException("the " + labels.size() + " proposals are all of one kind ("
					+ (labels.isEmpty() ? "none" : labels.get(0) == 0 ? "background" : "one class")
					+ "); a classifier needs examples of at least two (more or other tomograms, or lower "
					+ "--proposal-threshold / --proposal-support)");
		return CandidateClassifier.fit(rows.toArray(double[][]::new), labels.stream().mapToInt(Integer::intValue)
				.toArray(), descriptor.names(), descriptor.catalog().classes().stream().map(ParticleClass::name)
						.toList(), settings, proposals, profiles);
	}

	/** The label of a proposal: 1 + the catalog index of the truth particle it matches, or 0. */
	public static int label(FusedParticle proposal, List<Particle> truth, ParticleCatalog catalog) {
		int best = 0;
		double bestRelative = Double.POSITIVE_INFINITY;
		for (Particle t : truth) {
			int index = catalog.indexOf(t.type());
			if (index < 0)
				continue;
			double dx = t.x() - proposal.x(), dy = t.y() - proposal.y(), dz = t.z() - proposal.z();
			double relative = Math.sqrt(dx * dx + dy * dy + dz * dz) / t.type().radiusAngstrom();
			if (relative <= 0.5 && relative < bestRelative) {
				bestRelative = relative;
				best = index + 1;
			}
		}
		return best;
	}
}
