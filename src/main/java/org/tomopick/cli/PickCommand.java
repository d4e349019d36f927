package org.tomopick.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tomopick.batch.BatchSettings;
import org.tomopick.batch.PickedRun;
import org.tomopick.batch.RunPicker;
import org.tomopick.fuse.FusionSettings;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.pipeline.CopickTomograms;
import org.tomopick.pipeline.PickingMode;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.pipeline.PickingResult;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.zarr.OmeZarrWriter;
import org.tomopick.io.zarr.OmeZarrWriterSettings;
import org.tomopick.unet.ProbabilityMaps;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tomopick pick}: the picker on tomograms, writing CoPick picks. */
@Command(name = "pick", mixinStandardHelpOptions = true, description = { "Picks particles: reads each tomogram, runs "
		+ "the branches the mode needs and the fusion, and writes CoPick picks "
		+ "(OUT/ExperimentRuns/<run>/Picks/<user>_<session>_<class>.json, one file per class, written atomically)." })
final class PickCommand implements Runnable {

	@Option(names = "--input", required = true, paramLabel = "ROOT[:RUN]|CONFIG[:RUN]|ZARR|MRC", description = "A "
			+ "CoPick project, as its folder or its copick_config.json (static and overlay roots as copick resolves "
			+ "them; all runs, or one with :RUN), an OME-Zarr tomogram or an MRC file (its run: --run, else the CoPick "
			+ "run folder it sits in, else its file name).")
	String input;

	@Mixin
	PickOptions options;

	@Option(names = "--heatmap", paramLabel = "DIR", description = "Also write the UNet's class probability maps: "
			+ "DIR/<run>/<class>.zarr (OME-Zarr, float32, at the UNet's working voxel size).")
	Path heatmap;

	@Option(names = "--run", paramLabel = "NAME", description = "Run name of the picks of a single tomogram file "
			+ "(default: the CoPick run folder the file sits in, else the file's name).")
	String runName;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		BatchSettings settings = options.settings(input, false);
		PickingMode pickingMode = settings.pickingMode();
		FusionSettings fusion = settings.fusion();
		ParticleCatalog catalog = ParticleCatalog.czii();
		Map<String, Path> tomograms = tomograms(settings.tomoType());
		CopickProject target = CopickProject.open(settings.outPath());
		String user = settings.user(), session = settings.session();
		// every name the output needs is checked before any picking: a bad --user is not found out an hour later
		for (String run : tomograms.keySet())
			for (ParticleClass c : catalog.classes())
				target.picksPath(run, user, session, c.name());
		PrintWriter stdout = spec.commandLine().getOut();
		try (PickingPipeline pipeline = PickingPipeline.load(settings.modelsPath(), pickingMode, fusion);
				ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
			RunPicker picker = new RunPicker(pipeline, target, user, session, catalog);
			for (Map.Entry<String, Path> e : tomograms.entrySet()) {
				String run = e.getKey();
				PickedRun picked = picker.pick(run, e.getValue(), progress,
						heatmap == null ? null : outputs -> writeHeatmaps(heatmap.resolve(run), outputs.unetMaps()));
				PickingResult result = picked.result();
				stdout.printf(Locale.ROOT, "run %s: %d particles (%s; UNet %d, YOLO %d candidates) -> %s (%s/%s)%n",
						run, result.particles().size(), pickingMode, result.unetCandidates(),
						result.yoloCandidates(), target.picksFolder(run), user, session);
				StringBuilder timing = new StringBuilder(String.format(Locale.ROOT, "  seconds: read %.2f",
						picked.readSeconds()));
				result.stageSeconds().forEach((k, v) -> timing.append(String.format(Locale.ROOT, ", %s %.2f", k, v)));
				timing.append(String.format(Locale.ROOT, ", total %.2f", picked.totalSeconds()));
				stdout.println(timing);
				stdout.flush();
			}
		}
	}

	private static void writeHeatmaps(Path dir, ProbabilityMaps maps) {
		if (maps == null)
			throw new UserInputException("--heatmap needs the UNet branch (mode full, unet, no-dbscan or no-classifier)");
		double vs = maps.geometry().voxelSize(0)[2];
		for (int k = 0; k < maps.classes().size(); k++)
			OmeZarrWriter.write(DenseVolume.ofFloats(maps.shape(), maps.map(k)),
					dir.resolve(maps.classes().get(k).name() + ".zarr"), OmeZarrWriterSettings.defaults(vs), true);
	}

	/** Run name -> tomogram path, in order; {@code tomoType} chooses among the tomograms of a CoPick run. */
	private Map<String, Path> tomograms(String tomoType) {
		RootAndRuns spec = RootAndRuns.parse(input);
		Path path = spec.root();
		String runs = spec.runs().isEmpty() ? null : String.join(",", spec.runs());
		CliPaths.requireExists(path, "--input");
		Map<String, Path> out = new LinkedHashMap<>();
		if (CopickProject.isProject(path)) {
			if (runName != null)
				throw new UserInputException("--run names the run of a single tomogram file; select runs of a "
						+ "CoPick project with --input ROOT:RUN");
			CopickTomograms project = new CopickTomograms(path, tomoType);
			List<String> chosen = spec.runs().isEmpty() ? project.project().runs() : spec.runs();
			if (chosen.isEmpty())
				throw new UserInputException("--input " + path + ": the project has no runs");
			for (String r : chosen)
				out.put(r, project.tomogramPath(r));
			return out;
		}
		if (runs != null)
			throw new UserInputException("--input " + path + " is not a CoPick project (no ExperimentRuns, no "
					+ CopickProject.CONFIG_FILE + "), so :" + runs + " cannot select a run");
		out.put(runName != null ? runName : runOf(path), path);
		return out;
	}

	/**
	 * The run a single tomogram belongs to: the CoPick run folder it sits in
	 * ({@code ExperimentRuns/<run>/VoxelSpacing<vs>/<type>.zarr}), else the file's name without its extension.
	 */
	static String runOf(Path tomogram) {
		Path abs = tomogram.toAbsolutePath().normalize();
		Path spacing = abs.getParent(), run = spacing == null ? null : spacing.getParent();
		Path runs = run == null ? null : run.getParent();
		if (runs != null && runs.getFileName() != null && runs.getFileName().toString().equals("ExperimentRuns")
				&& spacing.getFileName().toString().startsWith("VoxelSpacing"))
			return run.getFileName().toString();
		String name = abs.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}
