package org.tomopick.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.tomopick.io.DenseVolume;
import org.tomopick.io.VolumeSource;
import org.tomopick.io.mrc.MrcWriter;
import org.tomopick.io.zarr.OmeZarrWriter;
import org.tomopick.io.zarr.OmeZarrWriterSettings;
import org.tomopick.model.VoxelGeometry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tomopick convert}: MRC to OME-Zarr and (OME-)Zarr to MRC. */
@Command(name = "convert", mixinStandardHelpOptions = true, description = { "Converts a tomogram between MRC and "
		+ "OME-Zarr. The output format follows OUT's name: .mrc/.map/.rec -> MRC2014, anything else (e.g. "
		+ "tomo.zarr) -> OME-Zarr v0.4 with a 2x pyramid. The element type is kept. The output is written to a "
		+ "temporary name and renamed into place; an existing OUT is refused unless --overwrite is given." })
final class ConvertCommand implements Runnable {

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

	@Option(names = "--voxel-size", paramLabel = "A", description = "Voxel size in Angstrom, for inputs that do not "
			+ "store one (plain Zarr arrays); overrides the input's otherwise.")
	Double voxelSize;

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
		VolumeSource source = VolumeSource.open(in);
		double[] voxel = voxelSizeZyx(source);
		DenseVolume volume = source.read(level);
		if (VolumeSource.looksLikeMrc(out)) {
			MrcWriter.write(out, volume, voxel, new double[3]);
		} else {
			OmeZarrWriterSettings settings = OmeZarrWriterSettings.defaults(voxel[2]).withCompressor(compressor())
					.withChunkSize(chunk).withLevels(levels);
			// Ctrl-C stops between chunks: the temporary tree is removed, an existing OUT stays, exit code 130
			try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
				OmeZarrWriter.write(volume, out, settings, overwrite, progress);
			}
		}
		int[] s = volume.shape();
		spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d x %d x %d (z, y, x) %s at %.6g A%n", out, s[0],
				s[1], s[2], volume.dataType().numpyCode(), voxel[2]);
		spec.commandLine().getOut().flush();
	}

	private double[] voxelSizeZyx(VolumeSource source) {
		if (voxelSize != null) {
			if (!(voxelSize > 0) || voxelSize.isInfinite())
				throw new UserInputException("--voxel-size must be > 0, was " + voxelSize);
			return new double[] { voxelSize, voxelSize, voxelSize };
		}
		VoxelGeometry g = source.geometry().orElseThrow(() -> new UserInputException(
				in + " does not store its voxel size (plain Zarr array): give --voxel-size"));
		return g.voxelSize(level);
	}

	private OmeZarrWriterSettings.Compressor compressor() {
		return switch (compressor.toLowerCase(Locale.ROOT)) {
		case "blosc-lz4", "blosc", "lz4" -> OmeZarrWriterSettings.Compressor.BLOSC_LZ4;
		case "zlib" -> OmeZarrWriterSettings.Compressor.ZLIB;
		default -> throw new UserInputException("--compressor must be blosc-lz4 or zlib, was " + compressor);
		};
	}
}
