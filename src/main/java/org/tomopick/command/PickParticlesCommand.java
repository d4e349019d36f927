package org.tomopick.command;

import java.io.File;
import java.util.List;
import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.tomopick.fuse.FusionSettings;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.Particle;
import org.tomopick.model.VoxelGeometry;
import org.tomopick.pipeline.PickingMode;
import org.tomopick.pipeline.PickingPipeline;
import org.tomopick.pipeline.PickingResult;
import org.tomopick.ui.FijiProgress;
import org.tomopick.ui.TomogramSession;

import ij.ImagePlus;
import ij.ImageStack;

/**
 * Plugins &gt; TomoPick &gt; Pick Particles: runs the picker (both branches and the fusion, or one of the ablation
 * modes) on the open tomogram with the models of a folder, and puts the particles on the view, where they can be
 * reviewed and edited. Progress in the status bar and a progress window; Cancel or Esc cancels.
 */
@Plugin(type = Command.class, menuPath = "Plugins>TomoPick>Pick Particles", headless = true,
		description = "Picks particles in the open tomogram with TomoPick's models")
public class PickParticlesCommand implements Command {

	@Parameter(label = "Tomogram")
	private ImagePlus image;

	@Parameter(label = "Models folder (empty: the models installed with TomoPick)", style = "directory",
			required = false)
	private File models;

	@Parameter(label = "Mode", choices = { "full", "unet", "yolo", "no-dbscan", "no-classifier" })
	private String mode = "full";

	@Parameter(label = "Use the thresholds tuned with the models", required = false)
	private boolean tuned_thresholds = true;

	@Parameter(label = "Confidence threshold (without tuned thresholds)", min = "0", max = "1")
	private double threshold = 0.5;

	@Parameter(label = "Replace the current particles", required = false, persist = false)
	private boolean replace;

	@Parameter(type = ItemIO.OUTPUT)
	private int particle_count;

	@Override
	public void run() {
		TomogramSession session = TomogramSession.require(image);
		VoxelGeometry g = session.geometry();
		int level = session.level();
		FusionSettings fusion = tuned_thresholds ? null : FusionSettings.defaults().withThresholds(threshold, Map.of());
		FijiProgress progress = new FijiProgress("Pick Particles");
		PickingResult result;
		try (PickingPipeline pipeline = PickingPipeline.load(CommandInputs.modelsOrInstalled(models),
				PickingMode.parse(mode), fusion)) {
			result = pipeline.pick(volume(image), g.voxelSize(level)[2], progress);
		} finally {
			progress.done();
		}
		// the pipeline measures from voxel 0 of the level it was given; the level's translation places that voxel
		double[] t = g.translation(level);
		List<Particle> picked = result.particles().stream()
				.map(p -> p.withPosition(p.x() + t[2], p.y() + t[1], p.z() + t[0])).toList();
		session.load(picked, replace);
		particle_count = picked.size();
	}

	/** The image's stack as one float volume (z, y, x); a virtual stack is read slice by slice. */
	static DenseVolume volume(ImagePlus image) {
		ImageStack stack = image.getStack();
		int nz = stack.getSize(), ny = stack.getHeight(), nx = stack.getWidth();
		float[] data = new float[nz * ny * nx];
		for (int z = 0; z < nz; z++) {
			float[] slice = (float[]) stack.getProcessor(z + 1).convertToFloatProcessor().getPixels();
			System.arraycopy(slice, 0, data, z * ny * nx, ny * nx);
		}
		return DenseVolume.ofFloats(new int[] { nz, ny, nx }, data);
	}
}
