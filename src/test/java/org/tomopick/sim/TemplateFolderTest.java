package org.tomopick.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.mrc.MrcWriter;
import org.tomopick.model.ParticleCatalog;

class TemplateFolderTest {

	private static final Path TEMPLATES = Path.of("../shared/data/templates");

	@TempDir
	Path tmp;

	@Test
	void theCziiTemplateSetMapsEverySpeciesAndKeepsTheRestAsDistractors() {
		TemplateFolder.Loaded loaded = TemplateFolder.load(TEMPLATES, ParticleCatalog.czii(), 10.012444);

		assertEquals(6, loaded.classFiles().size());
		assertEquals("8cpv.mrc", loaded.classFiles().get("apo-ferritin").getFileName().toString());
		assertEquals("6n4v.mrc", loaded.classFiles().get("virus-like-particle").getFileName().toString());
		assertEquals(List.of("8vaf.mrc"), loaded.distractorFiles().stream().map(p -> p.getFileName().toString())
				.toList());
		assertEquals(1, loaded.library().distractors().size());
		// 8cpv is a 52^3 box at 10 A (SOURCE.md)
		DensityTemplate apo = loaded.library().get("apo-ferritin");
		assertEquals(10.0, apo.voxelSizeAngstrom(), 1e-6);
		assertEquals(52, apo.toVolume().sizeX());
	}

	@Test
	void aClassNamedFileWinsAndMissingClassesKeepTheirPhantom() throws IOException {
		DenseVolume blob = DenseVolume.allocate(new int[] { 9, 9, 9 }, org.tomopick.io.DataType.FLOAT32);
		((float[]) blob.data())[blob.index(4, 4, 4)] = 1;
		MrcWriter.write(tmp.resolve("ribosome.mrc"), blob, new double[] { 20, 20, 20 }, new double[3]);
		ParticleCatalog catalog = ParticleCatalog.czii();
		TemplateLibrary phantoms = PhantomTemplates.library(catalog, 10);

		TemplateFolder.Loaded loaded = TemplateFolder.load(tmp, catalog, 10);

		assertEquals(1, loaded.classFiles().size());
		assertEquals(20.0, loaded.library().get("ribosome").voxelSizeAngstrom(), 1e-9);
		assertEquals(phantoms.get("apo-ferritin").supportRadius(), loaded.library().get("apo-ferritin").supportRadius());
		assertTrue(loaded.distractorFiles().isEmpty());
	}

	@Test
	void anEmptyOrMissingFolderIsAnErrorNamingIt() throws IOException {
		Path empty = Files.createDirectories(tmp.resolve("empty"));
		TomoPickIoException e = assertThrows(TomoPickIoException.class,
				() -> TemplateFolder.load(empty, ParticleCatalog.czii(), 10));
		assertTrue(e.getMessage().contains("empty") && e.getMessage().contains(".mrc"), e.getMessage());
		assertThrows(TomoPickIoException.class, () -> TemplateFolder.load(tmp.resolve("nope"), ParticleCatalog.czii(), 10));
	}
}
