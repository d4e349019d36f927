package org.tomopick.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tomopick.io.AtomicFiles;
import org.tomopick.io.VolumeSource;
import org.tomopick.io.VolumeStatistics;
import org.tomopick.model.VoxelGeometry;

import com.google.gson.GsonBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tomopick info}: what a tomogram file holds, with statistics over the whole array. */
@Command(name = "info", mixinStandardHelpOptions = true, description = { "Describes a tomogram: a Zarr array, an "
		+ "OME-Zarr group or an MRC file. Prints shape (z, y, x), dtype, voxel size, levels, and min, max, mean, std "
		+ "and sum over the whole array (in double precision)." })
final class InfoCommand implements Runnable {

	@Parameters(index = "0", paramLabel = "PATH", description = "Zarr array, OME-Zarr group or MRC file.")
	Path path;

	@Option(names = "--level", paramLabel = "N", description = "Pyramid level to describe (default 0).")
	int level;

	@Option(names = "--json", paramLabel = "FILE", description = "Also write the description as JSON.")
	Path json;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		CliPaths.requireExists(path, "PATH");
		VolumeSource source = VolumeSource.open(path);
		int[] shape = source.shape(level);
		VolumeStatistics stats = source.statistics(level);
		Optional<VoxelGeometry> geometry = source.geometry();
		double[] voxel = geometry.map(g -> g.voxelSize(level)).orElse(null);

		PrintWriter out = spec.commandLine().getOut();
		out.printf(Locale.ROOT, "path:        %s%n", path);
		out.printf(Locale.ROOT, "format:      %s, %d level%s%n", source.format(), source.levels(),
				source.levels() == 1 ? "" : "s");
		out.printf(Locale.ROOT, "level:       %d%n", level);
		out.printf(Locale.ROOT, "shape:       %d x %d x %d (z, y, x)%n", shape[0], shape[1], shape[2]);
		out.printf(Locale.ROOT, "dtype:       %s%n", source.dtypeString(level));
		out.printf(Locale.ROOT, "voxel size:  %s%n", voxel == null ? "unknown (plain Zarr array)"
				: String.format(Locale.ROOT, "%.6g A (z, y, x: %.6g, %.6g, %.6g)", voxel[2], voxel[0], voxel[1], voxel[2]));
		source.mrcOriginZyx().ifPresent(o -> out.printf(Locale.ROOT, "MRC origin:  %.6g, %.6g, %.6g A (z, y, x)%n",
				o[0], o[1], o[2]));
		for (int l = 0; l < source.levels(); l++) {
			int[] s = source.shape(l);
			int lv = l;
			String vs = geometry.map(g -> String.format(Locale.ROOT, " at %.6g A", g.voxelSize(lv)[2])).orElse("");
			out.printf(Locale.ROOT, "  level %d:   %d x %d x %d%s%n", l, s[0], s[1], s[2], vs);
		}
		out.printf(Locale.ROOT, "min:         %.9g%nmax:         %.9g%nmean:        %.9g%nstd:         %.9g%n"
				+ "sum:         %.17g%n", stats.min(), stats.max(), stats.mean(), stats.std(), stats.sum());
		out.flush();
		if (json != null)
			AtomicFiles.writeString(json, toJson(source, shape, voxel, stats));
	}

	private String toJson(VolumeSource source, int[] shape, double[] voxel, VolumeStatistics stats) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("path", path.toString());
		m.put("format", source.format().toString());
		m.put("level", level);
		m.put("levels", source.levels());
		m.put("shape", List.of(shape[0], shape[1], shape[2]));
		m.put("dtype", source.dtypeString(level));
		m.put("voxel_size", voxel == null ? null : voxel[2]);
		m.put("voxel_size_zyx", voxel == null ? null : List.of(voxel[0], voxel[1], voxel[2]));
		m.put("min", stats.min());
		m.put("max", stats.max());
		m.put("mean", stats.mean());
		m.put("std", stats.std());
		m.put("sum", stats.sum());
		return new GsonBuilder().serializeNulls().serializeSpecialFloatingPointValues().disableHtmlEscaping().setPrettyPrinting().create()
				.toJson(m) + "\n";
	}
}
