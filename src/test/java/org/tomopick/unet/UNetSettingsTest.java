package org.tomopick.unet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Settings: defaults validate, bad values fail naming the field. */
class UNetSettingsTest {

	@Test
	void defaultsAreValidAndFollowTheIssue() {
		UNetSettings d = UNetSettings.defaults().validate();
		assertEquals(1e-4, d.training().learningRate());
		assertEquals(0.01, d.training().weightDecay());
		assertEquals(0.2, d.tiling().overlap());
		assertEquals(6, d.architecture().classCount());
		assertEquals(7, d.architecture().outputChannels());
	}

	@Test
	void badValuesNameTheirField() {
		UNetSettings d = UNetSettings.defaults();
		assertField("training.cropSize", () -> d.withTraining(d.training().withSteps(10, 60, 2)).validate());
		assertField("architecture.classCount",
				() -> d.withArchitecture(d.architecture().withClassCount(3)).validate());
		assertField("training.classWeights",
				() -> d.withTraining(d.training().withClassWeights(1, List.of(1.0, 2.0))).validate());
		assertField("tiling.overlap", () -> d.withTiling(d.tiling().withOverlap(0.95)).validate());
		assertField("training.learningRate",
				() -> d.withTraining(d.training().withOptimizer(0, 0.01, true)).validate());
		assertField("voxelSizeAngstrom", () -> d.withVoxelSize(-1).validate());
	}

	@Test
	void cosineScheduleFallsFromTheRateToOnePercent() {
		CosineSchedule s = new CosineSchedule(1e-4, 0.01, 100, 0, true);
		assertEquals(1e-4, s.at(0), 1e-12);
		assertEquals(1e-6 + (1e-4 - 1e-6) * 0.5, s.at(50), 1e-12);
		assertEquals(1e-6, s.at(100), 1e-12);
		// a resumed run continues: DJL's first update (count 1) after 40 steps is step 40
		assertEquals(s.at(40), new CosineSchedule(1e-4, 0.01, 100, 40, true).getNewValue(1), 1e-9);
		assertEquals(1e-4, new CosineSchedule(1e-4, 0.01, 100, 0, false).at(70), 1e-12);
	}

	private static void assertField(String field, Runnable r) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
		assertTrue(e.getMessage().contains(field), e.getMessage());
	}
}
