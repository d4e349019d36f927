package org.tomopick.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomopick.io.copick.CopickPicksWriter;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.Provenance;

/**
 * A run's picks count as complete only when its record has the job's fingerprint and tomogram and every picks file
 * of the set is there with the digest the record holds; a record that is not one is never trusted.
 */
class RunRecordFileTest {

	private static final ParticleCatalog CATALOG = ParticleCatalog.czii();
	private static final String TOMOGRAM = "VoxelSpacing10.012/wbp.zarr";

	@TempDir
	Path tmp;
	private CopickProject project;
	private Path record;

	@BeforeEach
	void picksAndTheirRecord() {
		project = new CopickProject(tmp);
		List<Particle> particles = List.of(
				new Particle(CATALOG.get("ribosome"), 100, 200, 300, 0.9, Provenance.FUSED),
				new Particle(CATALOG.get("apo-ferritin"), 400, 500, 600, 0.8, Provenance.FUSED));
		List<Path> files = CopickPicksWriter.writeRun(project, "r1", "tomopick", "0", 10.0, particles, CATALOG);
		record = RunRecordFile.path(project, "r1", "tomopick", "0");
		RunRecordFile.write(record, new RunRecord("r1", "fp", TOMOGRAM, RunRecordFile.digests(files),
				Map.of("ribosome", 1, "apo-ferritin", 1), Map.of("read", 0.5), "job-1", 1, "driver@host", "now"));
	}

	private boolean complete(String fingerprint, String tomogram) {
		return RunRecordFile.complete(project, "r1", "tomopick", "0", fingerprint, tomogram, CATALOG).isPresent();
	}

	@Test
	void theRecordIsHiddenBesideThePicksAndReadsBackAsWritten() {
		assertEquals(project.picksFolder("r1").resolve(".tomopick-batch-tomopick_0.done"), record);
		RunRecord r = RunRecordFile.read(record).orElseThrow();
		assertEquals("job-1", r.job());
		assertEquals(6, r.files().size(), "one picks file per class");
		assertEquals(Map.of("ribosome", 1, "apo-ferritin", 1), r.particles());
		assertEquals(6, project.picksFiles("r1").size(), "not taken for picks");
		assertTrue(complete("fp", TOMOGRAM));
	}

	@Test
	void otherSettingsOrAnotherTomogramAreNotComplete() {
		assertFalse(complete("other-fingerprint", TOMOGRAM));
		assertFalse(complete("fp", "VoxelSpacing10.012/denoised.zarr"));
	}

	@Test
	void aPicksFileChangedOrMissingIsNotComplete() throws Exception {
		Path ribosome = project.picksPath("r1", "tomopick", "0", "ribosome");
		byte[] bytes = Files.readAllBytes(ribosome);
		Files.writeString(ribosome, "{}");
		assertFalse(complete("fp", TOMOGRAM));
		Files.write(ribosome, bytes);
		assertTrue(complete("fp", TOMOGRAM));
		Files.delete(project.picksPath("r1", "tomopick", "0", "virus-like-particle"));
		assertFalse(complete("fp", TOMOGRAM));
	}

	@Test
	void aRecordThatIsNotOneIsNeverTrusted() throws Exception {
		String text = Files.readString(record);
		for (String broken : List.of("", "{", "[]", "null", text.substring(0, text.length() / 2),
				text.replace("tomopick batch run record 1", "something else"),
				text.replace("\"attempts\": 1", "\"attempts\": \"x\""), text.replace("\"files\": {", "\"files\": [{"))) {
			Files.writeString(record, broken);
			assertFalse(complete("fp", TOMOGRAM), broken);
		}
		Files.delete(record);
		assertFalse(complete("fp", TOMOGRAM));
	}
}
