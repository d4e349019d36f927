package org.tomopick.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.tomopick.grid.WorkingGrid;
import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.MemoryCheck;
import org.tomopick.io.VolumeSource;
import org.tomopick.io.mrc.MrcWriter;
import org.tomopick.io.zarr.OmeZarrWriter;
import org.tomopick.io.zarr.OmeZarrWriterSettings;
import org.tomopick.model.VoxelGeometry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tomopick convert}: MRC to OME-Zarr and (OME-)Zarr to MRC, optionally resampled to another voxel size by the
 * working grid's one rule ({@link WorkingGrid#resampled}). Positions stay where they were: an OME-Zarr output
 * records where its voxel 0 sits (the input level's translation plus the half block that resampling moves the voxel
 * centres); an MRC output has voxel 0 at 0 Å, as TomoPick reads every MRC, which moves positions by that shift (less
 * than half an output voxel), and says so.
 */
@Command(name = "convert", mixinStandardHelpOptions = true, description = { "Converts a tomogram between MRC and "
		+ "OME-Zarr. The output format follows OUT's name: .mrc/.map/.rec -> MRC2014, anything else (e.g. "
		+ "tomo.zarr) -> OME-Zarr v0.4 with a 2x pyramid. The element type is kept, except that a resampled volume "
		+ "is float32. --voxel-size resamples the volume; --set-voxel-size only corrects the voxel size an input is "
		+ "taken to have. The output is written to a temporary name and renamed into place; an existing OUT is "
		+ "refused unless --overwrite is given." })
final class ConvertCommand implements Runnable {

	/** How far apart two voxel sizes of one volume may be and still count as cubic voxels, relative. */
	private static final double CUBIC_TOLERANCE = 1e-3;

	@Parameters(index = "0", paramLabel = "IN", description = "MRC file, Zarr array or OME-Zarr group.")
	Path in;

	@Parameters(index = "1", paramLabel = "OUT", description = "Output .mrc file or .zarr folder.")
	Path out;

	@Option(names = "--level", paramLabel = "N", description = "Level of an OME-Zarr input to convert (default 0).")
	int level;

	@Option(names = "--levels", paramLabel = "N", description = "Pyramid levels of an OME-Zarr output (default "
			+ OmeZarrWriterSettings.DEFAULT_LEVELS + ").")
	int levels = OmeZarrWriterSettings.DEFAULT_LEVELS;

	@Option(names = "--chunk", paramLabel = "N", description = "Chunk edge of an OME-Zarr output (default "
			+ OmeZarrWriterSettings.DEFAULT_CHUNK_SIZE + ").")
	int chunk = OmeZarrWriterSettings.DEFAULT_CHUNK_SIZE;

	@Option(names = "--compressor", paramLabel = "NAME", description = "blosc-lz4 (default) or zlib.")
	String compressor = "blosc-lz4";

	@Option(names = "--voxel-size", paramLabel = "A", description = "Resample to this voxel size in Angstrom by the "
			+ "picker's working-grid rule: block means when A is within 10%% of a whole multiple of the input's voxel "
			+ "size (that multiple is then the size written), box resampling to exactly A otherwise, down to half the "
			+ "input's voxel size. A plain Zarr array, which stores no voxel size, is taken to be at A (nothing is "
			+ "resampled) unless --set-voxel-size gives its size.")
	Double voxelSize;

	@Option(names = "--set-voxel-size", paramLabel = "A", description = "The input's voxel size in Angstrom, for a "
			+ "plain Zarr array or a header whose value is wrong: only relabels, the voxels are not changed (with "
			+ "--voxel-size, resampling starts from this size).")
	Double setVoxelSize;

