package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.VolumeSource;
import org.tomopick.io.mrc.MrcWriter;
import org.tomopick.io.zarr.ZarrArrayMetadata;
import org.tomopick.io.zarr.ZarrArrayWriter;
import org.tomopick.io.zarr.codec.RawCodec;
import org.tomopick.model.VoxelGeometry;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code convert --voxel-size} resamples with the working grid's rule and keeps every position: three Gaussian blobs
 * placed at known Ångström positions in a 10 Å MRC are found, after resampling to 13.48 Å and 7.84 Å (box resampling)
 * and to 20 Å (2x block means), at the same place within half an output voxel, and exactly (to a fraction of the
 * shift that resampling moves voxel centres) in an OME-Zarr output, whose translation records that shift.
 */
class ConvertVoxelSizeTest {

	/** Blob centres (x, y, z) in Å, in a 40 x 48 x 56 (z, y, x) volume of 10 Å voxels: 0..390, 0..470, 0..550 Å. */
	private static final double[][] BLOBS = { { 151.3, 232.7, 168.4 }, { 402.5, 121.0, 250.0 },
			{ 300.0, 355.5, 110.0 } };
	private static final double SIGMA = 18;

	@TempDir
	Path tmp;

	private Path blobs() {
		int[] shape = { 40, 48, 56 };
		float[] v = new float[40 * 48 * 56];
		for (int z = 0, i = 0; z < shape[0]; z++)
			for (int y = 0; y < shape[1]; y++)
				for (int x = 0; x < shape[2]; x++, i++)
					for (double[] b : BLOBS) {
						double dx = 10 * x - b[0], dy = 10 * y - b[1], dz = 10 * z - b[2];
						v[i] += (float) (100 * Math.exp(-(dx * dx + dy * dy + dz * dz) / (2 * SIGMA * SIGMA)));
					}
		Path mrc = tmp.resolve("blobs.mrc");
		MrcWriter.write(mrc, DenseVolume.ofFloats(shape, v), new double[] { 10, 10, 10 }, new double[3]);
		return mrc;
	}

	/** The intensity-weighted centre (x, y, z Å) of the voxels within 60 Å (3.3 sigma) of where a blob was put. */
	private static double[] centre(DenseVolume volume, VoxelGeometry g, double[] near) {
		double[] sum = new double[3];
		double weight = 0;
		for (int z = 0; z < volume.sizeZ(); z++)
			for (int y = 0; y < volume.sizeY(); y++)
				for (int x = 0; x < volume.sizeX(); x++) {
					double[] p = { g.angstromX(0, x), g.angstromY(0, y), g.angstromZ(0, z) };
					double d2 = 0;
					for (int a = 0; a < 3; a++)
						d2 += (p[a] - near[a]) * (p[a] - near[a]);
					if (d2 > 60 * 60)
						continue;
					double w = volume.getDouble(z, y, x);
					for (int a = 0; a < 3; a++)
						sum[a] += w * p[a];
					weight += w;
				}
		return new double[] { sum[0] / weight, sum[1] / weight, sum[2] / weight };
	}

	/** Converts, checks the shape and voxel size (also as {@code info} reports them) and where each blob is. */
	private VoxelGeometry convertAndFindBlobs(Path in, String name, String voxelSize, int[] shape, double voxel,
			double tolerance) throws IOException {
		Path out = tmp.resolve(name);
		TomoPickCliTest.Run run = TomoPickCliTest.cli("convert", in.toString(), out.toString(), "--voxel-size",
				voxelSize);
		assertEquals(0, run.code(), run.err());
		Path json = tmp.resolve(name + ".json");
		assertEquals(0, TomoPickCliTest.cli("info", out.toString(), "--json", json.toString()).code());
		JsonObject info = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
		assertEquals(voxel, info.get("voxel_size").getAsDouble(), 1e-4, name);
		assertEquals("<f4", info.get("dtype").getAsString(), "a resampled volume is float32");
		VolumeSource source = VolumeSource.open(out);
		DenseVolume volume = source.read(0);
		assertArrayEquals(shape, volume.shape(), name);
		VoxelGeometry g = source.geometry().orElseThrow();
		for (double[] b : BLOBS) {
			double[] found = centre(volume, g, b);
			for (int a = 0; a < 3; a++)
				assertEquals(b[a], found[a], tolerance, name + ": blob at " + b[0] + ", " + b[1] + ", " + b[2]
						+ " axis " + "xyz".charAt(a));
		}
		return g;
	}

