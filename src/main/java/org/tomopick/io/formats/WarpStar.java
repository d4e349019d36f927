package org.tomopick.io.formats;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.Provenance;

/**
 * Picks as Warp 2 (WarpTools) and M take them for a tomogram ({@link PickFormat#WARP}): the RELION 3.0 style
 * particle STAR that {@code WarpTools ts_export_particles --input_star FILE --coords_angpix PIXEL} and
 * {@code MTools create_species --particles_relion FILE} read. Written, one file per class:
 * <ul>
 * <li>one unnamed table ({@code data_}, {@code loop_}), as Warp's documentation shows it;
 * <li>{@code _rlnCoordinate{X,Y,Z}} in pixels of the run's tomogram, "starting from zero at the center of the first
 * voxel" (Warp's words), so {@code coordinate = x / pixel}, TomoPick's own origin;
 * <li>{@code _rlnAngle{Rot,Tilt,Psi}} 0 0 0: RELION's ZYZ Euler angles in degrees (M requires the columns;
 * TomoPick does not estimate orientations);
 * <li>{@code _rlnMicrographName} {@code <run>.tomostar}: Warp matches it to the tilt series' {@code .tomostar} file
 * name, so a run must be named as the tilt series;
 * <li>{@code _rlnAutopickFigureOfMerit} the score (what Warp's template matching writes);
 * <li>{@code _rlnDetectorPixelSize} the pixel size and {@code _rlnMagnification} 10000, from which M takes the
 * pixel size (detector pixel x 10^4 / magnification, the pair Warp writes into its own particle tables);
 * WarpTools ignores them and takes {@code --coords_angpix}.
 * </ul>
 * Read: the same table (or any first table with {@code _rlnCoordinate{X,Y,Z}}), the run from
 * {@code _rlnMicrographName} or {@code _rlnTomoName} without folder and {@code .tomostar}, the pixel size as M finds
 * it (detector pixel and magnification, else {@code _rlnImagePixelSize}, else the run's tomogram or
 * {@code --pixel-size}), less {@code _rlnOrigin{X,Y,Z}Angst} (Å) or {@code _rlnOrigin{X,Y,Z}} (pixels) as both
 * programs subtract them; also M's own table ({@code _wrpCoordinate{X,Y,Z}1} in Å, run from
 * {@code _wrpSourceName}). Angles are dropped. Coordinates all within 0..1 are refused: Warp's template matching
 * writes them normalised to the volume, which is not read.
 * <p>
 * Sources (read, not run): Warp's "Tomogram Particle File Reference"
 * (https://warpem.github.io/warp/reference/warptools/tomogram_particle_files: the table layout, pixels from 0 at the
 * first voxel's centre, {@code .tomostar} names, ZYZ angles); warpem/warp {@code ExportParticlesTiltseries.cs}
 * (groups rows by {@code _rlnMicrographName} equal to the tilt series' file name, multiplies coordinates by
 * {@code --coords_angpix}, subtracts origins), {@code WarpLib/TiltSeries/TiltSeries.MatchFull.cs} (a voxel's
 * position is its index times the pixel size; template matching writes {@code <root>.tomostar} and coordinates
 * divided by the volume's physical size) and {@code MTools/Commands/ParticleStarParsing.cs} (M needs the three
 * angle columns, takes the name from {@code _rlnMicrographName} or {@code _rlnTomoName} with or without extension,
 * the pixel size from detector pixel and magnification or {@code _rlnImagePixelSize}, and reads its own
 * {@code _wrpCoordinate*1} in Å).
 * <p>
 * Not verified: no WarpTools or M run read these files here; positions agree with Warp's only where the tomogram
 * TomoPick picked covers the same volume as Warp's reconstruction of the tilt series (a tomogram reconstructed
 * elsewhere, cropped or flipped in z, needs its own offset, which TomoPick cannot know); Warp's own
 * {@code .xml} files describe a tilt series' processing, not picks, and are not read.
 */
final class WarpStar {

	static final String TILT_SERIES_SUFFIX = ".tomostar";
	/** The magnification Warp writes beside a detector pixel size given in Å. */
	private static final double MAGNIFICATION = 10000;
	private static final String[] COLUMNS = { "_rlnCoordinateX", "_rlnCoordinateY", "_rlnCoordinateZ",
			"_rlnAngleRot", "_rlnAngleTilt", "_rlnAnglePsi", "_rlnMicrographName", "_rlnAutopickFigureOfMerit",
			"_rlnDetectorPixelSize", "_rlnMagnification" };
	private static final String[] XYZ = { "X", "Y", "Z" };

	private WarpStar() {
	}

