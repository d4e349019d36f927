package org.tomopick.io.zarr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Writes a {@link DenseVolume} as an OME-NGFF 0.4 multiscale group readable by zarr-python and the CZII tools:
 * {@code .zgroup}, {@code .zattrs} with one multiscale (axes z, y, x in Angstrom), and arrays {@code 0},
 * {@code 1}, ... each 2x mean-binned from the one before ({@link PyramidBinner}). Level L has voxel size
 * {@code vs * 2^L} and translation {@code t0 + vs * (2^L - 1) / 2} along every axis (t0 the level-0 translation of
 * the settings, usually 0), so that the centre of a binned voxel sits at the centre of the voxels it averages. The group is built in a temporary sibling directory and renamed into
 * place.
 */
public final class OmeZarrWriter {

	private OmeZarrWriter() {
	}

	/**
	 * @param overwrite whether an existing {@code target} may be replaced; it is removed only after the new group is
	 *                  complete
	 */
	public static void write(DenseVolume volume, Path target, OmeZarrWriterSettings settings, boolean overwrite) {
		write(volume, target, settings, overwrite, org.tomopick.progress.Progress.NONE);
	}

	/**
	 * As above, reporting per level and stopping between chunks when {@code progress} asks to cancel: the temporary
	 * tree is removed and an existing target stays as it was.
	 */
	public static void write(DenseVolume volume, Path target, OmeZarrWriterSettings settings, boolean overwrite,
			org.tomopick.progress.Progress progress) {
		DirectoryCommit.write(target, overwrite, dir -> writeInto(volume, dir, settings, target, progress));
	}

	private static void writeInto(DenseVolume volume, Path dir, OmeZarrWriterSettings settings, Path target,
			org.tomopick.progress.Progress progress) {
		int c = settings.chunkSize();
		DenseVolume level = volume;
		for (int l = 0; l < settings.levels(); l++) {
			if (l > 0)
				level = PyramidBinner.bin2(level);
			Path levelDir = dir.resolve(Integer.toString(l));
			try {
				Files.createDirectory(levelDir);
			} catch (IOException e) {
				throw new TomoPickIoException(target, "cannot write level " + l + ": " + e.getMessage(), e);
			}
			progress.report("writing level " + l, (double) l / settings.levels());
			ZarrArrayWriter.writeInto(level, levelDir, new int[] { c, c, c }, settings.compressor().codec(), progress);
		}
		try {
			Files.writeString(dir.resolve(".zgroup"), "{\n    \"zarr_format\": 2\n}\n", StandardCharsets.UTF_8);
			Files.writeString(dir.resolve(".zattrs"), zattrs(settings, target.getFileName().toString()),
					StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new TomoPickIoException(target, "cannot write group metadata: " + e.getMessage(), e);
		}
	}

	static String zattrs(OmeZarrWriterSettings settings, String name) {
		JsonArray axes = new JsonArray();
		for (String a : new String[] { "z", "y", "x" }) {
			JsonObject axis = new JsonObject();
			axis.addProperty("name", a);
			axis.addProperty("type", "space");
			axis.addProperty("unit", "angstrom");
			axes.add(axis);
		}
		JsonArray datasets = new JsonArray();
		for (int l = 0; l < settings.levels(); l++) {
			double factor = Math.pow(2, l);
			double scale = settings.voxelSizeAngstrom() * factor;
			double shift = settings.voxelSizeAngstrom() * (factor - 1) / 2;
			double[] t0 = settings.translationZyx();
			JsonObject s = new JsonObject();
			s.addProperty("type", "scale");
			s.add("scale", triple(scale, scale, scale));
			JsonObject t = new JsonObject();
			t.addProperty("type", "translation");
			t.add("translation", triple(t0[0] + shift, t0[1] + shift, t0[2] + shift));
			JsonArray transforms = new JsonArray();
			transforms.add(s);
			transforms.add(t);
			JsonObject ds = new JsonObject();
			ds.addProperty("path", Integer.toString(l));
			ds.add("coordinateTransformations", transforms);
			datasets.add(ds);
		}
		JsonObject multiscale = new JsonObject();
		multiscale.addProperty("version", "0.4");
		multiscale.addProperty("name", name);
		multiscale.add("axes", axes);
		multiscale.add("datasets", datasets);
		multiscale.addProperty("type", "mean");
		JsonObject metadata = new JsonObject();
		metadata.addProperty("description", "2x mean binning, odd edges averaged over the voxels present");
		metadata.addProperty("writer", "TomoPick");
		multiscale.add("metadata", metadata);
		JsonArray multiscales = new JsonArray();
		multiscales.add(multiscale);
		JsonObject root = new JsonObject();
		root.add("multiscales", multiscales);
		return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(root) + "\n";
	}

	private static JsonArray triple(double z, double y, double x) {
		JsonArray a = new JsonArray();
		a.add(z);
		a.add(y);
		a.add(x);
		return a;
	}
}
