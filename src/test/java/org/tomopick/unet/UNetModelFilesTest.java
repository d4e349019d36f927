package org.tomopick.unet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.progress.Progress;

/** Model directories: exact round trip, and clear failures when parameters and sidecar do not belong together. */
class UNetModelFilesTest {

	@TempDir
	Path dir;

	private static final UNetSettings SETTINGS = UNetTestData.tinySettings(1, 1);

	@Test
	void saveAndLoadGiveIdenticalOutputs() {
		float[] input = randomWindow(7);
		float[] before;
		try (UNetModel model = UNetModel.create(UNetModelInfo.untrained(SETTINGS), 3)) {
			before = model.predictor().predict(input, 1, new int[] { 16, 16, 16 });
			model.save(dir.resolve("m"));
		}
		try (UNetModel loaded = UNetModel.load(dir.resolve("m"))) {
			float[] after = loaded.predictor().predict(input, 1, new int[] { 16, 16, 16 });
			assertArrayEquals(before, after, 0f);
			assertEquals(UNetModelInfo.untrained(SETTINGS).classes(), loaded.info().classes());
			assertEquals(SETTINGS.architecture(), loaded.info().architecture());
			assertEquals(20.0, loaded.info().voxelSizeAngstrom());
		}
	}

	@Test
	void differentSeedsGiveDifferentModels() {
		float[] input = randomWindow(8);
		try (UNetModel a = UNetModel.create(UNetModelInfo.untrained(SETTINGS), 1);
				UNetModel b = UNetModel.create(UNetModelInfo.untrained(SETTINGS), 2)) {
			float[] pa = a.predictor().predict(input, 1, new int[] { 16, 16, 16 });
			float[] pb = b.predictor().predict(input, 1, new int[] { 16, 16, 16 });
			boolean differ = false;
			for (int i = 0; i < pa.length && !differ; i++)
				differ = pa[i] != pb[i];
			assertTrue(differ);
		}
	}

	@Test
	void sidecarOfAnotherModelIsRejected() throws IOException {
		UNetSettings wider = SETTINGS.withArchitecture(SETTINGS.architecture().withBaseChannels(4));
		try (UNetModel a = UNetModel.create(UNetModelInfo.untrained(SETTINGS), 1);
				UNetModel b = UNetModel.create(UNetModelInfo.untrained(wider), 1)) {
			a.save(dir.resolve("a"));
			b.save(dir.resolve("b"));
		}
		Files.copy(dir.resolve("b").resolve(UNetModel.SIDECAR), dir.resolve("a").resolve(UNetModel.SIDECAR),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> UNetModel.load(dir.resolve("a")));
		assertTrue(e.getMessage().contains(UNetModel.PARAMETERS) && e.getMessage().contains("does not belong to"),
				e.getMessage());
	}

	@Test
	void editedArchitectureIsRejected() throws IOException {
		try (UNetModel a = UNetModel.create(UNetModelInfo.untrained(SETTINGS), 1)) {
			a.save(dir.resolve("a"));
		}
		Path sidecar = dir.resolve("a").resolve(UNetModel.SIDECAR);
		String json = Files.readString(sidecar);
		assertTrue(json.contains("\"base_channels\": 8"));
		Files.writeString(sidecar, json.replace("\"base_channels\": 8", "\"base_channels\": 4"));
		TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> UNetModel.load(dir.resolve("a")));
		assertTrue(e.getMessage().contains("do not fit the architecture"), e.getMessage());
	}

	@Test
	void notAModelDirectoryOrWrongFormatFailsClearly() throws IOException {
		TomoPickIoException missing = assertThrows(TomoPickIoException.class, () -> UNetModel.load(dir));
		assertTrue(missing.getMessage().contains("no " + UNetModel.SIDECAR), missing.getMessage());
		Files.writeString(dir.resolve(UNetModel.SIDECAR), "{\"format\": \"yolo\", \"format_version\": 1}");
		TomoPickIoException format = assertThrows(TomoPickIoException.class, () -> UNetModel.load(dir));
		assertTrue(format.getMessage().contains("format is 'yolo'"), format.getMessage());
	}

	@Test
	void tomogramsAreResampledButNotFromTooFarAVoxelSize() {
		try (UNetModel model = UNetModel.create(UNetModelInfo.untrained(SETTINGS), 1)) {
			UNetDetector detector = new UNetDetector(model, SETTINGS.tiling(), SETTINGS.peaks());
			DenseVolume v = DenseVolume.ofFloats(new int[] { 16, 16, 16 }, randomWindow(1));
			// 13 A is resampled to 20 A (WorkingGrid); 50 A is too coarse for a 20 A model
			detector.detect(v, 13.0, Progress.NONE);
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
					() -> detector.detect(v, 50.0, Progress.NONE));
			assertTrue(e.getMessage().contains("20.000 A") && e.getMessage().contains("50.000 A"), e.getMessage());
		}
	}

	private static float[] randomWindow(long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		float[] v = new float[16 * 16 * 16];
		for (int i = 0; i < v.length; i++)
			v[i] = (float) r.nextGaussian();
		return v;
	}
}
