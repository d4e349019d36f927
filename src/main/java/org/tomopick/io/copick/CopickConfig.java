package org.tomopick.io.copick;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.ParticleColor;

import com.google.gson.JsonObject;

/**
 * A CoPick project config of the "filesystem" kind: name, description, version, the overlay root (where runs,
 * tomograms and picks live) and optional static root, and the pickable objects. {@code extras} keeps the top-level
 * fields TomoPick does not interpret (user_id, runs, ...) so that a rewritten config loses nothing. Read and write
 * it with {@link CopickConfigCodec}.
 */
public record CopickConfig(String name, String description, String version, String configType, String overlayRoot,
		String staticRoot, List<CopickPickableObject> pickableObjects, JsonObject extras) {

	/** CoPick's default label and colour for objects that do not set them. */
	static final int DEFAULT_LABEL = 1;
	static final ParticleColor DEFAULT_COLOR = new ParticleColor(100, 100, 100, 255);

	private static final String LOCAL_SCHEME = "local://";

	public CopickConfig {
		Objects.requireNonNull(overlayRoot, "overlay_root");
		pickableObjects = List.copyOf(pickableObjects);
		configType = configType == null ? "filesystem" : configType;
		extras = extras == null ? new JsonObject() : extras.deepCopy();
	}

	/** A config with the given objects and overlay root, the default name, and no static root. */
	public static CopickConfig of(String name, String overlayRoot, List<CopickPickableObject> objects) {
		return new CopickConfig(name, "", "0.2.0", "filesystem", overlayRoot, null, objects, null);
	}

	/** The top-level fields TomoPick does not interpret (a copy). */
	@Override
	public JsonObject extras() {
		return extras.deepCopy();
	}

	/**
	 * The overlay root as a local folder: a {@code local://} prefix is dropped, and a relative path is taken relative
	 * to the folder of the config file. Other fsspec schemes (s3://, ssh://, ...) are not supported.
	 */
	public Path overlayRootPath(Path configFile) {
		return localPath(configFile, "overlay_root", overlayRoot);
	}

	/** The static root as a local folder (see {@link #overlayRootPath}), or null when the config has none. */
	public Path staticRootPath(Path configFile) {
		return staticRoot == null || staticRoot.isBlank() ? null : localPath(configFile, "static_root", staticRoot);
	}

	private static Path localPath(Path configFile, String field, String root) {
		String path = root.startsWith(LOCAL_SCHEME) ? root.substring(LOCAL_SCHEME.length()) : root;
		if (path.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*"))
			throw new TomoPickIoException(configFile, "CoPick " + field + " '" + root
					+ "' is not a local folder; TomoPick reads only local:// or plain paths");
		Path p = Path.of(path);
		if (p.isAbsolute())
			return p;
		Path dir = configFile.toAbsolutePath().getParent();
		return dir.resolve(p).normalize();
	}

	/**
	 * The particle classes of this project: the objects with {@code is_particle} true, in config order, with their
	 * label (default 1), colour (default grey) and radius. CoPick configs carry no score weights: an object named like
	 * one of the six CZII species gets that species' weight from {@link ParticleCatalog#czii()}, any other object
	 * gets weight 1.
	 *
	 * @throws TomoPickIoException if a particle object has no positive radius or there is no particle object
	 */
	public ParticleCatalog toCatalog() {
		ParticleCatalog czii = ParticleCatalog.czii();
		List<ParticleClass> classes = new ArrayList<>();
		for (CopickPickableObject o : pickableObjects) {
			if (!o.isParticle())
				continue;
			if (o.radius() == null || !(o.radius() > 0) || o.radius().isInfinite())
				throw new TomoPickIoException("CoPick config '" + name + "': pickable object '" + o.name()
						+ "' needs a positive radius (Angstrom) to be picked, has " + o.radius());
			double weight = czii.find(o.name()).map(ParticleClass::scoreWeight).orElse(1.0);
			classes.add(new ParticleClass(o.name(), o.label() == null ? DEFAULT_LABEL : o.label(),
					o.color() == null ? DEFAULT_COLOR : o.color(), o.radius(), weight, o.pdbId()));
		}
		if (classes.isEmpty())
			throw new TomoPickIoException("CoPick config '" + name + "' has no pickable object with is_particle true");
		try {
			return new ParticleCatalog(classes);
		} catch (IllegalArgumentException e) {
			throw new TomoPickIoException("CoPick config '" + name + "': " + e.getMessage(), e);
		}
	}

	/** A config whose pickable objects are the classes of a catalog (all particles). */
	public static CopickConfig fromCatalog(String name, String overlayRoot, ParticleCatalog catalog) {
		List<CopickPickableObject> objects = new ArrayList<>();
		for (ParticleClass c : catalog.classes())
			objects.add(CopickPickableObject.particle(c.name(), c.label(), c.color(), c.radiusAngstrom(),
					c.pdbId().isEmpty() ? null : c.pdbId()));
		return of(name, overlayRoot, objects);
	}
}
