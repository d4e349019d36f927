package org.tomopick.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.fuse.FusedParticle;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;
import org.tomopick.pipeline.ClassifierTraining.TomogramExamples;

class ExamplesCacheTest {

	@TempDir
	Path tmp;

	@Test
	void examplesComeBackAsWrittenAndAForeignFileIsRefused() throws Exception {
		ParticleCatalog catalog = ParticleCatalog.czii();
		TomogramExamples ex = new TomogramExamples("run_1",
				List.of(new FusedParticle(catalog.get("ribosome"), 1.5, 2.5, 3.5, 0.7, 1.2, 2, 3),
						new FusedParticle(catalog.get("apo-ferritin"), 10, 20, 30, 0.1, 0.1, 0, 1)),
				new double[][] { { 1, 2, 3 }, { -4, 5.25, Double.MAX_VALUE } }, new int[] { 4, 0 },
				List.of(new Particle(catalog.get("ribosome"), 1, 2, 3, 1, Provenance.IMPORTED)));
		Path file = tmp.resolve("train.examples");
		ExamplesCache.write(file, List.of(ex), 3);
		TomogramExamples back = ExamplesCache.read(file, catalog, 3).get(0);
		assertEquals("run_1", back.name());
		assertEquals(ex.proposals(), back.proposals());
		assertArrayEquals(ex.labels(), back.labels());
		assertArrayEquals(ex.rows()[1], back.rows()[1], 0);
		assertEquals(1, back.truth().size());
		assertEquals(2.0, back.truth().get(0).y(), 0);

		TomoPickIoException other = assertThrows(TomoPickIoException.class, () -> ExamplesCache.read(file, catalog, 4));
		assertTrue(other.getMessage().contains("3 features") && other.getMessage().contains(file.toString()),
				other.getMessage());
		Files.writeString(file, "not examples");
		assertThrows(TomoPickIoException.class, () -> ExamplesCache.read(file, catalog, 3));
	}
}
