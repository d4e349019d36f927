package org.tomopick.pipeline;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.tomopick.fuse.FusedParticle;
import org.tomopick.io.AtomicFiles;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;
import org.tomopick.pipeline.ClassifierTraining.TomogramExamples;

/**
 * Classifier examples kept on disk ({@code tomopick train-classifier --examples FILE}), so that the forest can be
 * refitted with other settings without running the branches again. A private binary format with a magic header and
 * the feature count; a file of another TomoPick or descriptor is refused.
 */
public final class ExamplesCache {

	private static final int MAGIC = 0x54504558; // "TPEX"
	private static final int VERSION = 1;

	private ExamplesCache() {
	}

	public static void write(Path file, List<TomogramExamples> examples, int featureCount) {
		AtomicFiles.write(file, stream -> {
			DataOutputStream out = new DataOutputStream(stream);
			out.writeInt(MAGIC);
			out.writeInt(VERSION);
			out.writeInt(featureCount);
			out.writeInt(examples.size());
			for (TomogramExamples ex : examples) {
				out.writeUTF(ex.name());
				out.writeInt(ex.proposals().size());
				for (int i = 0; i < ex.proposals().size(); i++) {
					FusedParticle p = ex.proposals().get(i);
					out.writeUTF(p.type().name());
					for (double v : new double[] { p.x(), p.y(), p.z(), p.score(), p.support() })
						out.writeDouble(v);
					out.writeInt(p.unetMembers());
					out.writeInt(p.yoloMembers());
					out.writeInt(ex.labels()[i]);
					for (double v : ex.rows()[i])
						out.writeDouble(v);
				}
				out.writeInt(ex.truth().size());
				for (Particle t : ex.truth()) {
					out.writeUTF(t.type().name());
					out.writeDouble(t.x());
					out.writeDouble(t.y());
					out.writeDouble(t.z());
				}
			}
			out.flush();
		});
	}

	/** The number of features per example that a file holds (its header). */
	public static int featureCount(Path file) {
		try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
			if (in.readInt() != MAGIC || in.readInt() != VERSION)
				throw new TomoPickIoException(file, "not a TomoPick examples file (or of another version)");
			return in.readInt();
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot read the examples: " + e.getMessage(), e);
		}
	}

	public static List<TomogramExamples> read(Path file, ParticleCatalog catalog, int featureCount) {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
			if (in.readInt() != MAGIC || in.readInt() != VERSION)
				throw new TomoPickIoException(file, "not a TomoPick examples file (or of another version)");
			int features = in.readInt();
			if (features != featureCount)
				throw new TomoPickIoException(file, "holds " + features + " features per example, this TomoPick "
						+ "computes " + featureCount + "; delete it to collect the examples again");
			int tomograms = in.readInt();
			List<TomogramExamples> out = new ArrayList<>();
			for (int k = 0; k < tomograms; k++) {
				String name = in.readUTF();
				int n = in.readInt();
				List<FusedParticle> proposals = new ArrayList<>();
				double[][] rows = new double[n][features];
				int[] labels = new int[n];
				for (int i = 0; i < n; i++) {
					var type = catalog.get(in.readUTF());
					double x = in.readDouble(), y = in.readDouble(), z = in.readDouble(), score = in.readDouble(),
							support = in.readDouble();
					proposals.add(new FusedParticle(type, x, y, z, score, support, in.readInt(), in.readInt()));
					labels[i] = in.readInt();
					for (int f = 0; f < features; f++)
						rows[i][f] = in.readDouble();
				}
				int truthCount = in.readInt();
				List<Particle> truth = new ArrayList<>();
				for (int i = 0; i < truthCount; i++)
					truth.add(new Particle(catalog.get(in.readUTF()), in.readDouble(), in.readDouble(), in.readDouble(),
							1, Provenance.IMPORTED));
				out.add(new TomogramExamples(name, proposals, rows, labels, truth));
			}
			return out;
		} catch (IOException | IllegalArgumentException e) {
			throw new TomoPickIoException(file, "cannot read the examples: " + e.getMessage(), e);
		}
	}
}
