package org.tomopick.io.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.VoxelGeometry;

/** OME-NGFF multiscale metadata: the shared CZII-layout fixture, units, translations, and plain arrays. */
class OmeZarrGroupTest {

	static final Path OME = ZarrFixturesTest.FIXTURES.resolve("ome_multiscale.zarr");

	@TempDir
	Path tmp;

	@Test
	void cziiLayoutFixtureHasThreeLevelsOfDoublingVoxelSize() {
		OmeZarrGroup group = OmeZarrGroup.open(OME);
		assertTrue(group.isMultiscale());
		assertEquals(3, group.levels());
		VoxelGeometry g = group.geometry().orElseThrow();
		assertArrayEquals(new double[] { 10.012444, 10.012444, 10.012444 }, g.voxelSize(0), 1e-12);
		assertArrayEquals(new double[] { 40.049776, 40.049776, 40.049776 }, g.voxelSize(2), 1e-12);
		assertArrayEquals(new double[3], g.translation(1));
		assertEquals(10.012444, group.voxelSizeAngstrom().getAsDouble(), 1e-12);
		assertEquals(1, group.levelForVoxelSize(20));
		assertEquals(2, group.levelForVoxelSize(1000));
		assertArrayEquals(new int[] { 11, 17, 24 }, group.level(1).shape());
		assertEquals("2", group.levelPath(2));
	}

	@Test
	void plainArrayIsOneLevelOfUnknownVoxelSize() {
		OmeZarrGroup group = OmeZarrGroup.open(ZarrFixturesTest.FIXTURES.resolve("zlib.zarr"));
		assertFalse(group.isMultiscale());
		assertEquals(1, group.levels());
		assertTrue(group.geometry().isEmpty());
		assertTrue(group.voxelSizeAngstrom().isEmpty());
		assertEquals(0, group.levelForVoxelSize(10));
		assertArrayEquals(new int[] { 21, 34, 47 }, group.level(0).shape());
	}

	private Path groupWith(String axes, String transforms) throws IOException {
		Path dir = tmp.resolve("g");
		Files.createDirectories(dir);
		Files.writeString(dir.resolve(".zgroup"), "{\"zarr_format\": 2}");
		Files.writeString(dir.resolve(".zattrs"), "{\"multiscales\": [{\"version\": \"0.4\", \"axes\": " + axes
				+ ", \"datasets\": [{\"path\": \"0\", \"coordinateTransformations\": " + transforms + "}]}]}");
		return dir;
	}

	private static String axes(String unit) {
		String u = unit == null ? "" : ", \"unit\": \"" + unit + "\"";
		return "[{\"name\": \"z\", \"type\": \"space\"" + u + "}, {\"name\": \"y\", \"type\": \"space\"" + u
				+ "}, {\"name\": \"x\", \"type\": \"space\"" + u + "}]";
	}

	@Test
	void unitsAreConvertedToAngstromAndTranslationsKept() throws IOException {
		String t = "[{\"type\": \"scale\", \"scale\": [1.5, 1.0, 0.5]}, "
				+ "{\"type\": \"translation\", \"translation\": [3.0, 0.0, -1.0]}]";
		VoxelGeometry nm = OmeZarrGroup.open(groupWith(axes("nanometer"), t)).geometry().orElseThrow();
		assertArrayEquals(new double[] { 15, 10, 5 }, nm.voxelSize(0), 1e-12);
		assertArrayEquals(new double[] { 30, 0, -10 }, nm.translation(0), 1e-12);
		VoxelGeometry um = OmeZarrGroup.open(groupWith(axes("micrometer"), t)).geometry().orElseThrow();
		assertArrayEquals(new double[] { 1.5e4, 1e4, 0.5e4 }, um.voxelSize(0), 1e-9);
		VoxelGeometry none = OmeZarrGroup.open(groupWith(axes(null), t)).geometry().orElseThrow();
		assertArrayEquals(new double[] { 1.5, 1, 0.5 }, none.voxelSize(0), 1e-12);
	}

