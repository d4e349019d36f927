package org.tomopick.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file named inside a sidecar is read only when it is a plain, bounded, regular file of the model's folder. */
class ModelFilesTest {

	@TempDir
	Path tmp;

	@Test
	void readsAFileOfTheFolder() throws IOException {
		Path folder = Files.createDirectories(tmp.resolve("m"));
		Files.write(folder.resolve("unet.params"), new byte[] { 1, 2, 3 });
		assertArrayEquals(new byte[] { 1, 2, 3 }, ModelFiles.read(folder, "unet.params", folder.resolve("unet.json")));
	}

	@Test
	void refusesNamesAndFilesOutsideTheFolderSpecialFilesAndHugeFiles() throws Exception {
		Path folder = Files.createDirectories(tmp.resolve("m"));
		Path sidecar = folder.resolve("unet.json");
		Files.writeString(tmp.resolve("secret"), "not a model");
		for (String name : new String[] { "/etc/hostname", "../secret", "..", ".", "", "a/b", "x\0y", "C:x" }) {
			TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> ModelFiles.read(folder, name, sidecar),
					name);
			assertTrue(e.getMessage().contains("unet.json"), e.getMessage());
		}
		Files.createSymbolicLink(folder.resolve("link.params"), tmp.resolve("secret"));
		assertTrue(assertThrows(TomoPickIoException.class, () -> ModelFiles.read(folder, "link.params", sidecar))
				.getMessage().contains("outside"));
		Files.createDirectories(folder.resolve("dir.params"));
		assertTrue(assertThrows(TomoPickIoException.class, () -> ModelFiles.read(folder, "dir.params", sidecar))
				.getMessage().contains("not a regular file"));
		Process fifo = new ProcessBuilder("mkfifo", folder.resolve("fifo.params").toString()).start();
		assertTrue(fifo.waitFor() == 0, "mkfifo (coreutils) made the FIFO");
		assertTrue(assertThrows(TomoPickIoException.class, () -> ModelFiles.read(folder, "fifo.params", sidecar))
				.getMessage().contains("not a regular file"));
		try (RandomAccessFile huge = new RandomAccessFile(folder.resolve("huge.params").toFile(), "rw")) {
			huge.setLength(ModelFiles.MAX_BYTES + 1); // sparse: no disk used
		}
		assertTrue(assertThrows(TomoPickIoException.class, () -> ModelFiles.read(folder, "huge.params", sidecar))
				.getMessage().contains("at most"));
		assertTrue(assertThrows(TomoPickIoException.class, () -> ModelFiles.read(folder, "none.params", sidecar))
				.getMessage().contains("not found"));
	}
}
