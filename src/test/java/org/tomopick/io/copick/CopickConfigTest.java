package org.tomopick.io.copick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.ParticleColor;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class CopickConfigTest {

	/** Shaped like the CZII challenge's copick config, shortened, with two fields TomoPick does not know. */
	private static final String CONFIG = """
			{
			  "name": "czii_cryoet_mlchallenge_2024",
			  "description": "2024 CZII CryoET ML Challenge training data.",
			  "version": "1.0.0",
			  "pickable_objects": [
			    {"name": "apo-ferritin", "is_particle": true, "pdb_id": "4V1W", "label": 1,
			     "color": [0, 117, 255, 128], "radius": 60, "map_threshold": 0.0418},
			    {"name": "beta-amylase", "is_particle": true, "pdb_id": "1FA2", "label": 2,
			     "color": [153, 63, 0, 128], "radius": 65, "map_threshold": 0.035},
			    {"name": "thyroglobulin", "is_particle": true, "label": 5, "radius": 130, "go_id": "GO:0000001"},
			    {"name": "my-complex", "is_particle": true, "label": 7, "color": [1, 2, 3, 4], "radius": 80,
			     "emdb_id": "EMD-1234", "custom_note": "kept"},
			    {"name": "membrane", "is_particle": false, "label": 8, "color": [200, 200, 200, 128]}
			  ],
			  "overlay_root": "local://./overlay",
			  "overlay_fs_args": {"auto_mkdir": true},
			  "static_root": "./static",
			  "config_type": "filesystem"
			}
			""";

	@TempDir
	Path dir;

	private Path config() throws IOException {
		Path f = dir.resolve("copick_config.json");
		Files.writeString(f, CONFIG);
		return f;
	}

	@Test
	void readsFieldsAndKeepsUnknownOnes() throws IOException {
		CopickConfig c = CopickConfigCodec.read(config());
		assertEquals("czii_cryoet_mlchallenge_2024", c.name());
		assertEquals("1.0.0", c.version());
		assertEquals("filesystem", c.configType());
		assertEquals(5, c.pickableObjects().size());
		CopickPickableObject apo = c.pickableObjects().get(0);
		assertEquals(new ParticleColor(0, 117, 255, 128), apo.color());
		assertEquals(60.0, apo.radius());
		assertEquals(0.0418, apo.mapThreshold());
		assertEquals("4V1W", apo.pdbId());
		assertEquals("GO:0000001", c.pickableObjects().get(2).identifier());
		assertNull(c.pickableObjects().get(2).color());
		assertEquals("kept", c.pickableObjects().get(3).extras().get("custom_note").getAsString());
		assertTrue(c.extras().getAsJsonObject("overlay_fs_args").get("auto_mkdir").getAsBoolean());
		assertEquals(dir.resolve("overlay").toAbsolutePath(), c.overlayRootPath(dir.resolve("copick_config.json")));
		assertEquals(dir.resolve("static").toAbsolutePath(), c.staticRootPath(dir.resolve("copick_config.json")));
	}

	@Test
	void catalogHasParticlesWithCziiWeightsOrOne() throws IOException {
		ParticleCatalog catalog = CopickConfigCodec.read(config()).toCatalog();
		assertEquals(List.of("apo-ferritin", "beta-amylase", "thyroglobulin", "my-complex"),
				catalog.classes().stream().map(ParticleClass::name).toList());
		assertEquals(1, catalog.get("apo-ferritin").scoreWeight());
		assertEquals(0, catalog.get("beta-amylase").scoreWeight());
		assertEquals(2, catalog.get("thyroglobulin").scoreWeight());
		assertEquals(1, catalog.get("my-complex").scoreWeight());
		assertEquals(new ParticleColor(100, 100, 100, 255), catalog.get("thyroglobulin").color()); // copick default
		assertEquals(80, catalog.get("my-complex").radiusAngstrom());
		assertEquals(7, catalog.get("my-complex").label());
		assertFalse(catalog.find("membrane").isPresent());
	}

	@Test
	void writeThenReadGivesTheSameConfig() throws IOException {
		CopickConfig c = CopickConfigCodec.read(config());
		Path out = dir.resolve("sub/out.json");
		CopickConfigCodec.write(out, c);
		assertEquals(c, CopickConfigCodec.read(out));
		JsonObject raw = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
		assertTrue(raw.has("overlay_fs_args"));
		assertEquals("kept", raw.getAsJsonArray("pickable_objects").get(3).getAsJsonObject().get("custom_note")
				.getAsString());
		assertEquals("GO:0000001", raw.getAsJsonArray("pickable_objects").get(2).getAsJsonObject().get("identifier")
				.getAsString());
	}

	@Test
	void catalogRoundTripsThroughAConfig() {
		Path out = dir.resolve("czii.json");
		CopickConfigCodec.write(out, CopickConfig.fromCatalog("czii", "/data/overlay", ParticleCatalog.czii()));
		ParticleCatalog back = CopickConfigCodec.read(out).toCatalog();
		assertEquals(ParticleCatalog.czii().classes(), back.classes());
	}

	@Test
	void badConfigsFailClearly() throws IOException {
		Path noRadius = dir.resolve("r.json");
		Files.writeString(noRadius, "{\"overlay_root\": \"/x\", \"pickable_objects\": [{\"name\": \"a\", \"is_particle\": true}]}");
		TomoPickIoException e = assertThrows(TomoPickIoException.class,
				() -> CopickConfigCodec.read(noRadius).toCatalog());
		assertTrue(e.getMessage().contains("'a'") && e.getMessage().contains("radius"), e.getMessage());

		Path badColor = dir.resolve("c.json");
		Files.writeString(badColor, "{\"overlay_root\": \"/x\", \"pickable_objects\": [{\"name\": \"a\", \"is_particle\": true, \"color\": [1, 2]}]}");
		e = assertThrows(TomoPickIoException.class, () -> CopickConfigCodec.read(badColor));
		assertTrue(e.getMessage().contains("c.json") && e.getMessage().contains("color"), e.getMessage());

		Path s3 = dir.resolve("s3.json");
		Files.writeString(s3, "{\"overlay_root\": \"s3://bucket/x\", \"pickable_objects\": []}");
		e = assertThrows(TomoPickIoException.class, () -> CopickConfigCodec.read(s3).overlayRootPath(s3));
		assertTrue(e.getMessage().contains("s3://bucket/x"), e.getMessage());

		Path broken = dir.resolve("broken.json");
		Files.writeString(broken, "{\"overlay_root\": ");
		e = assertThrows(TomoPickIoException.class, () -> CopickConfigCodec.read(broken));
		assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
	}
}
