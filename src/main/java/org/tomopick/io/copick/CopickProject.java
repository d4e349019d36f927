package org.tomopick.io.copick;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.tomopick.io.AtomicFiles;
import org.tomopick.io.TomoPickIoException;

/**
 * The folders of a CoPick project on the local file system (copick's "filesystem" layout under the overlay root):
 *
 * <pre>
 * ExperimentRuns/&lt;run&gt;/VoxelSpacing&lt;size with 3 decimals, e.g. 10.000&gt;/&lt;tomo_type&gt;.zarr
 * ExperimentRuns/&lt;run&gt;/Picks/&lt;user&gt;_&lt;session&gt;_&lt;object&gt;.json
 * </pre>
 *
 * Lists runs, voxel spacings, tomograms and picks files, and gives the paths where new ones go. Listings are sorted
 * by name and skip hidden entries; a folder that does not exist lists as empty.
 */
public final class CopickProject {

	private static final Pattern VOXEL_SPACING = Pattern.compile("VoxelSpacing(\\d+(?:\\.\\d+)?)");
	private static final Pattern PICKS_NAME = Pattern.compile("([^_]+)_([^_]+)_([^_]+)\\.json");
	/** Characters copick's sanitize_name replaces: they cannot appear in user, session or object names. */
	private static final Pattern INVALID_NAME = Pattern.compile("[<>:\"/\\\\|?*\\x00-\\x1F\\x7F\\s_]");

	private final Path root;

	/** @param overlayRoot the folder that holds {@code ExperimentRuns} */
	public CopickProject(Path overlayRoot) {
		this.root = overlayRoot;
	}

	/** The project of a config read from {@code configFile} (its overlay root, see {@link CopickConfig}). */
	public static CopickProject of(CopickConfig config, Path configFile) {
		return new CopickProject(config.overlayRootPath(configFile));
	}

	public Path root() {
		return root;
	}

	public Path runFolder(String run) {
		return root.resolve("ExperimentRuns").resolve(checkName("run", run));
	}

	/** The run names: the folders under ExperimentRuns. */
	public List<String> runs() {
		return list(root.resolve("ExperimentRuns"), Files::isDirectory).stream().map(p -> p.getFileName().toString())
				.toList();
	}

	/** The voxel spacings (Angstrom) for which a run has a {@code VoxelSpacing<size>} folder, ascending. */
	public List<Double> voxelSpacings(String run) {
		List<Double> spacings = new ArrayList<>();
		for (Path p : list(runFolder(run), Files::isDirectory)) {
			Matcher m = VOXEL_SPACING.matcher(p.getFileName().toString());
			if (m.matches())
				spacings.add(Double.parseDouble(m.group(1)));
		}
		spacings.sort(null);
		return spacings;
	}

	/** {@code VoxelSpacing10.000} for 10 A: copick's folder name, the size rounded to 3 decimals. */
	public static String voxelSpacingFolderName(double voxelSpacing) {
		return String.format(Locale.ROOT, "VoxelSpacing%.3f", voxelSpacing);
	}

	public Path voxelSpacingFolder(String run, double voxelSpacing) {
		return runFolder(run).resolve(voxelSpacingFolderName(voxelSpacing));
	}

	/** Where the tomogram of a type (e.g. "denoised", "wbp") at a voxel spacing is, whether or not it exists. */
	public Path tomogramPath(String run, double voxelSpacing, String tomoType) {
		return voxelSpacingFolder(run, voxelSpacing).resolve(checkName("tomogram type", tomoType) + ".zarr");
	}

	/**
	 * The tomograms of a run at a voxel spacing: type name -> path of its {@code <type>.zarr} folder. Feature maps
	 * ({@code *_features.zarr}) are not tomograms and are left out, as copick does.
	 */
	public Map<String, Path> tomograms(String run, double voxelSpacing) {
		Map<String, Path> tomograms = new LinkedHashMap<>();
		for (Path p : list(voxelSpacingFolder(run, voxelSpacing), Files::isDirectory)) {
			String name = p.getFileName().toString();
			if (name.endsWith(".zarr") && !name.contains("features"))
				tomograms.put(name.substring(0, name.length() - ".zarr".length()), p);
		}
		return tomograms;
	}

	/**
	 * The tomogram type TomoPick reads when none is named: "denoised" when there is one, else "wbp", else the first
	 * in {@code types}; null when there are none. One rule for the command line and Fiji.
	 */
	public static String defaultTomogramType(java.util.Collection<String> types) {
		for (String preferred : List.of("denoised", "wbp"))
			if (types.contains(preferred))
				return preferred;
		return types.isEmpty() ? null : types.iterator().next();
	}

	public Path picksFolder(String run) {
		return runFolder(run).resolve("Picks");
	}

	/**
	 * The picks files of a run with their user, session and object: from the name when it has copick's
	 * {@code <user>_<session>_<object>.json} form, from the file's content otherwise (as in the CZII ground truth,
	 * {@code Picks/apo-ferritin.json}).
	 */
	public List<CopickPicksFileRef> picksFiles(String run) {
		List<CopickPicksFileRef> refs = new ArrayList<>();
		AtomicFiles.finishInterrupted(picksFolder(run)); // a killed pick's renames, completed before anything is read
		for (Path p : list(picksFolder(run), Files::isRegularFile)) {
			String name = p.getFileName().toString();
			if (!name.endsWith(".json"))
				continue;
			Matcher m = PICKS_NAME.matcher(name);
			refs.add(m.matches() ? new CopickPicksFileRef(p, m.group(1), m.group(2), m.group(3))
					: CopickPicksReader.identify(p));
		}
		return refs;
	}

	/** Where the picks of an object by a user in a session are written: {@code Picks/<user>_<session>_<object>.json}. */
	public Path picksPath(String run, String userId, String sessionId, String objectName) {
		return picksFolder(run).resolve(checkName("user_id", userId) + "_" + checkName("session_id", sessionId) + "_"
				+ checkName("pickable_object_name", objectName) + ".json");
	}

	private static String checkName(String what, String name) {
		if (name == null || name.isEmpty() || name.equals(".") || name.equals(".."))
			throw new IllegalArgumentException("CoPick " + what + " is empty or not a name: '" + name + "'");
		boolean runOrType = what.equals("run") || what.equals("tomogram type");
		if (runOrType ? name.contains("/") || name.contains("\\") : INVALID_NAME.matcher(name).find())
			throw new IllegalArgumentException("CoPick " + what + " '" + name + "' contains characters copick does not "
					+ "allow (" + (runOrType ? "path separators" : "underscores, spaces, <>:\"/\\|?*") + ")");
		return name;
	}

	private static List<Path> list(Path dir, Predicate<Path> filter) {
		if (!Files.isDirectory(dir))
			return List.of();
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> !p.getFileName().toString().startsWith(".")).filter(filter).sorted().toList();
		} catch (IOException e) {
			throw new TomoPickIoException(dir, "cannot list folder: " + e.getMessage(), e);
		}
	}
}
