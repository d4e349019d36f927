package org.tomopick.io.copick;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomopick.io.AtomicFiles;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;

import com.google.gson.stream.JsonWriter;

/**
 * Writes CoPick picks files in copick's exact schema, keys in this order: {@code pickable_object_name, user_id,
 * session_id, run_name, voxel_spacing, unit ("angstrom"), trust_orientation, points}, each point being
 * {@code location {x, y, z}, transformation_ (4x4 nested list), instance_id, score}. Files are written atomically:
 * if anything fails, an existing file stays as it was.
 */
public final class CopickPicksWriter {

	private CopickPicksWriter() {
	}

	/** Writes picks to the path CoPick expects for their run, user, session and object, and returns that path. */
	public static Path write(CopickProject project, CopickPicks picks) {
		if (picks.runName() == null)
			throw new IllegalArgumentException("picks of " + picks.objectName() + " need a run name to be placed");
		Path file = project.picksPath(picks.runName(), picks.userId(), picks.sessionId(), picks.objectName());
		write(file, picks);
		return file;
	}

	public static void write(Path file, CopickPicks picks) {
		write(file, picks.objectName(), picks.userId(), picks.sessionId(), picks.runName(), picks.voxelSpacing(),
				picks.trustOrientation(), picks.particles());
	}

	/**
	 * Writes one picks file, streaming the particles (they are iterated once, while the file is written).
	 *
	 * @throws IllegalArgumentException if a particle is not of class {@code objectName}
	 */
	public static void write(Path file, String objectName, String userId, String sessionId, String runName,
			Double voxelSpacing, boolean trustOrientation, Iterable<Particle> particles) {
		AtomicFiles.write(file, content(file, objectName, userId, sessionId, runName, voxelSpacing, trustOrientation,
				particles));
	}

	private static AtomicFiles.ContentWriter content(Path file, String objectName, String userId, String sessionId,
			String runName, Double voxelSpacing, boolean trustOrientation, Iterable<Particle> particles) {
		return out -> {
			Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			JsonWriter json = new JsonWriter(text);
			json.setIndent("    ");
			json.beginObject();
			json.name("pickable_object_name").value(objectName);
			json.name("user_id").value(userId);
			json.name("session_id").value(sessionId);
			json.name("run_name").value(runName);
			json.name("voxel_spacing").value(voxelSpacing);
			json.name("unit").value("angstrom");
			json.name("trust_orientation").value(trustOrientation);
			json.name("points").beginArray();
			int index = 0;
			for (Particle p : particles) {
				if (!p.type().name().equals(objectName))
					throw new IllegalArgumentException(file + ": particle " + index + " is a " + p.type().name()
							+ ", not a " + objectName);
				if (!Double.isFinite(p.score()))
					throw new TomoPickIoException(file, "particle " + index + " has a non-finite score " + p.score());
				writePoint(json, p);
				index++;
			}
			json.endArray();
			json.endObject();
			json.flush();
			text.write('\n');
			text.flush();
		};
	}

	private static void writePoint(JsonWriter json, Particle p) throws IOException {
		json.beginObject();
		json.name("location").beginObject();
		json.name("x").value(p.x());
		json.name("y").value(p.y());
		json.name("z").value(p.z());
		json.endObject();
		json.name("transformation_").beginArray();
		double[] t = p.transformation();
		for (int r = 0; r < 4; r++) {
			json.beginArray();
			for (int c = 0; c < 4; c++)
				json.value(t[4 * r + c]);
			json.endArray();
		}
		json.endArray();
		json.name("instance_id").value(p.instanceId());
		json.name("score").value(p.score());
		json.endObject();
	}

	/**
	 * Writes the particles of one run, user and session, one file per class. Every class of the catalog gets a file,
	 * with {@code points: []} when it has no particles (copick tools expect one file per object, and an empty file
	 * replaces stale picks of an earlier session); particles of classes outside the catalog get a file of their own.
	 *
	 * @return the files written, catalog classes first in catalog order
	 */
	public static List<Path> writeRun(CopickProject project, String runName, String userId, String sessionId,
			Double voxelSpacing, Collection<Particle> particles, ParticleCatalog catalog) {
		Map<String, List<Particle>> byClass = new LinkedHashMap<>();
		for (ParticleClass c : catalog.classes())
			byClass.put(c.name(), new ArrayList<>());
		for (Particle p : particles)
			byClass.computeIfAbsent(p.type().name(), k -> new ArrayList<>()).add(p);
		// all files of the run change together: written first, renamed into place after (AtomicFiles.writeAll)
		Map<Path, AtomicFiles.ContentWriter> contents = new LinkedHashMap<>();
		for (Map.Entry<String, List<Particle>> e : byClass.entrySet()) {
			Path file = project.picksPath(runName, userId, sessionId, e.getKey());
			contents.put(file, content(file, e.getKey(), userId, sessionId, runName, voxelSpacing, true, e.getValue()));
		}
		AtomicFiles.writeAll(contents);
		return new ArrayList<>(contents.keySet());
	}
}