	/** The STAR text of one class's particles, run by run. */
	static String write(Map<String, List<Particle>> runs, Function<String, RunGeometry> geometry) {
		StringBuilder b = StarTable.head(PickFormat.WARP, "", COLUMNS);
		runs.forEach((run, ps) -> {
			double pixel = geometry.apply(run).pixelAngstrom();
			for (Particle p : ps)
				b.append(plain(p.x() / pixel)).append(' ').append(plain(p.y() / pixel)).append(' ')
						.append(plain(p.z() / pixel)).append(" 0 0 0 ").append(run).append(TILT_SERIES_SUFFIX)
						.append(' ').append(plain(p.score())).append(' ').append(plain(pixel)).append(' ')
						.append(plain(MAGNIFICATION)).append('\n');
		});
		return b.append('\n').toString();
	}

	/** Reads the particles of one class: run -> particles. */
	static Map<String, List<Particle>> read(Path file, List<String> lines, ParticleClass type,
			Function<String, RunGeometry> geometry, String run) {
		StarTable t = StarTable.parse(file, lines);
		boolean m = t.has("_wrpCoordinateX1");
		String prefix = m ? "_wrpCoordinate" : "_rlnCoordinate", suffix = m ? "1" : "";
		String name = m ? "_wrpSourceName" : t.has("_rlnMicrographName") ? "_rlnMicrographName" : "_rlnTomoName";
		Map<String, List<Particle>> out = new LinkedHashMap<>();
		boolean normalised = t.rows() > 0;
		for (int r = 0; r < t.rows(); r++) {
			String runName = t.has(name) ? runOf(t.text(r, name)) : run;
			if (runName == null)
				throw new TomoPickIoException(file, "has no " + name + " column to say each particle's tilt series: "
						+ "give the run");
			double pixel = m ? 1 : pixelAngstrom(file, t, r, () -> geometry.apply(runName).pixelAngstrom());
			double[] p = new double[3];
			for (int a = 0; a < 3; a++) {
				double c = t.number(r, prefix + XYZ[a] + suffix);
				normalised &= c >= 0 && c <= 1;
				p[a] = c * pixel - (m ? 0 : originAngstrom(t, r, a, pixel));
			}
			double score = t.has("_rlnAutopickFigureOfMerit") ? t.number(r, "_rlnAutopickFigureOfMerit") : 1;
			out.computeIfAbsent(runName, k -> new ArrayList<>()).add(new Particle(type, p[0], p[1], p[2], score,
					Provenance.IMPORTED));
		}
		if (normalised && !m)
			throw new TomoPickIoException(file, "every coordinate lies within 0..1: these are Warp's template-matching "
					+ "coordinates, normalised to the volume, which TomoPick does not read (export them in pixels "
					+ "with WarpTools ts_export_particles, or multiply them by the tomogram's size)");
		return out;
	}

	/** The run of a tilt series' name: without folder and {@code .tomostar}. */
	static String runOf(String tiltSeries) {
		String n = Path.of(tiltSeries).getFileName().toString();
		return n.endsWith(TILT_SERIES_SUFFIX) ? n.substring(0, n.length() - TILT_SERIES_SUFFIX.length()) : n;
	}

	/** The pixel size of a row's coordinates, as M finds it; else {@code fallback} (the run's, or --pixel-size). */
	private static double pixelAngstrom(Path file, StarTable t, int r, DoubleSupplier fallback) {
		double pixel;
		if (t.has("_rlnDetectorPixelSize") && t.has("_rlnMagnification"))
			pixel = t.number(r, "_rlnDetectorPixelSize") * 1e4 / t.number(r, "_rlnMagnification");
		else if (t.has("_rlnImagePixelSize"))
			pixel = t.number(r, "_rlnImagePixelSize");
		else
			return fallback.getAsDouble();
		if (!(pixel > 0) || Double.isInfinite(pixel))
			throw new TomoPickIoException(file, "particle " + (r + 1) + ": its pixel size is " + pixel
					+ " A, not a positive number");
		return pixel;
	}

	/** The shift Warp and M subtract from a coordinate, in Å: {@code _rlnOrigin?Angst}, else pixels. */
	private static double originAngstrom(StarTable t, int r, int a, double pixel) {
		if (t.has("_rlnOrigin" + XYZ[a] + "Angst"))
			return t.number(r, "_rlnOrigin" + XYZ[a] + "Angst");
		return t.has("_rlnOrigin" + XYZ[a]) ? t.number(r, "_rlnOrigin" + XYZ[a]) * pixel : 0;
	}

	/** A number in plain decimal digits, exactly as Java prints it but never in E notation. */
	private static String plain(double v) {
		return BigDecimal.valueOf(v).toPlainString();
	}
}
