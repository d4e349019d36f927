package org.tomopick.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tomopick.classify.TemplateScores;
import org.tomopick.classify.TemplateScores.WorkingMap;
import org.tomopick.io.DenseVolume;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.sim.DensityTemplate;
import org.tomopick.sim.TemplateFolder;

/**
 * The density maps of the classes, from a folder of MRC maps as {@code simulate --templates} reads it
 * ({@link TemplateFolder}), brought to the working voxel size for {@link TemplateScores}. Classes without a map in the
 * folder get none (their template scores are 0): a built-in phantom is no one's structure.
 */
public final class TemplateMaps {

	private TemplateMaps() {
	}

	public static Map<String, WorkingMap> read(Path folder, ParticleCatalog catalog, double workingAngstrom) {
		TemplateFolder.Loaded loaded = TemplateFolder.load(folder, catalog, workingAngstrom);
		Map<String, WorkingMap> maps = new LinkedHashMap<>();
		for (ParticleClass c : catalog.classes())
			if (loaded.classFiles().containsKey(c.name())) {
				DensityTemplate t = loaded.library().get(c.name());
				DenseVolume v = t.toVolume();
				maps.put(c.name(), WorkingMap.of(v.toFloatArray(), v.shape(), t.voxelSizeAngstrom(), workingAngstrom));
			}
		return maps;
	}

	public static TemplateScores scores(Path folder, ParticleCatalog catalog, double workingAngstrom) {
		return new TemplateScores(catalog.classes().stream().map(ParticleClass::name).toList(),
				read(folder, catalog, workingAngstrom), workingAngstrom);
	}
}
