package org.tomopick.unet;

import java.util.ArrayList;
import java.util.List;

import org.tomopick.grid.Normalisation;
import org.tomopick.grid.WorkingGrid;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;

/** A training example at the working voxel size: normalised volume, label volume and particle centres in voxels. */
record PreparedExample(TrainingExample source, WorkingGrid volume, byte[] labels, List<double[]> centres) {

	static PreparedExample of(TrainingExample e, UNetSettings settings, Normalisation normalisation) {
		WorkingGrid v = WorkingGrid.prepare(e.tomogram(), e.voxelSizeAngstrom(), settings.voxelSizeAngstrom(),
				normalisation);
		ParticleCatalog classes = settings.classes();
		byte[] labels = SphereTargets.paint(v.shape(), v.geometry(), e.truth(), classes,
				settings.training().sphereFraction());
		List<double[]> centres = new ArrayList<>();
		for (Particle p : e.truth())
			if (classes.find(p.type().name()).isPresent())
				centres.add(new double[] { v.geometry().voxelZ(0, p.z()), v.geometry().voxelY(0, p.y()),
						v.geometry().voxelX(0, p.x()) });
		return new PreparedExample(e, v, labels, centres);
	}
}
