package org.tomopick.command;

import java.io.File;
import java.nio.file.Path;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.VoxelGeometry;
import org.tomopick.sim.PhantomTemplates;
import org.tomopick.sim.RandomParticleLayout;
import org.tomopick.sim.SimulatedRunWriter;
import org.tomopick.sim.SimulatedTomogram;
import org.tomopick.sim.SimulationSettings;
import org.tomopick.sim.TemplateFolder;
import org.tomopick.sim.TemplateLibrary;
import org.tomopick.sim.TomogramSimulator;
import org.tomopick.ui.CopickRunRef;
import org.tomopick.ui.FijiProgress;
import org.tomopick.ui.TomogramImages;
import org.tomopick.ui.TomogramSession;
import org.tomopick.ui.TomogramWindow;

import ij.ImagePlus;

/**
 * Plugins &gt; TomoPick &gt; Generate Synthetic Tomogram: simulates a tomogram with the six CZII species (built-in
 * phantom templates, or the MRC maps of a folder) at random positions, and writes it into a CoPick project with
 * {@link SimulatedRunWriter}: the tomogram as OME-Zarr ({@code VoxelSpacing<size>/<tomo_type>.zarr}), the truth as
 * picks of user {@code truth_user} (default curation), session 0, and a {@code copick_config.json} if the project
 * has none. The main simulator settings are parameters; the others keep
 * their defaults.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TomoPick>Generate Synthetic Tomogram", headless = true,
		description = "Simulates a tomogram with known particles and writes it as a CoPick run")
public class GenerateSyntheticTomogramCommand implements Command {

	@Parameter(label = "CoPick project folder (output)", style = "directory", persist = false)
	private File output;

	@Parameter(label = "Run name", persist = false)
	private String run = "sim_0";

	@Parameter(label = "Size x (voxels)", min = "8")
	private int size_x = 630;

	@Parameter(label = "Size y (voxels)", min = "8")
	private int size_y = 630;

	@Parameter(label = "Size z (voxels)", min = "8")
	private int size_z = 184;

	@Parameter(label = "Voxel size (A)")
	private double voxel_size = SimulationSettings.CZII_VOXEL_SIZE;

	@Parameter(label = "Particles per cubic micrometre of ice")
	private double density = 4000;

	@Parameter(label = "Largest tilt (degrees)")
	private double max_tilt = 60;

	@Parameter(label = "Tilt step (degrees)")
	private double tilt_step = 3;

	@Parameter(label = "Total dose (e-/A^2)")
	private double dose = 100;

	@Parameter(label = "Distractors and crowders", required = false)
	private boolean context = true;

	@Parameter(label = "Density maps folder (MRC; empty: built-in phantoms)", required = false)
	private String templates = "";

	@Parameter(label = "Random seed")
	private long seed = 1;

	@Parameter(label = "Tomogram type", required = false)
	private String tomo_type = "wbp";

	@Parameter(label = "Truth picks user", required = false, persist = false)
	private String truth_user = SimulatedRunWriter.TRUTH_USER;

	@Parameter(label = "Show the review window", required = false)
	private boolean show = true;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus image;

	@Parameter(type = ItemIO.OUTPUT)
	private String tomogram_path;

	@Parameter(type = ItemIO.OUTPUT)
	private int particle_count;

	@Override
	public void run() {
		ParticleCatalog catalog = ParticleCatalog.czii();
		SimulationSettings d = SimulationSettings.defaults();
		SimulationSettings settings = d.withShape(size_z, size_y, size_x).withVoxelSize(voxel_size).withSeed(seed)
				.withTilts(d.tilts().withRange(max_tilt, tilt_step).withTotalDose(dose))
				.withSample(context ? d.sample() : d.sample().withoutContext()).validate();
		TemplateLibrary library = templates == null || templates.isBlank()
				? PhantomTemplates.library(catalog, voxel_size)
				: TemplateFolder.load(Path.of(templates), catalog, voxel_size).library();
		FijiProgress progress = new FijiProgress("Synthetic tomogram");
		SimulatedTomogram sim;
		try {
			sim = new TomogramSimulator(settings, library).simulate(RandomParticleLayout.uniformMix(catalog, density),
					progress);
		} finally {
			progress.done();
		}

		Path root = output.toPath();
		Path tomogram = new SimulatedRunWriter(root, catalog, tomo_type, truth_user).write(run, sim, true).tomogram();

		VoxelGeometry geometry = VoxelGeometry.isotropic(voxel_size, 1);
		image = TomogramImages.ofVolume(sim.tomogram(), geometry, 0, run + " " + tomo_type + ".zarr");
		TomogramSession session = TomogramSession.start(image, geometry, 0, catalog,
				new CopickRunRef(root, run, voxel_size));
		session.load(sim.truth(), true);
		tomogram_path = tomogram.toString();
		particle_count = sim.truth().size();
		if (show && CommandInputs.canShowWindows())
			TomogramWindow.show(session);
	}
}
