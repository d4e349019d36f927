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
 * The folders of a CoPick project on the local file system (copick's "filesystem" layout):
 *
 * <pre>
 * ExperimentRuns/&lt;run&gt;/VoxelSpacing&lt;size with 3 decimals, e.g. 10.000&gt;/&lt;tomo_type&gt;.zarr
 * ExperimentRuns/&lt;run&gt;/Picks/&lt;user&gt;_&lt;session&gt;_&lt;object&gt;.json
 * </pre>
 *
 * under an overlay root and, optionally, a static root, as copick resolves them (the CZII challenge and the CryoET
 * Data Portal keep tomograms in the static root, {@code .../static}, and picks in the overlay root,
 * {@code .../overlay}). Tomograms are looked up in the overlay root, then in the static root; picks are read and
 * written in the overlay root only; the runs are those of either. Lists runs, voxel spacings, tomograms and picks
 * files, and gives the paths where new ones go. Listings are sorted by name and skip hidden entries; a folder that
 * does not exist lists as empty. {@link #open} is the one way a path that a user gives becomes a project.
 */
public final class CopickProject {

	/** The config file copick and TomoPick write at a project's root. */
	public static final String CONFIG_FILE = "copick_config.json";

	private static final Pattern VOXEL_SPACING = Pattern.compile("VoxelSpacing(\\d+(?:\\.\\d+)?)");
	private static final Pattern PICKS_NAME = Pattern.compile("([^_]+)_([^_]+)_([^_]+)\\.json");
	/** Characters copick's sanitize_name replaces: they cannot appear in user, session or object names. */
	private static final Pattern INVALID_NAME = Pattern.compile("[<>:\"/\\\\|?*\\x00-\\x1F\\x7F\\s_]");

	private final Path root;
	private final Path staticRoot;

	/** @param overlayRoot the folder that holds {@code ExperimentRuns} */
	public CopickProject(Path overlayRoot) {
		this(overlayRoot, null);
	}

	/**
	 * @param overlayRoot the folder that holds the picks ({@code ExperimentRuns/<run>/Picks})
	 * @param staticRoot  a second folder of {@code ExperimentRuns} with tomograms, or null
	 */
	public CopickProject(Path overlayRoot, Path staticRoot) {
		this.root = overlayRoot;
		this.staticRoot = staticRoot == null || staticRoot.equals(overlayRoot) ? null : staticRoot;
	}

	/** The project of a config read from {@code configFile}: its overlay and static roots (see {@link CopickConfig}). */
	public static CopickProject of(CopickConfig config, Path configFile) {
		return new CopickProject(config.overlayRootPath(configFile), config.staticRootPath(configFile));
	}

	/**
	 * A project as a user names it: a CoPick config file ({@code *.json}: its roots), or a folder. A folder that
	 * holds {@code ExperimentRuns} is the overlay root (and a {@value #CONFIG_FILE} beside it may add a static
	 * root); a folder without {@code ExperimentRuns} but with a {@value #CONFIG_FILE} is the project of that
	 * config.
	 */
	public static CopickProject open(Path path) {
		if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".json"))
			return of(CopickConfigCodec.read(path), path);
		Path config = path.resolve(CONFIG_FILE);
		if (!Files.isRegularFile(config))
			return new CopickProject(path);
		if (!Files.isDirectory(path.resolve("ExperimentRuns")))
			return of(CopickConfigCodec.read(config), config);
		// the folder itself is the overlay (a moved project's config may still name its old place)
		Path staticRoot;
		try {
			staticRoot = CopickConfigCodec.read(config).staticRootPath(config);
		} catch (TomoPickIoException unreadable) {
			staticRoot = null; // a config TomoPick cannot read adds nothing to the folder it sits in
		}
		return new CopickProject(path, staticRoot != null && Files.isDirectory(staticRoot) ? staticRoot : null);
	}

	/** Whether a path names a CoPick project: a config file, or a folder with ExperimentRuns or a config. */
	public static boolean isProject(Path path) {
		return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".json")
				|| Files.isDirectory(path.resolve("ExperimentRuns")) || Files.isRegularFile(path.resolve(CONFIG_FILE));
	}

	/**
	 * Writes {@value #CONFIG_FILE} at the overlay root, naming it (local://, absolute) and the catalog's classes, so
	 * that copick can open what TomoPick wrote; an existing config is left as it is.
	 */
	public void writeConfigIfAbsent(String name, org.tomopick.model.ParticleCatalog catalog) {
		Path config = root.resolve(CONFIG_FILE);
		if (Files.exists(config))
			return;
		CopickConfigCodec.write(config, CopickConfig.fromCatalog(name, "local://" + root.toAbsolutePath().normalize(),
				catalog));
	}

	/** The static root, when the project has one apart from the overlay root. */
	public java.util.Optional<Path> staticRoot() {
		return java.util.Optional.ofNullable(staticRoot);
	}

	public Path root() {
		return root;
	}

	public Path runFolder(String run) {
		return root.resolve("ExperimentRuns").resolve(checkName("run", run));
	}

	/** The run names: the folders under ExperimentRuns of the overlay and the static root. */
	public List<String> runs() {
		java.util.TreeSet<String> runs = new java.util.TreeSet<>();
		for (Path r : roots())
			list(r.resolve("ExperimentRuns"), Files::isDirectory).forEach(p -> runs.add(p.getFileName().toString()));
		return List.copyOf(runs);
	}

	private List<Path> roots() {
		return staticRoot == null ? List.of(root) : List.of(root, staticRoot);
	}

	/** The run's folder in the static root (where its tomograms are), or null without one. */
	private Path staticRunFolder(String run) {
		return staticRoot == null ? null : staticRoot.resolve("ExperimentRuns").resolve(checkName("run", run));
	}

	/** The voxel spacings (Angstrom) for which a run has a {@code VoxelSpacing<size>} folder, ascending. */
	public List<Double> voxelSpacings(String run) {
		java.util.TreeSet<Double> spacings = new java.util.TreeSet<>();
		for (Path folder : new Path[] { runFolder(run), staticRunFolder(run) })
			if (folder != null)
				for (Path p : list(folder, Files::isDirectory)) {
					Matcher m = VOXEL_SPACING.matcher(p.getFileName().toString());
					if (m.matches())
						spacings.add(Double.parseDouble(m.group(1)));
				}
		return new ArrayList<>(spacings);
	}

	/** {@code VoxelSpacing10.000} for 10 A: copick's folder name, the size as {@link #voxelSpacingText}. */
	public static String voxelSpacingFolderName(double voxelSpacing) {
		return "VoxelSpacing" + voxelSpacingText(voxelSpacing);
	}

	/** A voxel spacing as its {@code VoxelSpacing<size>} folder writes it: rounded to 3 decimals ("10.012"). */
	public static String voxelSpacingText(double voxelSpacing) {
		return String.format(Locale.ROOT, "%.3f", voxelSpacing);
	}

	public Path voxelSpacingFolder(String run, double voxelSpacing) {
		return runFolder(run).resolve(voxelSpacingFolderName(voxelSpacing));
	}

	/**
	 * Where the tomogram of a type (e.g. "denoised", "wbp") at a voxel spacing is: in the overlay root when it is
	 * there or when the project has no static root (where a new one goes), else in the static root.
	 */
	public Path tomogramPath(String run, double voxelSpacing, String tomoType) {
		String name = checkName("tomogram type", tomoType) + ".zarr";
		Path overlay = voxelSpacingFolder(run, voxelSpacing).resolve(name);
		if (staticRoot == null || Files.exists(overlay))
			return overlay;
		return staticRunFolder(run).resolve(voxelSpacingFolderName(voxelSpacing)).resolve(name);
	}

	/**
	 * The tomograms of a run at a voxel spacing: type name -> path of its {@code <type>.zarr} folder. Feature maps
	 * ({@code *_features.zarr}) are not tomograms and are left out, as copick does.
	 */
	public Map<String, Path> tomograms(String run, double voxelSpacing) {
		Map<String, Path> tomograms = new LinkedHashMap<>();
		String folder = voxelSpacingFolderName(voxelSpacing);
		for (Path runFolder : new Path[] { runFolder(run), staticRunFolder(run) })
			if (runFolder != null)
				for (Path p : list(runFolder.resolve(folder), Files::isDirectory)) {
					String name = p.getFileName().toString();
					if (name.endsWith(".zarr") && !name.contains("features"))
						tomograms.putIfAbsent(name.substring(0, name.length() - ".zarr".length()), p);
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
