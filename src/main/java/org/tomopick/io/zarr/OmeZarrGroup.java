package org.tomopick.io.zarr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.VoxelGeometry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A tomogram stored as Zarr: either an OME-NGFF 0.4 multiscale group ({@code .zattrs} with {@code multiscales[0]},
 * levels with their voxel size and translation in Angstrom) or a plain Zarr array, which is one level of unknown
 * voxel size ({@link #geometry()} and {@link #voxelSizeAngstrom()} are then empty). Level arrays are opened when
 * first asked for.
 */
public final class OmeZarrGroup {

	private final Path path;
	private final List<String> levelPaths;
	private final VoxelGeometry geometry;
	private final ZarrArray[] levels;

	private OmeZarrGroup(Path path, List<String> levelPaths, VoxelGeometry geometry) {
		this.path = path;
		this.levelPaths = List.copyOf(levelPaths);
		this.geometry = geometry;
		this.levels = new ZarrArray[levelPaths.size()];
	}

	/** Opens an OME-Zarr group, or a plain Zarr array as a one-level group of unknown voxel size. */
	public static OmeZarrGroup open(Path path) {
		Path zattrs = path.resolve(".zattrs");
		JsonObject multiscale = Files.isRegularFile(zattrs) ? multiscale(zattrs) : null;
		if (multiscale == null) {
			if (!Files.isRegularFile(path.resolve(".zarray")))
				throw new TomoPickIoException(path, "neither an OME-Zarr group (.zattrs with \"multiscales\") nor a "
						+ "Zarr array (.zarray)");
			OmeZarrGroup plain = new OmeZarrGroup(path, List.of(""), null);
			plain.levels[0] = ZarrArray.open(path);
			return plain;
		}
		OmeZarrMultiscale parsed = OmeZarrMultiscale.parse(multiscale, zattrs);
		return new OmeZarrGroup(path, parsed.paths(), parsed.geometry());
	}

	private static JsonObject multiscale(Path zattrs) {
		JsonElement root;
		try {
			root = JsonParser.parseString(Files.readString(zattrs, StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new TomoPickIoException(zattrs, "cannot read: " + e.getMessage(), e);
		} catch (JsonParseException e) {
			throw new TomoPickIoException(zattrs, "malformed JSON: " + e.getMessage(), e);
		}
		if (!root.isJsonObject())
			throw new TomoPickIoException(zattrs, "malformed: the top level must be a JSON object");
		JsonElement ms = root.getAsJsonObject().get("multiscales");
		if (ms == null)
			return null;
		if (!ms.isJsonArray() || ms.getAsJsonArray().isEmpty() || !ms.getAsJsonArray().get(0).isJsonObject())
			throw new TomoPickIoException(zattrs, "\"multiscales\" must be a non-empty list of objects");
		return ms.getAsJsonArray().get(0).getAsJsonObject();
	}

	public Path path() {
		return path;
	}

	/** Whether this is a multiscale group (false for a plain array). */
	public boolean isMultiscale() {
		return geometry != null;
	}

	public int levels() {
		return levelPaths.size();
	}

	/** The path of a level relative to the group ("0", "1", ...; "" for a plain array). */
	public String levelPath(int level) {
		return levelPaths.get(check(level));
	}

	/** The array of a level, opened on first use. */
	public synchronized ZarrArray level(int level) {
		check(level);
		if (levels[level] == null)
			levels[level] = ZarrArray.open(insideStore(path.resolve(levelPaths.get(level))));
		return levels[level];
	}

	/**
	 * A level's folder, which must lie inside the store also after following links (its name was checked to be a
	 * relative path inside the group; a link there could still lead elsewhere).
	 */
	private Path insideStore(Path dataset) {
		try {
			Path store = path.toRealPath();
			Path real = dataset.toRealPath();
			if (!real.startsWith(store))
				throw new org.tomopick.io.TomoPickIoException(path.resolve(".zattrs"), "dataset '"
						+ path.relativize(dataset) + "' leads out of the store (a link to " + real
						+ "); only data inside the store is read");
			return dataset;
		} catch (java.io.IOException e) {
			throw new org.tomopick.io.TomoPickIoException(dataset, "cannot open this level of " + path + ": "
					+ e.getMessage());
		}
	}

	/** Voxel sizes and translations in Angstrom; empty for a plain array. */
	public Optional<VoxelGeometry> geometry() {
		return Optional.ofNullable(geometry);
	}

	/** The level-0 voxel size along x in Angstrom; empty for a plain array. */
	public OptionalDouble voxelSizeAngstrom() {
		return geometry == null ? OptionalDouble.empty() : OptionalDouble.of(geometry.voxelSpacing());
	}

	/** The level whose x voxel size is closest to the given size; 0 when the voxel size is unknown. */
	public int levelForVoxelSize(double angstrom) {
		return geometry == null ? 0 : geometry.levelClosestTo(angstrom);
	}

	private int check(int level) {
		if (level < 0 || level >= levelPaths.size())
			throw new IllegalArgumentException(path + ": no level " + level + "; levels are 0.." + (levels() - 1));
		return level;
	}

	@Override
	public String toString() {
		return "OmeZarrGroup[" + path + ", " + levels() + " levels, " + geometry + "]";
	}
}