	@Test
	void resampledOmeZarrKeepsEveryPositionAndRecordsTheShift() throws IOException {
		Path in = blobs();
		// 10 -> 13.48 A: 1.348 is 0.35 from a whole factor (more than 10%): box resampling; 56 / 1.348 = 41.5 -> 42 x
		VoxelGeometry g = convertAndFindBlobs(in, "b13.zarr", "13.48", new int[] { 30, 36, 42 }, 13.48, 0.3);
		// output voxel 0 covers input voxels [0, 1.348): its centre is at (1.348 - 1) / 2 x 10 = 1.74 A
		assertArrayEquals(new double[] { 1.74, 1.74, 1.74 }, g.translation(0), 1e-9);
		assertArrayEquals(new double[] { 1.74 + 6.74, 1.74 + 6.74, 1.74 + 6.74 }, g.translation(1), 1e-9);
		// 10 -> 7.84 A (upsampling, 0.784 of a voxel): 56 / 0.784 = 71.4 -> 72; voxel 0 at (0.784 - 1) / 2 x 10
		g = convertAndFindBlobs(in, "b7.zarr", "7.84", new int[] { 52, 62, 72 }, 7.84, 0.3);
		assertArrayEquals(new double[] { -1.08, -1.08, -1.08 }, g.translation(0), 1e-9);
		// 10 -> 20 A: a whole factor, 2x block means; the block's centre is half an input voxel in
		g = convertAndFindBlobs(in, "b20.zarr", "20", new int[] { 20, 24, 28 }, 20, 0.3);
		assertArrayEquals(new double[] { 5, 5, 5 }, g.translation(0), 1e-9);
	}

	@Test
	void resampledMrcKeepsPositionsWithinHalfAVoxel() throws IOException {
		Path in = blobs();
		// MRC: voxel 0 at 0 A as TomoPick reads every MRC, so positions move by the shift (1.74 A, -1.08 A)
		VoxelGeometry g = convertAndFindBlobs(in, "b13.mrc", "13.48", new int[] { 30, 36, 42 }, 13.48, 13.48 / 2);
		assertArrayEquals(new double[3], g.translation(0));
		convertAndFindBlobs(in, "b7.mrc", "7.84", new int[] { 52, 62, 72 }, 7.84, 7.84 / 2);
		TomoPickCliTest.Run run = TomoPickCliTest.cli("convert", in.toString(), tmp.resolve("n.mrc").toString(),
				"--voxel-size", "13.48");
		assertTrue(run.err().contains("1.74"), "says how far positions move: " + run.err());
	}

	@Test
	void aPyramidLevelConvertedKeepsItsTranslation() throws IOException {
		Path pyramid = tmp.resolve("p.zarr"), level1 = tmp.resolve("l1.zarr");
		assertEquals(0, TomoPickCliTest.cli("convert", blobs().toString(), pyramid.toString()).code());
		assertEquals(0, TomoPickCliTest.cli("convert", pyramid.toString(), level1.toString(), "--level", "1").code());
		VolumeSource source = VolumeSource.open(level1);
		VoxelGeometry g = source.geometry().orElseThrow();
		// level 1 of a 10 A pyramid: 20 A voxels whose voxel 0 is the mean of input voxels 0 and 1, at 5 A
		assertArrayEquals(new double[] { 5, 5, 5 }, g.translation(0), 1e-9);
		DenseVolume volume = source.read(0);
		for (double[] b : BLOBS)
			assertArrayEquals(b, centre(volume, g, b), 0.3);
	}

