package org.tomopick.io.mrc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.tomopick.io.DataType;

/** Reads the real density templates in ../shared/data/templates (see SOURCE.md there). */
class MrcTemplatesTest {

	static final Path TEMPLATES = Path.of("../shared/data/templates");

	static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.list(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".mrc")).sorted().toList();
		}
	}

	@Test
	void sevenTemplatesArePresent() throws IOException {
		assertEquals(7, templates().size());
	}

	@Test
	void apoFerritinTemplateIs52CubedAt10Angstrom() {
		MrcVolume v = MrcReader.read(TEMPLATES.resolve("8cpv.mrc"));
		assertArrayEquals(new int[] { 52, 52, 52 }, v.volume().shape()); // SOURCE.md: 52^3
		assertArrayEquals(new double[] { 10, 10, 10 }, v.voxelSizeZyx(), 1e-6);
		assertEquals(DataType.FLOAT32, v.volume().dataType());
	}

	@Test
	void everyTemplateMatchesItsHeaderReadByHand() throws IOException {
		for (Path file : templates()) {
			ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
			int nx = h.getInt(0), ny = h.getInt(4), nz = h.getInt(8);
			assertEquals(2, h.getInt(12), file + " mode");
			float vx = h.getFloat(40) / h.getInt(28);
			MrcVolume v = MrcReader.read(file);
			assertArrayEquals(new int[] { nz, ny, nx }, v.volume().shape(), file.toString());
			assertEquals(vx, v.voxelSizeZyx()[2], 1e-6, file.toString());
			assertEquals(10, v.voxelSizeZyx()[0], 1e-6, file.toString()); // SOURCE.md: 10 A voxels
			assertTrue(nx == ny && ny == nz, file + " is a cubic box");
			// the first and the centre voxel as stored
			int centre = (nz / 2 * ny + ny / 2) * nx + nx / 2;
			assertEquals(h.getFloat(1024 + h.getInt(92)), v.volume().getDouble(0), 0, file.toString());
			assertEquals(h.getFloat(1024 + h.getInt(92) + 4 * centre), v.volume().getDouble(centre), 0,
					file.toString());
		}
	}
}
