package org.tomopick.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;

class ScoreHistogramTest {

	@Test
	void binsScoresFromZeroToOne() {
		var ribosome = ParticleCatalog.czii().get("ribosome");
		List<Particle> ps = List.of(0.0, 0.04, 0.05, 0.5, 0.999, 1.0, 1.7, -0.2).stream()
				.map(s -> new Particle(ribosome, 0, 0, 0, s, Provenance.FUSED)).toList();
		int[] expected = new int[ScoreHistogram.BINS];
		expected[0] = 3; // 0, 0.04 and -0.2 (clamped)
		expected[1] = 1; // 0.05
		expected[10] = 1; // 0.5
		expected[19] = 3; // 0.999, 1.0 and 1.7 (clamped)
		assertArrayEquals(expected, ScoreHistogram.bin(ps));
	}
}
