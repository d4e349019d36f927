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

	@Test
	void neverReplacesAnythingButARegularFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("folder"));
		java.nio.file.Path fifo = dir.resolve("fifo");
		org.junit.jupiter.api.Assertions.assertEquals(0,
				new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo (coreutils)");
		java.nio.file.Path kept = java.nio.file.Files.writeString(dir.resolve("kept.json"), "old");
		java.nio.file.Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link.json"), kept);
		for (java.nio.file.Path target : new java.nio.file.Path[] { folder, fifo, link,
				java.nio.file.Path.of("/dev/null") }) {
			TomoPickIoException e = org.junit.jupiter.api.Assertions.assertThrows(TomoPickIoException.class,
					() -> AtomicFiles.writeString(target, "new"), target.toString());
			org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
		}
		org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.isDirectory(folder));
		org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.isSymbolicLink(link));
		org.junit.jupiter.api.Assertions.assertEquals("old", java.nio.file.Files.readString(kept));
		try (var s = java.nio.file.Files.list(dir)) {
			org.junit.jupiter.api.Assertions.assertEquals(4, s.count(), "no temporary file left");
		}
	}

	@Test
	void severalFilesChangeTogetherOrNotAtAll(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		java.nio.file.Path a = java.nio.file.Files.writeString(dir.resolve("a.json"), "old a");
		java.nio.file.Path b = java.nio.file.Files.writeString(dir.resolve("b.json"), "old b");
		java.nio.file.Path c = dir.resolve("c.json");
		java.util.Map<java.nio.file.Path, AtomicFiles.ContentWriter> failing = new java.util.LinkedHashMap<>();
		failing.put(a, out -> out.write("new a".getBytes()));
		failing.put(b, out -> out.write("new b".getBytes()));
		failing.put(c, out -> {
			throw new java.io.IOException("disk full");
		});
		org.junit.jupiter.api.Assertions.assertThrows(TomoPickIoException.class, () -> AtomicFiles.writeAll(failing));
		org.junit.jupiter.api.Assertions.assertEquals("old a", java.nio.file.Files.readString(a));
		org.junit.jupiter.api.Assertions.assertEquals("old b", java.nio.file.Files.readString(b));
		try (var s = java.nio.file.Files.list(dir)) {
			org.junit.jupiter.api.Assertions.assertEquals(2, s.count(), "no temporary file left, c not made");
		}
		java.util.Map<java.nio.file.Path, AtomicFiles.ContentWriter> ok = new java.util.LinkedHashMap<>(failing);
		ok.put(c, out -> out.write("new c".getBytes()));
		AtomicFiles.writeAll(ok);
		org.junit.jupiter.api.Assertions.assertEquals("new a", java.nio.file.Files.readString(a));
		org.junit.jupiter.api.Assertions.assertEquals("new c", java.nio.file.Files.readString(c));
	}

	@Test
	void temporariesThatAKilledWriteLeftAreRemovedByTheNextWrite(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		java.nio.file.Path target = dir.resolve("tomopick_0_ribosome.json");
		java.nio.file.Path abandoned = java.nio.file.Files.writeString(dir.resolve(".tomopick_0_ribosome.json.123.tmp"),
				"half");
		java.nio.file.Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(
				java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
		java.nio.file.Path recent = java.nio.file.Files.writeString(dir.resolve(".tomopick_0_ribosome.json.456.tmp"),
				"another write, now");
		// named by a process that has ended (any age: it goes at once) and by one that runs (this JVM's parent: stays)
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor();
		java.nio.file.Path deadWriter = java.nio.file.Files.writeString(dir.resolve(".tomopick_0_ribosome.json."
				+ ended.pid() + "-42.tmp"), "half, just now");
		long parent = ProcessHandle.current().parent().orElseThrow().pid();
		java.nio.file.Path liveWriter = java.nio.file.Files.writeString(dir.resolve(".tomopick_0_ribosome.json."
				+ parent + "-43.tmp"), "being written");
		java.nio.file.Path other = java.nio.file.Files.writeString(dir.resolve(".other.json.789.tmp"), "not ours");
		java.nio.file.Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.from(
				java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
		AtomicFiles.writeString(target, "new");
		org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(abandoned), "the abandoned one goes");
		org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.exists(recent), "a fresh one may be in use");
		org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(deadWriter), "its writer has ended");
		org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.exists(liveWriter), "its writer runs");
		org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.exists(other), "another target's stays");
		org.junit.jupiter.api.Assertions.assertEquals("new", java.nio.file.Files.readString(target));
	}
}
