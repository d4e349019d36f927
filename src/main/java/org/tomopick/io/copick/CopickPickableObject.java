package org.tomopick.io.copick;

import java.util.Objects;

import org.tomopick.model.ParticleColor;

import com.google.gson.JsonObject;

/**
 * One entry of a CoPick config's {@code pickable_objects}: a particle species (points) or a segmentation target
 * (is_particle false). The optional fields are null when the config leaves them out; {@code extras} keeps the
 * fields TomoPick does not know so that rewriting a config loses nothing.
 *
 * @param name        the object name (also the class name of picked particles)
 * @param isParticle  whether the object is picked as points
 * @param label       the integer label in segmentations, or null (CoPick's default is 1)
 * @param color       RGBA colour, or null (CoPick's default is 100, 100, 100, 255)
 * @param radius      particle radius in Angstrom, or null
 * @param pdbId       PDB entry, or null
 * @param emdbId      EMDB entry, or null
 * @param identifier  Gene Ontology or UniProt identifier (CoPick also reads it as go_id), or null
 * @param mapThreshold isosurface threshold, or null
 * @param extras      other fields of the entry, as read (a copy is kept)
 */
public record CopickPickableObject(String name, boolean isParticle, Integer label, ParticleColor color, Double radius,
		String pdbId, String emdbId, String identifier, Double mapThreshold, JsonObject extras) {

	public CopickPickableObject {
		Objects.requireNonNull(name, "name");
		if (name.isBlank())
			throw new IllegalArgumentException("pickable object name is empty");
		extras = extras == null ? new JsonObject() : extras.deepCopy();
	}

	/** A particle object with a label, colour, radius and PDB id, and nothing else. */
	public static CopickPickableObject particle(String name, int label, ParticleColor color, double radius,
			String pdbId) {
		return new CopickPickableObject(name, true, label, color, radius, pdbId, null, null, null, null);
	}

	/** The fields TomoPick does not interpret (a copy). */
	@Override
	public JsonObject extras() {
		return extras.deepCopy();
	}
}
