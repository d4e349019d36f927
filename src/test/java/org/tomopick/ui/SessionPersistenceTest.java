package org.tomopick.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.copick.CopickPicksReader;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.zarr.OmeZarrGroup;
import org.tomopick.io.zarr.OmeZarrWriter;
import org.tomopick.io.zarr.OmeZarrWriterSettings;
import org.tomopick.io.zarr.ZarrPlaneReader;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;
import org.tomopick.model.VoxelGeometry;

import ij.ImagePlus;

/** Unsaved-edit tracking, the autosave, the particle table and the chunk-cached stack, headless. */
class SessionPersistenceTest {

	@TempDir
	Path dir;

	private static final ParticleCatalog CZII = ParticleCatalog.czii();

	private static TomogramSession session(CopickRunRef run) {
		ImagePlus image = TomogramImages.ofVolume(DenseVolume.allocate(new int[] { 10, 32, 32 },
				org.tomopick.io.DataType.FLOAT32), VoxelGeometry.isotropic(10, 1), 0, "t");
		return TomogramSession.start(image, VoxelGeometry.isotropic(10, 1), 0, CZII, run);
	}

	@Test
	void autosaveWritesCopickPicksOnlyWhenThereAreNewEdits() {
		CopickRunRef run = new CopickRunRef(dir, "TS_1", 10);
		TomogramSession s = session(run);
		s.load(List.of(new Particle(CZII.get("ribosome"), 100, 100, 50, 0.8, Provenance.IMPORTED)), true);
		assertFalse(s.unsaved().hasUnsavedEdits(), "loaded picks are the saved state");
		try (PicksAutosaver autosaver = new PicksAutosaver(s, run, PicksAutosaver.Settings.defaults(), e -> {
			throw e;
		})) {
			assertTrue(autosaver.saveIfNeeded().isEmpty(), "nothing to write before any edit");
			s.actions().chooseClass(1);
			s.actions().add(150, 160, 40);
			assertTrue(s.unsaved().hasUnsavedEdits());
			List<Path> written = autosaver.saveIfNeeded();
			assertEquals(6, written.size(), "one file per class");
			Path apo = new CopickProject(dir).picksPath("TS_1", "tomopick", "autosave", "apo-ferritin");
			List<Particle> read = CopickPicksReader.read(apo, CZII).particles();
			assertEquals(1, read.size());
			assertEquals(150, read.get(0).x());
			assertEquals(1, CopickPicksReader.read(new CopickProject(dir).picksPath("TS_1", "tomopick",
					"autosave", "ribosome"), CZII).particles().size());
			assertTrue(autosaver.saveIfNeeded().isEmpty(), "no new edits since the last autosave");
			assertTrue(s.unsaved().hasUnsavedEdits(), "an autosave is not a save");
			s.unsaved().markSaved();
			assertFalse(s.unsaved().hasUnsavedEdits());
		}
	}

	/** With a display the table model refreshes on the Swing thread: wait for it. */
	private static void flushSwing() throws Exception {
		if (!java.awt.GraphicsEnvironment.isHeadless())
			javax.swing.SwingUtilities.invokeAndWait(() -> {
			});
	}

	@Test
	void tableListsShownParticlesWithTheirFields() throws Exception {
		TomogramSession s = session(null);
		ParticleTableModel model = new ParticleTableModel(s.particles()).attach();
		long a = s.particles().add(new Particle(CZII.get("thyroglobulin"), 12.34, 20, 30, 0.25, Provenance.UNET));
		long b = s.particles().add(new Particle(CZII.get("apo-ferritin"), 1, 2, 3, 0.9, Provenance.FUSED));
		flushSwing();
		assertEquals(2, model.getRowCount());
		assertEquals(List.of(a, "thyroglobulin", 12.3, 20.0, 30.0, 0.25, "unet"),
				List.of(model.getValueAt(0, 0), model.getValueAt(0, 1), model.getValueAt(0, 2), model.getValueAt(0, 3),
						model.getValueAt(0, 4), model.getValueAt(0, 5), model.getValueAt(0, 6)));
		model.setSettings(ParticleDisplaySettings.defaults().withMinScore(0.5));
		assertEquals(1, model.getRowCount(), "the score threshold also filters the table");
		assertEquals(b, model.idAt(0));
		s.particles().remove(b);
		flushSwing();
		assertEquals(0, model.getRowCount());
	}

	@Test
	void zarrStackReadsEachChunkLayerOnceWhileScrolling() {
		int[] shape = { 20, 12, 16 };
		float[] values = new float[20 * 12 * 16];
		for (int i = 0; i < values.length; i++)
			values[i] = i * 0.5f;
		Path zarr = dir.resolve("t.zarr");
		OmeZarrWriter.write(DenseVolume.ofFloats(shape, values), zarr,
				OmeZarrWriterSettings.defaults(10).withChunkSize(8).withLevels(1), false);
		// chunks of 8 x 8 x 8: four chunks per z layer (2 x 2 in y-x); the cache keeps eight chunks, two layers
		ZarrSliceStack stack = new ZarrSliceStack(new ZarrPlaneReader(OmeZarrGroup.open(zarr).level(0), 8L * 8 * 8 * 8
				* Float.BYTES));
		assertEquals(20, stack.getSize());
		for (int n = 1; n <= 20; n++) {
			float[] plane = (float[]) stack.getProcessor(n).getPixels();
			float[] expected = new float[12 * 16];
			System.arraycopy(values, (n - 1) * 12 * 16, expected, 0, expected.length);
			assertArrayEquals(expected, plane, "slice " + n);
		}
		ZarrPlaneReader reader = stack.planeReader();
		assertEquals(12, reader.chunkDecodes(), "z chunks of 8: layers 0-7, 8-15, 16-19, four chunks each");
		stack.getProcessor(12);
		assertEquals(12, reader.chunkDecodes(), "layer 8-15 is still cached");
		stack.getProcessor(1);
		assertEquals(16, reader.chunkDecodes(), "only two layers are kept: layer 0-7 was dropped");
		assertSame(reader, TomogramImages.planeReaderOf(new ij.ImagePlus("t", stack)),
				"the side views read through the same cache");
	}

	@Test
	void autosavesOfACopickRunGoToAProjectOfTheirOwnNeverIntoTheRunsProject(@org.junit.jupiter.api.io.TempDir Path dir) {
		CopickRunRef run = new CopickRunRef(dir.resolve("truth-project"), "TS_1", 10.0);
		CopickRunRef autosave = TomogramWindow.inAutosaveFolder(run);
		assertTrue(!autosave.root().startsWith(run.root()), autosave.root().toString());
		assertTrue(autosave.root().getFileName().toString().startsWith("truth-project-"), autosave.root().toString());
		org.junit.jupiter.api.Assertions.assertEquals("TS_1", autosave.run());
		org.junit.jupiter.api.Assertions.assertEquals(autosave, TomogramWindow.inAutosaveFolder(run), "stable");
		assertTrue(autosave.root().startsWith(Path.of(System.getProperty("tomopick.autosave.dir"))),
				"the build points the autosaves of the tests into target/: " + autosave.root());
	}
}
