package org.tomopick.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.tomopick.io.VolumeSource;
import org.tomopick.io.formats.RunGeometry;
import org.tomopick.pipeline.CopickTomograms;

import picocli.CommandLine.Option;

/**
 * Where the export and import commands get a run's pixel size and tomogram size (their shared options, a picocli
 * mixin): {@code --pixel-size} (and {@code --tomogram-size}) when given, else the run's tomogram in a CoPick project
 * (its finest voxel spacing, its stored voxel size and shape).
 */
final class PickFormatGeometry {

	@Option(names = "--pixel-size", paramLabel = "A", description = "Pixel size in Angstrom of the coordinates "
			+ "(default: each run's tomogram's).")
	Double pixelSize;

	@Option(names = "--tomogram-size", split = ",", paramLabel = "X,Y,Z", description = "Tomogram size in pixels, "
			+ "for RELION 5's centred coordinates (default: each run's tomogram's).")
	List<Integer> tomogramSize;

	/** Each run's geometry, from the options or from the tomograms of {@code project}. */
	Function<String, RunGeometry> geometry(Path project) {
		return of(pixelSize, tomogramSize, project);
	}

	static Function<String, RunGeometry> of(Double pixelSize, List<Integer> tomogramSize, Path project) {
		int[] size = tomogramSize == null || tomogramSize.isEmpty() ? null
				: tomogramSize.stream().mapToInt(Integer::intValue).toArray();
		if (size != null && size.length != 3)
			throw new UserInputException("--tomogram-size needs 3 numbers (x, y, z pixels)");
		if (pixelSize != null)
			return run -> new RunGeometry(pixelSize, size);
		return run -> {
			if (project == null)
				throw new UserInputException("run " + run + ": give --pixel-size (and --tomogram-size for relion5), or "
						+ "a project that holds the run's tomogram");
			Path tomogram = new CopickTomograms(project, null).tomogramPath(run);
			VolumeSource source = VolumeSource.open(tomogram);
			double vs = source.geometry().orElseThrow(() -> new UserInputException(tomogram
					+ " does not store its voxel size: give --pixel-size")).voxelSize(0)[2];
			int[] zyx = source.shape(0);
			return new RunGeometry(vs, size != null ? size : new int[] { zyx[2], zyx[1], zyx[0] });
		};
	}
}
