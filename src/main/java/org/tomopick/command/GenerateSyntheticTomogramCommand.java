package org.tomopick.command;

import java.io.File;
import java.nio.file.Path;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomopick.io.copick.CopickConfig;
import org.tomopick.io.copick.CopickConfigCodec;
import org.tomopick.io.copick.CopickPicksWriter;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.zarr.OmeZarrWriter;
import org.tomopick.io.zarr.OmeZarrWriterSettings;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.VoxelGeometry;
import org.tomopick.sim.PhantomTemplates;
import org.tomopick.sim.RandomParticleLayout;
import org.tomopick.sim.SimulatedTomogram;
import org.tomopick.sim.SimulationSettings;
import org.tomopick.sim.TomogramSimulator;
import org.tomopick.ui.CopickRunRef;
import org.tomopick.ui.StatusBarProgress;
import org.tomopick.ui.TomogramImages;
import org.tomopick.ui.TomogramSession;
import org.tomopick.ui.TomogramWindow;

import ij.ImagePlus;

/**
 * Plugins &gt; TomoPick &gt; Generate Synthetic Tomogram: simulates a tomogram with the six CZII species (built-in
 * phantom templates) at random positions, and writes it into a CoPick project: the tomogram as OME-Zarr
 * ({@code VoxelSpacing<size>/<tomo_type>.zarr}), the truth as picks of user {@code truth_user}, session 0, and a
 * {@code copick_config.json} if the project has none. The main simulator settings are parameters; the others keep
 * their defaults.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TomoPick>Generate Synthetic Tomogram", headless = true,
		description = "Simulates a tomogram with known particles and writes it as a CoPick run")
public class GenerateSyntheticTomogramCommand implements Command {

	@Parameter(label = "CoPick project folder (output)", style = "directory")
	private File output;

	@Parameter(label = "Run name")
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

	@Parameter(label = "Random seed")
	private long seed = 1;

	@Parameter(label = "Tomogram type", required = false)
	private String tomo_type = "wbp";

	@Parameter(label = "Truth picks user", required = false)
	private String truth_user = "simulation";

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
		StatusBarProgress progress = new StatusBarProgress("Synthetic tomogram");
		SimulatedTomogram sim = new TomogramSimulator(settings, PhantomTemplates.library(catalog, voxel_size))
				.simulate(RandomParticleLayout.uniformMix(catalog, density), progress);
		progress.done();

		Path root = output.toPath();
		CopickProject project = new CopickProject(root);
		Path tomogram = project.tomogramPath(run, voxel_size, tomo_type);
		OmeZarrWriter.write(sim.tomogram(), tomogram, OmeZarrWriterSettings.defaults(voxel_size), true);
		CopickPicksWriter.writeRun(project, run, truth_user, "0", voxel_size, sim.truth(), catalog);
		Path config = root.resolve("copick_config.json");
		if (!config.toFile().exists())
			CopickConfigCodec.write(config, CopickConfig.fromCatalog("TomoPick synthetic", root.toString(), catalog));

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