	@Option(names = "--overwrite", description = "Replace an existing OUT (only once the new one is complete).")
	boolean overwrite;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		CliPaths.requireExists(in, "IN");
		if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize()))
			throw new UserInputException("IN and OUT are the same path: " + in);
		if (Files.exists(out) && !overwrite)
			throw new UserInputException(out + " exists; use --overwrite to replace it");
		positive(voxelSize, "--voxel-size");
		positive(setVoxelSize, "--set-voxel-size");
		OmeZarrWriterSettings.Compressor codec = compressor();
		VolumeSource source = VolumeSource.open(in);
		Optional<VoxelGeometry> stored = source.geometry();
		double[] voxel = inputVoxelSizeZyx(stored);
		double[] translation = inputTranslationZyx(stored, voxel);
		double scale = scale(voxel);
		DenseVolume volume;
		String how = "";
		if (scale == 1) {
			volume = source.read(level);
			if (voxelSize != null && voxelSize != voxel[2])
				how = " (not resampled: " + angstrom(voxelSize) + " A is within 10% of the input's " + angstrom(voxel[2])
						+ " A)";
		} else {
			requireMemory(source, scale);
			volume = WorkingGrid.resampled(source.read(level), voxel[2], voxelSize);
			double shift = WorkingGrid.shiftAngstrom(voxel[2], scale);
			how = " (" + (scale == (int) scale ? "binned " + (int) scale + "x" : "box-resampled") + " from "
					+ angstrom(voxel[2]) + " A)";
			for (int a = 0; a < 3; a++) {
				voxel[a] = voxel[2] * scale;
				translation[a] += shift;
			}
		}
		write(volume, voxel, translation, codec);
		int[] s = volume.shape();
		spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d x %d x %d (z, y, x) %s at %.6g A%s%n", out, s[0],
				s[1], s[2], volume.dataType().numpyCode(), voxel[2], how);
		spec.commandLine().getOut().flush();
	}

	private void write(DenseVolume volume, double[] voxel, double[] translation,
			OmeZarrWriterSettings.Compressor codec) {
		if (VolumeSource.looksLikeMrc(out)) {
			MrcWriter.write(out, volume, voxel, new double[3]);
			double moved = Math.max(Math.abs(translation[0]), Math.max(Math.abs(translation[1]),
					Math.abs(translation[2])));
			if (moved > 0) // TomoPick reads every MRC with voxel 0 at 0 A (the header ORIGIN is not applied)
				spec.commandLine().getErr().printf(Locale.ROOT, "note: %s has voxel 0 at 0 A, where %s had it at "
						+ "%.4g, %.4g, %.4g A (z, y, x): positions move by up to %.4g A (%.2f voxel); write OME-Zarr to "
						+ "keep them exactly%n", out, in, translation[0], translation[1], translation[2], moved,
						moved / voxel[2]);
			return;
		}
		OmeZarrWriterSettings settings = OmeZarrWriterSettings.defaults(voxel[2]).withCompressor(codec)
				.withChunkSize(chunk).withLevels(levels).withTranslation(translation);
		// Ctrl-C stops between chunks: the temporary tree is removed, an existing OUT stays, exit code 130
		try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
			OmeZarrWriter.write(volume, out, settings, overwrite, progress);
		}
	}

	/** The input's voxel size (z, y, x): --set-voxel-size, else the stored one, else (plain Zarr) --voxel-size. */
	private double[] inputVoxelSizeZyx(Optional<VoxelGeometry> stored) {
		if (setVoxelSize != null)
			return new double[] { setVoxelSize, setVoxelSize, setVoxelSize };
		if (stored.isPresent())
			return stored.get().voxelSize(level);
		if (voxelSize != null)
			return new double[] { voxelSize, voxelSize, voxelSize };
		throw new UserInputException(in + " does not store its voxel size (plain Zarr array): give --set-voxel-size "
				+ "(or --voxel-size)");
	}

	/** Where the input level's voxel 0 sits (z, y, x, Å): its translation, scaled with a relabelled voxel size. */
	private double[] inputTranslationZyx(Optional<VoxelGeometry> stored, double[] voxel) {
		if (stored.isEmpty())
			return new double[3];
		double[] t = stored.get().translation(level), v = stored.get().voxelSize(level);
		for (int a = 0; a < 3; a++)
			t[a] *= voxel[a] / v[a];
		return t;
	}

	/** The working grid's scale from the input's voxel size to --voxel-size; 1 without it. */
	private double scale(double[] voxel) {
		if (voxelSize == null)
			return 1;
		for (int a = 0; a < 2; a++)
			if (Math.abs(voxel[a] - voxel[2]) > CUBIC_TOLERANCE * voxel[2])
				throw new UserInputException(String.format(Locale.ROOT, "%s: its voxels are not cubic (z, y, x: %.6g, "
						+ "%.6g, %.6g A); --voxel-size resamples cubic voxels only", in, voxel[0], voxel[1], voxel[2]));
		try {
			return WorkingGrid.scale(voxel[2], voxelSize);
		} catch (IllegalArgumentException e) {
			throw new UserInputException(in + ": cannot resample its " + angstrom(voxel[2]) + " A voxels to "
					+ angstrom(voxelSize) + " A: the resampling rule reaches from " + angstrom(voxel[2]
							* WorkingGrid.MIN_SCALE) + " A (half a voxel) to " + angstrom(voxel[2] * WorkingGrid.MAX_SCALE)
					+ " A, and beyond that only whole multiples of " + angstrom(voxel[2]) + " A");
		}
	}

	/** Refuses, before anything is read, a resampling that the heap cannot hold (input, float copy, output). */
	private void requireMemory(VolumeSource source, double scale) {
		int[] s = source.shape(level), o = WorkingGrid.resampledShape(s, scale);
		long inVoxels = (long) s[0] * s[1] * s[2], outVoxels = (long) o[0] * o[1] * o[2];
		String what = String.format(Locale.ROOT, "resampling %s (%d x %d x %d) to %.6g A (%d x %d x %d, float32)", in,
				s[0], s[1], s[2], voxelSize, o[0], o[1], o[2]);
		if (outVoxels > Integer.MAX_VALUE - 8)
			throw new UserInputException(what + " makes " + outVoxels + " voxels, too many to hold in memory at once: "
					+ "choose a larger --voxel-size, or crop it first");
		DataType type = source.dataType(level);
		MemoryCheck.requireHeap(inVoxels * type.bytes() + (type == DataType.FLOAT32 ? 0 : 4 * inVoxels)
				+ 4 * outVoxels, what);
	}

	/** A size in Ångström with at most 6 significant digits and no trailing zeros. */
	private static String angstrom(double value) {
		return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros()
				.toPlainString();
	}

	private static void positive(Double value, String option) {
		if (value != null && (!(value > 0) || value.isInfinite()))
			throw new UserInputException(option + " must be a positive number of Angstrom, was " + value);
	}

	private OmeZarrWriterSettings.Compressor compressor() {
		return switch (compressor.toLowerCase(Locale.ROOT)) {
		case "blosc-lz4", "blosc", "lz4" -> OmeZarrWriterSettings.Compressor.BLOSC_LZ4;
		case "zlib" -> OmeZarrWriterSettings.Compressor.ZLIB;
		default -> throw new UserInputException("--compressor must be blosc-lz4 or zlib, was " + compressor);
		};
	}
}
