package org.tomopick.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

	@TempDir
	Path dir;

	@Test
	void newFilesAreWorldReadableAndReplacedFilesKeepTheirPermissions() throws IOException {
		Path fresh = dir.resolve("new.json");
		AtomicFiles.writeString(fresh, "{}");
		assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));

		Path shared = dir.resolve("shared.json");
		Files.writeString(shared, "old");
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
		AtomicFiles.writeString(shared, "new");
		assertEquals("new", Files.readString(shared));
		assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
	}

	@Test
	void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
		Path target = dir.resolve("picks.json");
		Files.writeString(target, "precious");
		assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
			out.write("half".getBytes());
			throw new IllegalStateException("serialisation failed");
		}));
		assertEquals("precious", Files.readString(target));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(1, files.count(), "no temporary file left");
		}
	}
}