	@Test
	void setVoxelSizeOnlyRelabels() throws IOException {
		Path in = blobs();
		Path out = tmp.resolve("relabelled.zarr");
		assertEquals(0, TomoPickCliTest.cli("convert", in.toString(), out.toString(), "--set-voxel-size", "12")
				.code());
		VolumeSource source = VolumeSource.open(out);
		assertArrayEquals(new double[] { 12, 12, 12 }, source.geometry().orElseThrow().voxelSize(0), 1e-12);
		assertArrayEquals(VolumeSource.open(in).read(0).toFloatArray(), source.read(0).toFloatArray(), 0f);

		// a plain Zarr array stores no voxel size: --voxel-size alone labels it (nothing to resample from) ...
		Path plain = tmp.resolve("plain.zarr");
		ZarrArrayWriter.write(VolumeSource.open(in).read(0), plain, new int[] { 16, 16, 16 }, new RawCodec(), false);
		Path labelled = tmp.resolve("labelled.mrc");
		TomoPickCliTest.Run run = TomoPickCliTest.cli("convert", plain.toString(), labelled.toString(),
				"--voxel-size", "10");
		assertEquals(0, run.code(), run.err());
		assertArrayEquals(new int[] { 40, 48, 56 }, VolumeSource.open(labelled).shape(0));
		// ... and with --set-voxel-size it is resampled from that size
		Path binned = tmp.resolve("binned.mrc");
		run = TomoPickCliTest.cli("convert", plain.toString(), binned.toString(), "--set-voxel-size", "10",
				"--voxel-size", "20");
		assertEquals(0, run.code(), run.err());
		assertArrayEquals(new int[] { 20, 24, 28 }, VolumeSource.open(binned).shape(0));
		assertArrayEquals(new double[] { 20, 20, 20 }, VolumeSource.open(binned).geometry().orElseThrow()
				.voxelSize(0), 1e-5);
	}

	@Test
	void sizesTheRuleCannotReachAreRefusedNamingTheFile() throws IOException {
		Path in = blobs();
		Path out = tmp.resolve("fine.mrc");
		// 4 A is 0.4 of a 10 A voxel: below half a voxel, and not a whole multiple
		TomoPickCliTest.Run run = TomoPickCliTest.cli("convert", in.toString(), out.toString(), "--voxel-size", "4");
		assertEquals(2, run.code());
		assertTrue(run.err().contains("blobs.mrc") && run.err().contains("cannot resample")
				&& run.err().contains("5 A"), run.err());
		assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
		assertFalse(Files.exists(out));
		for (String bad : new String[] { "0", "-3", "NaN", "Infinity" })
			assertEquals(2, TomoPickCliTest.cli("convert", in.toString(), out.toString(), "--voxel-size", bad).code(),
					bad);
	}

	@Test
	void anOutputLargerThanMemoryIsRefusedBeforeAnythingIsRead() throws IOException {
		// a 1200^3 plain Zarr array with no chunks: upsampled to 5 A it would be 2400^3 voxels
		Path store = Files.createDirectories(tmp.resolve("huge.zarr"));
		Files.writeString(store.resolve(".zarray"), new ZarrArrayMetadata(new int[] { 1200, 1200, 1200 },
				new int[] { 64, 64, 64 }, DataType.FLOAT32, ByteOrder.LITTLE_ENDIAN, 0, false, new RawCodec(), ".")
				.toJson());
		Path out = tmp.resolve("o.zarr");
		TomoPickCliTest.Run run = TomoPickCliTest.cli("convert", store.toString(), out.toString(), "--set-voxel-size",
				"10", "--voxel-size", "5");
		assertEquals(2, run.code());
		assertTrue(run.err().contains("huge.zarr") && run.err().contains("2400 x 2400 x 2400")
				&& run.err().contains("too many"), run.err());
		assertFalse(Files.exists(out));
	}
}
