package org.tomopick.command;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.command.Command;
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
 * on it; optionally with the run's existing picks of a user/session.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TomoPick>Open Tomogram", headless = true,
		description = "Opens a tomogram (OME-Zarr, Zarr, MRC or a CoPick run) for particle review")
public class OpenTomogramCommand implements Command {

	@Parameter(label = "Tomogram or CoPick project", description = "OME-Zarr group or array folder, MRC file, "
			+ "or a CoPick overlay root / config file", style = "both", persist = false)
	private File path;

	@Parameter(label = "Run (CoPick)", required = false, description = "empty: the first run", persist = false)
	private String run = "";

	@Parameter(label = "Voxel spacing (A, CoPick)", required = false, description = "0: the finest")
	private double voxel_spacing;

	@Parameter(label = "Tomogram type (CoPick)", required = false,
			description = "empty: denoised, else wbp, else the first")
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
		TomogramLocator.Located located = TomogramLocator.locate(path.toPath(), run, voxel_spacing, tomo_type);
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
			List<Particle> picks = new CopickPicksLoader(located.copickRun().project(), catalog)
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

	private static String titleOf(TomogramLocator.Located located) {
		Path name = located.volume().getFileName();
		return located.copickRun() == null ? name.toString() : located.copickRun().run() + " " + name;
	}
}
