package org.tomopick.yolo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.grid.Normalisation;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.nn.DjlRuntime;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/** Save/load gives identical outputs; a wrong pairing of parameters and sidecar fails naming the file. */
class YoloModelFileTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();

	private static YoloSettings tiny(int width) {
		return YoloSettings.defaults().withArchitecture(new YoloArchitecture(width, 1, 1, 6)).withSliceStride(2);
	}

	private static float[][] outputs(YoloModel model, float[] input) {
		try (NDManager m = model.manager().newSubManager()) {
			NDList out = model.net().forward(new ParameterStore(m, false),
					new NDList(m.create(input, new Shape(2, 3, 64, 64))), false);
			return new float[][] { out.get(0).toFloatArray(), out.get(1).toFloatArray(), out.get(2).toFloatArray() };
		}
	}

	@Test
	void saveAndLoadGiveIdenticalOutputs(@TempDir Path dir) throws Exception {
		DjlRuntime.configure(2);
		float[] input = new float[2 * 3 * 64 * 64];
		java.util.SplittableRandom r = new java.util.SplittableRandom(1);
		for (int i = 0; i < input.length; i++)
			input[i] = (float) r.nextGaussian();
		Path file = dir.resolve("yolo.params");
		float[][] before;
		try (YoloModel model = YoloModel.create(tiny(6), CZII)) {
			before = outputs(model, input);
			YoloModelFile.save(model, file, null);
		}
		assertTrue(Files.isRegularFile(dir.resolve("yolo.json")));
		try (YoloModel loaded = YoloModelFile.load(dir.resolve("yolo.json"))) {
			float[][] after = outputs(loaded, input);
			for (int s = 0; s < 3; s++)
				assertArrayEquals(before[s], after[s], 0f);
			assertEquals(tiny(6).architecture(), loaded.settings().architecture());
			assertEquals(2, loaded.settings().sliceStride());
			assertEquals(CZII.classes(), loaded.catalog().classes());
			assertEquals(Normalisation.WHITENED, loaded.settings().normalisation());
		}
		// the first YOLO files described the robust z-score in words: they are read as that normalisation
		String json = Files.readString(dir.resolve("yolo.json"));
		assertTrue(json.contains("\"whitened-bandpass\""), json);
		Files.writeString(dir.resolve("yolo.json"), json.replace("\"whitened-bandpass\"",
				"\"robust-z: (v - median) / (1.4826 * MAD), clipped to +-5\""));
		try (YoloModel legacy = YoloModelFile.load(dir.resolve("yolo.json"))) {
			assertEquals(Normalisation.ROBUST_Z, legacy.settings().normalisation());
		}
	}

	@Test
	void wrongPairingFailsClearly(@TempDir Path dir) throws Exception {
		DjlRuntime.configure(2);
		Path a = dir.resolve("a.params"), b = dir.resolve("b.params");
		try (YoloModel ma = YoloModel.create(tiny(6), CZII); YoloModel mb = YoloModel.create(tiny(9), CZII)) {
			YoloModelFile.save(ma, a, null);
			YoloModelFile.save(mb, b, null);
		}
		Files.copy(b, a, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> YoloModelFile.load(a));
		assertTrue(e.getMessage().contains("a.params") && e.getMessage().contains("a.json"), e.getMessage());

		Files.writeString(dir.resolve("c.json"), "{\"format\": \"something-else\", \"formatVersion\": 1}");
		Files.write(dir.resolve("c.params"), new byte[] { 1, 2, 3 });
		TomoPickIoException f = assertThrows(TomoPickIoException.class, () -> YoloModelFile.load(dir.resolve("c.params")));
		assertTrue(f.getMessage().contains("c.json"), f.getMessage());
	}

	@Test
	void settingsRejectBadFieldsByName() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> YoloSettings.defaults().withSliceStride(0).validate());
		assertTrue(e.getMessage().contains("sliceStride"), e.getMessage());
		IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> YoloSettings.defaults()
				.withTraining(YoloTrainingSettings.defaults().withCropSize(100)).validate());
		assertTrue(c.getMessage().contains("training.cropSize"), c.getMessage());
	}

	@Test
	void lossPhasesFollowThePaper() {
		LossPhaseSchedule s = LossPhaseSchedule.defaults();
		LossPhaseSchedule.LossWeights early = s.at(0.1), mid = s.at(0.5), late = s.at(0.9);
		assertTrue(early.localisation() > early.classification(), "localisation first");
		assertTrue(mid.classification() > early.classification(), "classification raised mid-training");
		assertEquals(early.localisation(), mid.localisation());
		assertEquals(late.localisation(), late.classification());
		assertEquals(late.classification(), late.iou());
	}
}
