package org.tomopick.io.formats;

import java.util.Locale;

/**
 * The pick formats of the field that {@code tomopick export} / {@code import} and Fiji's Export/Import Picks move
 * particles to and from. TomoPick's own positions are in Ångström from the centre of the tomogram's first voxel
 * (voxel index i at {@code i * pixel}), axes x, y, z; orientations are not estimated (angles are written as 0, and
 * read ones are dropped). Each format's conventions, pinned by {@code PickFormatsTest}:
 * <ul>
 * <li>{@link #RELION5}: a STAR file per class, {@code data_particles} with {@code _rlnTomoName},
 * {@code _rlnCenteredCoordinate{X,Y,Z}Angst} in Ångström from the tomogram's centre, which is at pixel
 * {@code size / 2} of each axis (so {@code centred = x - size / 2 * pixel}); needs each tomogram's size;
 * <li>{@link #RELION4}: a STAR file per class with {@code _rlnTomoName} and {@code _rlnCoordinate{X,Y,Z}} in pixels,
 * the first pixel's centre at 0 (so {@code coordinate = x / pixel});
 * <li>{@link #DYNAMO}: a Dynamo table per class ({@code <class>.tbl}, columns 1-based as Dynamo numbers them: 1 tag,
 * 2 aligned 1, 3 averaged 1, 7-9 tdrot, tilt, narot 0, 20 tomogram number, 22 class 1, 24-26 x, y, z in pixels
 * with the first pixel's centre at 1, MATLAB's convention), and {@code tomograms.doc} (number and run per line);
 * <li>{@link #IMOD}: a point list per run and class ({@code <run>_<class>.txt}, lines {@code x y z} in pixels with
 * the first pixel's centre at 0) as {@code point2model} reads it;
 * <li>{@link #CSV}: the CZII challenge CSV with a score column ({@code id,experiment,particle_type,x,y,z,score},
 * Ångström);
 * <li>{@link #WARP}: the particle STAR per class that WarpTools {@code ts_export_particles} and M's
 * {@code create_species} read: {@code _rlnCoordinate{X,Y,Z}} in pixels from 0 at the first voxel's centre
 * ({@code coordinate = x / pixel}), {@code _rlnMicrographName} {@code <run>.tomostar}, angles 0 (RELION ZYZ), the
 * pixel size as {@code _rlnDetectorPixelSize} with {@code _rlnMagnification} 10000 (details and sources in
 * {@link WarpStar}).
 * </ul>
 */
public enum PickFormat {
	RELION5("relion5"), RELION4("relion4"), DYNAMO("dynamo"), IMOD("imod"), CSV("csv"), WARP("warp");

	private final String id;

	PickFormat(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	/** Whether positions are written in pixels (the pixel size must be known). */
	public boolean inPixels() {
		return this != CSV && this != RELION5;
	}

	public static PickFormat of(String name) {
		for (PickFormat f : values())
			if (f.id.equalsIgnoreCase(name.strip()) || f.name().equalsIgnoreCase(name.strip()))
				return f;
		throw new IllegalArgumentException("pick format '" + name + "' is not one of " + String.join(", ",
				java.util.Arrays.stream(values()).map(PickFormat::id).toList()));
	}

	@Override
	public String toString() {
		return id.toLowerCase(Locale.ROOT);
	}
}