	@Test
	void unknownUnitsAndAxesFailNamingThem() throws IOException {
		String t = "[{\"type\": \"scale\", \"scale\": [1, 1, 1]}]";
		Path parsec = groupWith(axes("parsec"), t);
		TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> OmeZarrGroup.open(parsec));
		assertTrue(e.getMessage().contains("parsec") && e.getMessage().contains(".zattrs"), e.getMessage());
		Path tzyx = groupWith("[\"t\", \"y\", \"x\"]", t);
		e = assertThrows(TomoPickIoException.class, () -> OmeZarrGroup.open(tzyx));
		assertTrue(e.getMessage().contains("'t'"), e.getMessage());
		Path empty = tmp.resolve("empty");
		Files.createDirectories(empty);
		e = assertThrows(TomoPickIoException.class, () -> OmeZarrGroup.open(empty));
		assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
	}

	@Test
	void namesThatAreNotStringsAndPathsOutsideTheGroupFailNamingTheFile() throws IOException {
		String t = "[{\"type\": \"scale\", \"scale\": [1, 1, 1]}]";
		for (String axes : new String[] { "[{\"name\": {\"a\": 1}}, \"y\", \"x\"]", "[[\"z\"], \"y\", \"x\"]",
				"[{\"name\": \"z\", \"unit\": {\"u\": 1}}, \"y\", \"x\"]" }) {
			Path g = groupWith(axes, t);
			TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> OmeZarrGroup.open(g), axes);
			assertTrue(e.getMessage().contains(".zattrs") && e.getMessage().contains("must be a string"),
					e.getMessage());
		}
		Path type = groupWith(axes(null), "[{\"type\": {\"x\": 1}}]");
		assertTrue(assertThrows(TomoPickIoException.class, () -> OmeZarrGroup.open(type)).getMessage()
				.contains("transform type must be a string"));
		for (String path : new String[] { "../other.zarr", "/etc", "0/../../x", "", "./0", "a\\b" }) {
			Path dir = tmp.resolve("p");
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(".zattrs"), "{\"multiscales\": [{\"version\": \"0.4\", \"datasets\": "
					+ "[{\"path\": \"" + path.replace("\\", "\\\\") + "\", \"coordinateTransformations\": " + t
					+ "}]}]}");
			TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> OmeZarrGroup.open(dir), path);
			assertTrue(e.getMessage().contains(".zattrs") && e.getMessage().contains("inside the group"),
					e.getMessage());
		}
	}

	@Test
	void aDatasetThatIsALinkOutOfTheStoreIsNotRead() throws IOException {
		Path outside = tmp.resolve("outside.zarr");
		OmeZarrWriter.write(org.tomopick.io.DenseVolume.ofFloats(new int[] { 2, 2, 2 }, new float[8]), outside,
				OmeZarrWriterSettings.defaults(10), false);
		Path store = tmp.resolve("store.zarr");
		OmeZarrWriter.write(org.tomopick.io.DenseVolume.ofFloats(new int[] { 2, 2, 2 }, new float[8]), store,
				OmeZarrWriterSettings.defaults(10), false);
		// a link inside the store, to another folder inside it, is fine
		Files.move(store.resolve("0"), store.resolve("level0"));
		Files.createSymbolicLink(store.resolve("0"), Path.of("level0"));
		assertEquals(2, OmeZarrGroup.open(store).level(0).shape()[0]);
		// a link out of it is not followed
		Files.delete(store.resolve("0"));
		Files.createSymbolicLink(store.resolve("0"), outside.resolve("0"));
		TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> OmeZarrGroup.open(store).level(0));
		assertTrue(e.getMessage().contains(".zattrs") && e.getMessage().contains("leads out of the store"),
				e.getMessage());
	}
}
