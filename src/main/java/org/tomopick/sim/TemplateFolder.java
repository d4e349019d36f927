package org.tomopick.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.mrc.MrcReader;
import org.tomopick.io.mrc.MrcVolume;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;

/**
 * Density templates read from a folder of MRC maps (positive = protein, particle centred in a cubic box). The map
 * of a class is, in this order of preference: {@code <class name>.mrc}; the file that the CZII/polnet template set
 * uses for that species ({@link #CZII_TEMPLATE_FILES}); {@code <pdb id>.mrc} of the class. Classes with no map
 * keep the built-in phantom. Every other {@code .mrc} in the folder becomes a distractor (a protein that is not a
 * target), such as {@code 8vaf.mrc}. The map's voxel size comes from its header.
 */
public final class TemplateFolder {

	/** Species -> map file of the CZII template set (../shared/data/templates, from polnet). */
	public static final Map<String, String> CZII_TEMPLATE_FILES = Map.of("apo-ferritin", "8cpv.mrc", "beta-amylase",
			"1fa2.mrc", "beta-galactosidase", "6drv.mrc", "ribosome", "6qzp.mrc", "thyroglobulin", "7n4y.mrc",
			"virus-like-particle", "6n4v.mrc");

	/** The library and which file each class got (absent: phantom). */
	public record Loaded(TemplateLibrary library, Map<String, Path> classFiles, List<Path> distractorFiles) {
	}

	private TemplateFolder() {
	}

	public static Loaded load(Path folder, ParticleCatalog catalog, double voxelSizeAngstrom) {
		if (!Files.isDirectory(folder))
			throw new TomoPickIoException(folder, "templates folder does not exist or is not a folder");
		Map<String, Path> byLowerName = new LinkedHashMap<>();
		for (Path p : mrcFiles(folder))
			byLowerName.put(p.getFileName().toString().toLowerCase(Locale.ROOT), p);
		if (byLowerName.isEmpty())
			throw new TomoPickIoException(folder, "templates folder holds no .mrc files");
		TemplateLibrary library = PhantomTemplates.library(catalog, voxelSizeAngstrom);
		Map<String, Path> classFiles = new LinkedHashMap<>();
		Set<Path> used = new HashSet<>();
		for (ParticleClass c : catalog.classes()) {
			Optional<Path> file = fileFor(c, byLowerName);
			if (file.isPresent()) {
				library = library.with(c.name(), read(file.get()));
				classFiles.put(c.name(), file.get());
				used.add(file.get());
			}
		}
		List<DensityTemplate> distractors = new ArrayList<>();
		List<Path> distractorFiles = new ArrayList<>();
		for (Path p : byLowerName.values())
			if (!used.contains(p)) {
				distractors.add(read(p));
				distractorFiles.add(p);
			}
		if (!distractors.isEmpty())
			library = library.withDistractors(distractors);
		return new Loaded(library, classFiles, distractorFiles);
	}

	private static Optional<Path> fileFor(ParticleClass c, Map<String, Path> byLowerName) {
		List<String> candidates = new ArrayList<>();
		candidates.add(c.name().toLowerCase(Locale.ROOT) + ".mrc");
		if (CZII_TEMPLATE_FILES.containsKey(c.name()))
			candidates.add(CZII_TEMPLATE_FILES.get(c.name()));
		if (!c.pdbId().isEmpty())
			candidates.add(c.pdbId().toLowerCase(Locale.ROOT) + ".mrc");
		return candidates.stream().map(byLowerName::get).filter(p -> p != null).findFirst();
	}

	private static DensityTemplate read(Path file) {
		MrcVolume mrc = MrcReader.read(file);
		double[] vs = mrc.voxelSizeZyx();
		if (Math.abs(vs[0] - vs[2]) > 1e-3 * vs[2] || Math.abs(vs[1] - vs[2]) > 1e-3 * vs[2])
			throw new TomoPickIoException(file, "template voxels are not cubic: " + vs[0] + ", " + vs[1] + ", " + vs[2]);
		try {
			return new DensityTemplate(mrc.volume().toFloat32(), vs[2]);
		} catch (IllegalArgumentException e) {
			throw new TomoPickIoException(file, e.getMessage(), e);
		}
	}

	private static List<Path> mrcFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mrc"))
					.filter(Files::isRegularFile).sorted().toList();
		} catch (IOException e) {
			throw new TomoPickIoException(folder, "cannot list templates: " + e.getMessage(), e);
		}
	}
}
