package org.tomopick.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tomopick.io.copick.CopickPicksLoader;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.sim.GivenParticleLayout;
import org.tomopick.sim.ImagingConditions;
import org.tomopick.sim.ParticleLayout;
import org.tomopick.sim.PhantomTemplates;
import org.tomopick.sim.RandomParticleLayout;
import org.tomopick.sim.SeedStreams;
import org.tomopick.sim.SimulatedRunWriter;
import org.tomopick.sim.SimulatedTomogram;
import org.tomopick.sim.SimulationSettings;
import org.tomopick.sim.TemplateFolder;
import org.tomopick.sim.TemplateLibrary;
import org.tomopick.sim.TomogramSimulator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tomopick simulate}: synthetic tomograms with known truth, written as a CoPick project. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = { "Simulates cryo-ET tomograms with known "
		+ "particle positions: real (czii:) or random layouts, density templates (MRC folder) or built-in phantoms, a "
		+ "tilt series through a CTF with dose-dependent noise, and weighted back-projection. Writes a CoPick project: "
		+ "ExperimentRuns/<run>/VoxelSpacing<vs>/<tomo-type>.zarr and Picks/curation_0_<class>.json (the truth)." })
final class SimulateCommand implements Runnable {

	@Option(names = "--out", required = true, paramLabel = "ROOT", description = "CoPick overlay root to write to.")
	Path out;

	@Option(names = "--layout", paramLabel = "LAYOUT", description = "random (default), or czii:PICKS_ROOT[:RUN[,RUN...]] "
			+ "to place the particles where real CoPick runs have them (the runs in turn; all runs without :RUN).")
	String layout = "random";

	@Option(names = "--density", paramLabel = "N", description = "Particles per cubic micrometre of ice for the "
			+ "random layout (default 4000, about 200 in a CZII-sized tomogram).")
	double density = 4000;

	@Option(names = "--templates", paramLabel = "DIR", description = "Folder of MRC density maps (<class>.mrc, the "
			+ "CZII template file names or <pdb id>.mrc; other maps become distractors). Default: built-in phantoms.")
	Path templates;

	@Option(names = "--runs", paramLabel = "N", description = "Number of tomograms (default 1); run i uses seed "
			+ "SEED + i.")
	int runs = 1;

	@Option(names = "--seed", paramLabel = "S", description = "Seed of the first run (default 1).")
	long seed = 1;

	@Option(names = "--tilt-max", paramLabel = "DEG", description = "Largest tilt angle (default 60).")
	double tiltMax = 60;

	@Option(names = "--tilt-step", paramLabel = "DEG", description = "Tilt step (default 3).")
	double tiltStep = 3;

	@Option(names = "--dose", paramLabel = "E_PER_A2", description = "Total electron dose in e-/A^2 (default 100); "
			+ "lower is noisier.")
	double dose = 100;

	@Option(names = "--shape", split = ",", paramLabel = "Z,Y,X", description = "Tomogram shape (default 184,630,630).")
	int[] shape = { 184, 630, 630 };

	@Option(names = "--voxel", paramLabel = "A", description = "Voxel size in Angstrom (default 10.012444).")
	double voxel = SimulationSettings.CZII_VOXEL_SIZE;

	@Option(names = "--denoised", description = "Low-pass the reconstruction (like the CZII 'denoised' tomograms).")
	boolean denoised;

	@Option(names = "--tomo-type", paramLabel = "NAME", description = "Tomogram name in the run (default wbp, or "
			+ "denoised with --denoised).")
	String tomoType;

	@Option(names = "--run-prefix", paramLabel = "P", description = "Prefix of the run names (default sim_; with a "
			+ "czii layout the layout's run name is used).")
	String runPrefix = "sim_";

	@Option(names = "--vary", description = "Draw the conditions of each run at random (seeded; domain "
			+ "randomisation for training): total dose 5-120 e-/A^2 (log-uniform), largest tilt 40-65 degrees in steps "
			+ "of 2, 3 or 4, defocus 1.5-6 um, real maps or phantoms (with --templates), 40%% a Gaussian or cosine "
			+ "low-pass of 25-60 A, white, ramp or 1/f noise of 0-1.5 times the tomogram's std added after "
			+ "reconstruction, particles scaled 0.92-1.08 per axis, amplitude 0.75-1.25, blurred 0-12 A, 15%% missing "
			+ "a cap of up to 25%%, 0-6 vesicles, 0-10 gold beads and 20%% ice contamination or a carbon edge (not in "
			+ "the truth). --dose, --tilt-max, --tilt-step and --denoised are then ignored.")
	boolean vary;

	@Option(names = "--vary-dose", split = ",", paramLabel = "MIN,MAX", description = "With --vary: the total "
			+ "dose range, e-/A^2, drawn log-uniformly (default 5,120). A harsher set, e.g. 1.5,15, reaches the "
			+ "contrast of noisier microscopes than the default range does.")
	double[] varyDose = { 5, 120 };

	@Option(names = "--vary-added-noise", paramLabel = "X", description = "With --vary: the largest std of the "
			+ "coloured noise added after reconstruction, relative to the tomogram's std (default 1.5).")
	double varyAddedNoise = 1.5;

