package org.tomopick.command;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.DynamicCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomopick.io.VolumeSource;
import org.tomopick.io.copick.CopickPicksLoader;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.VoxelGeometry;
import org.tomopick.ui.TomogramImages;
import org.tomopick.ui.TomogramSession;
import org.tomopick.ui.TomogramWindow;

import ij.ImagePlus;

/**
 * Plugins &gt; TomoPick &gt; Open Tomogram: opens an OME-Zarr group or array, an MRC file or a tomogram of a
 * CoPick run as an ImageJ stack (Zarr lazily, chunk-cached) calibrated in Angstrom, with the particle review view
 * on it; optionally with the run's existing picks of a user/session. The view opens at the middle slice.
 * <p>
 * For a CoPick project the dialog lists its runs, then the chosen run's voxel spacings and tomogram types
 * ({@link OpenTomogramChoices}, filled in by SciJava's initializer and callbacks: a {@link DynamicCommand}); a
 * macro gives the same keys as text ({@code run=TS_5_4 voxel_spacing=10.012 tomo_type=denoised}), and a value the
 * project lacks fails naming the project and what it has.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TomoPick>Open Tomogram", headless = true,
		initializer = "listChoices",
		description = "Opens a tomogram (OME-Zarr, Zarr, MRC or a CoPick run) for particle review")
public class OpenTomogramCommand extends DynamicCommand {

	@Parameter(label = "Tomogram or CoPick project", description = "OME-Zarr group or array folder, MRC file, "
			+ "or a CoPick project: its folder or its copick_config.json", style = "both", persist = false,
			callback = "pathChanged")
	private File path;

	@Parameter(label = "Run (CoPick)", required = false, persist = false, callback = "runChanged",
			description = "the runs of the CoPick project above; in a macro: empty for the first")
	private String run = "";

	@Parameter(label = "Voxel spacing (A, CoPick)", required = false, persist = false,
			callback = "voxelSpacingChanged",
			description = "the run's voxel spacings; in a macro: a number, empty or 0 for the finest")
	private String voxel_spacing = "";

	@Parameter(label = "Tomogram type (CoPick)", required = false, persist = false,
			description = "the tomogram types at that spacing; in a macro: empty for denoised, else wbp, else first")
	private String tomo_type = "";

	@Parameter(label = "Pyramid level", min = "0")
	private int level;

	@Parameter(label = "Voxel size if the file has none (A)", required = false, min = "0")
	private double voxel_size = 10.012444;

	@Parameter(label = "Load existing picks (CoPick)", required = false)
	private boolean load_picks;

	@Parameter(label = "Picks user", required = false, description = "empty: the only user there is", persist = false)
	private String picks_user = "";

	@Parameter(label = "Picks session", required = false,
			description = "empty: the only session there is", persist = false)
	private String picks_session = "";

	@Parameter(label = "Show the review window", required = false)
	private boolean show = true;

	@Parameter(required = false)
	private LogService log;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus image;

	@Parameter(type = ItemIO.OUTPUT)
	private int particle_count;

	@Override
	public void run() {
		TomogramLocator.Located located = TomogramLocator.locate(path.toPath(), run, voxelSpacing(), tomo_type);
		VolumeSource source = VolumeSource.open(located.volume());
		VoxelGeometry geometry = source.geometry()
				.orElseGet(() -> VoxelGeometry.isotropic(CommandInputs.positive(voxel_size, "voxel_size"), 1));
		if (level < 0 || level >= source.levels())
			throw new IllegalArgumentException("level " + level + " does not exist in " + located.volume()
					+ "; levels are 0.." + (source.levels() - 1));
		image = TomogramImages.open(source, level, geometry, titleOf(located));
		image.setSlice(Math.max(1, (image.getStackSize() + 1) / 2)); // the middle of the ice, not its top
		ParticleCatalog catalog = ParticleCatalog.czii();
		TomogramSession session = TomogramSession.start(image, geometry, level, catalog, located.copickRun());
		if (load_picks) {
			if (located.copickRun() == null)
				throw new IllegalArgumentException("load_picks needs a CoPick project; " + path
						+ " is a plain tomogram file (use Import Picks)");
			String runName = located.copickRun().run();
			List<Particle> picks = new CopickPicksLoader(located.project(), catalog) // a run of the static root too
					.load(CommandInputs.orNull(picks_user), CommandInputs.orNull(picks_session), List.of(runName))
					.get(runName);
			session.load(picks, true);
		}
		particle_count = session.particles().size();
		if (show && CommandInputs.canShowWindows())
			TomogramWindow.show(session);
		if (log != null)
			log.info("TomoPick: opened " + located.volume() + " level " + level + " with " + particle_count
					+ " particles");
	}

	/** The voxel_spacing text as Angstrom: empty or 0 for the finest. */
	private double voxelSpacing() {
		if (voxel_spacing == null || voxel_spacing.isBlank())
			return 0;
		double value;
		try {
			value = Double.parseDouble(voxel_spacing.strip());
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("voxel_spacing: '" + voxel_spacing + "' is not a number", e);
		}
		if (!(value >= 0) || Double.isInfinite(value))
			throw new IllegalArgumentException("voxel_spacing must be 0 (the finest) or a positive number, was "
					+ voxel_spacing);
		return value;
	}

	// -- the lists of a CoPick project in Fiji's dialog (SciJava calls these while the user chooses) --

	/** Lists what the inputs name when the command starts; blank choices become their defaults, given ones stay. */
	private void listChoices() {
		offer(OpenTomogramChoices.of(path, run, voxel_spacing, tomo_type));
	}

	private void pathChanged() {
		offer(OpenTomogramChoices.of(path, "", "", ""));
	}

	private void runChanged() {
		offer(OpenTomogramChoices.of(path, run, "", ""));
	}

	private void voxelSpacingChanged() {
		offer(OpenTomogramChoices.of(path, run, voxel_spacing, ""));
	}

	private void offer(OpenTomogramChoices choices) {
		getInfo().getMutableInput("run", String.class).setChoices(choices.runs());
		getInfo().getMutableInput("voxel_spacing", String.class).setChoices(choices.voxelSpacings());
		getInfo().getMutableInput("tomo_type", String.class).setChoices(choices.tomoTypes());
		run = choices.run();
		voxel_spacing = choices.voxelSpacing();
		tomo_type = choices.tomoType();
	}

	private static String titleOf(TomogramLocator.Located located) {
		Path name = located.volume().getFileName();
		return located.copickRun() == null ? name.toString() : located.copickRun().run() + " " + name;
	}
}