	@Option(names = "--overwrite", description = "Replace tomograms of runs that exist already.")
	boolean overwrite;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	/** The draw of --vary with the ranges the options give, checked. */
	private ImagingConditions varyConditions() {
		if (varyDose.length != 2)
			throw new UserInputException("--vary-dose needs two numbers MIN,MAX, got " + varyDose.length);
		if (!(varyDose[0] > 0 && varyDose[0] <= varyDose[1] && varyDose[1] <= 1e5))
			throw new UserInputException("--vary-dose needs 0 < MIN <= MAX <= 100000, got " + varyDose[0] + ","
					+ varyDose[1]);
		if (!(varyAddedNoise >= 0 && varyAddedNoise <= 100))
			throw new UserInputException("--vary-added-noise must be in [0, 100], was " + varyAddedNoise);
		return ImagingConditions.defaults().withDose(varyDose[0], varyDose[1]).withMaxAddedNoise(varyAddedNoise)
				.validate();
	}

	@Override
	public void run() {
		if (shape.length != 3)
			throw new UserInputException("--shape needs three numbers Z,Y,X, got " + shape.length);
		if (runs < 1)
			throw new UserInputException("--runs must be >= 1, was " + runs);
		ImagingConditions varied = varyConditions();
		ParticleCatalog catalog = ParticleCatalog.czii();
		SimulationSettings base = SimulationSettings.defaults().withShape(shape[0], shape[1], shape[2])
				.withVoxelSize(voxel).withTilts(SimulationSettings.defaults().tilts().withRange(tiltMax, tiltStep)
						.withTotalDose(dose))
				.withReconstruction(SimulationSettings.defaults().reconstruction().withDenoised(denoised));
		base.validate();
		TemplateLibrary library = templates(catalog);
		TemplateLibrary phantoms = PhantomTemplates.library(catalog, voxel);
		List<NamedLayout> layouts = layouts(catalog);
		SimulatedRunWriter writer = new SimulatedRunWriter(out, catalog,
				tomoType != null ? tomoType : denoised ? "denoised" : "wbp");
		PrintWriter stdout = spec.commandLine().getOut();
		for (int i = 0; i < runs; i++) {
			NamedLayout l = layouts.get(i % layouts.size());
			long runSeed = seed + i;
			String run = l.runName() != null ? l.runName() + "_s" + runSeed : runPrefix + runSeed;
			long t0 = System.nanoTime();
			SimulationSettings settings = base.withSeed(runSeed);
			TemplateLibrary maps = library;
			String drawn = "";
			if (vary) {
				ImagingConditions.Draw draw = varied
						.draw(SeedStreams.stream(runSeed, SeedStreams.Purpose.CONDITIONS, 0));
				settings = draw.applyTo(settings);
				maps = draw.realTemplates() && templates != null ? library : phantoms;
				drawn = " [" + draw + "]";
			}
			SimulatedTomogram sim;
			try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
				progress.report("run " + run, 0);
				sim = new TomogramSimulator(settings, maps).simulate(l.layout(), progress);
				progress.report("writing " + run, 0);
				SimulatedRunWriter.WrittenRun w = writer.write(run, sim, overwrite);
				stdout.printf(Locale.ROOT, "run %s: %s (%dx%dx%d at %.4f A), %d particles in %s (user %s, session %s), "
						+ "%.1f s%s%n", run, w.tomogram(), shape[0], shape[1], shape[2], voxel, w.particles(),
						writer.project().picksFolder(run), SimulatedRunWriter.TRUTH_USER,
						SimulatedRunWriter.TRUTH_SESSION, (System.nanoTime() - t0) * 1e-9, drawn);
				stdout.flush();
			}
		}
		stdout.printf("CoPick config: %s%n", out.resolve(org.tomopick.io.copick.CopickProject.CONFIG_FILE));
		stdout.flush();
	}

	private TemplateLibrary templates(ParticleCatalog catalog) {
		if (templates == null)
			return PhantomTemplates.library(catalog, voxel);
		CliPaths.requireDirectory(templates, "--templates");
		TemplateFolder.Loaded loaded = TemplateFolder.load(templates, catalog, voxel);
		PrintWriter err = spec.commandLine().getErr();
		for (var c : catalog.classes())
			err.printf("  template %-20s %s%n", c.name(), loaded.classFiles().containsKey(c.name())
					? loaded.classFiles().get(c.name()).getFileName() : "(built-in phantom)");
		for (Path d : loaded.distractorFiles())
			err.printf("  distractor           %s%n", d.getFileName());
		err.flush();
		return loaded.library();
	}

	private record NamedLayout(String runName, ParticleLayout layout) {
	}

	private List<NamedLayout> layouts(ParticleCatalog catalog) {
		if (layout.equals("random"))
			return List.of(new NamedLayout(null, RandomParticleLayout.uniformMix(catalog, density)));
		if (!layout.startsWith("czii:"))
			throw new UserInputException("--layout must be random or czii:PICKS_ROOT[:RUN], was " + layout);
		RootAndRuns spec = RootAndRuns.parse(layout.substring("czii:".length()));
		CliPaths.requireDirectory(spec.root(), "--layout czii:");
		Map<String, List<Particle>> picks = new CopickPicksLoader(new CopickProject(spec.root()), catalog).load(null,
				null, spec.runs());
		List<NamedLayout> result = new ArrayList<>();
		picks.forEach((name, particles) -> result.add(new NamedLayout(name, new GivenParticleLayout(particles))));
		return result;
	}
}
