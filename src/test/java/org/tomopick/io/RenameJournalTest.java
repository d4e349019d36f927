package org.tomopick.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a process killed between the renames of a several-file change leaves, and how the next reader finishes it. */
class RenameJournalTest {

	@TempDir
	Path tmp;

	/** Targets a, b, c with old content; a already renamed to its new content, b and c still temporaries. */
	private Path killedBetweenRenames(String journalEnd) throws IOException {
		Path dir = Files.createDirectories(tmp.resolve("Picks"));
		for (String n : List.of("a.json", "b.json", "c.json"))
			Files.writeString(dir.resolve(n), "old " + n);
		Files.writeString(dir.resolve("a.json"), "new a.json");
		Files.writeString(dir.resolve(".b.json.123.tmp"), "new b.json");
		Files.writeString(dir.resolve(".c.json.456.tmp"), "new c.json");
		Files.writeString(dir.resolve(".tomopick-renames-0000abcd.journal"), RenameJournal.HEADER + "\n"
				+ ".a.json.789.tmp\ta.json\n.b.json.123.tmp\tb.json\n.c.json.456.tmp\tc.json\n" + journalEnd);
		return dir;
	}

	@Test
	void theNextReaderFinishesTheRenamesOfAKilledWriter() throws IOException {
		Path dir = killedBetweenRenames("end\n");
		AtomicFiles.finishInterrupted(dir);
		for (String n : List.of("a.json", "b.json", "c.json"))
			assertEquals("new " + n, Files.readString(dir.resolve(n)), "all new, none old");
		assertEquals(List.of("a.json", "b.json", "c.json"), names(dir), "journal and temporaries gone");
		AtomicFiles.finishInterrupted(dir); // nothing left to do
		assertEquals(3, names(dir).size());
	}

	@Test
	void aWriteIntoTheFolderFinishesTheKilledChangeBeforeItsOwn() throws IOException {
		Path dir = killedBetweenRenames("end\n");
		Map<Path, AtomicFiles.ContentWriter> contents = new LinkedHashMap<>();
		contents.put(dir.resolve("c.json"), out -> out.write("newest c.json".getBytes()));
		contents.put(dir.resolve("d.json"), out -> out.write("newest d.json".getBytes()));
		AtomicFiles.writeAll(contents);
		assertEquals("new b.json", Files.readString(dir.resolve("b.json")));
		assertEquals("newest c.json", Files.readString(dir.resolve("c.json")), "the old journal did not replay over it");
		assertEquals(List.of("a.json", "b.json", "c.json", "d.json"), names(dir));
	}

	@Test
	void aJournalCutShortIsNotActedOnAndGoesOnceAbandoned() throws IOException {
		Path dir = killedBetweenRenames("");
		Path journal = dir.resolve(".tomopick-renames-0000abcd.journal");
		AtomicFiles.finishInterrupted(dir);
		assertEquals("old b.json", Files.readString(dir.resolve("b.json")), "no decision was recorded: nothing moves");
		assertTrue(Files.exists(journal), "a writer may still be writing it");
		Files.setLastModifiedTime(journal, FileTime.from(Instant.now().minusSeconds(3600)));
		AtomicFiles.finishInterrupted(dir);
		assertTrue(!Files.exists(journal));
		assertEquals("old b.json", Files.readString(dir.resolve("b.json")));
	}

	@Test
	void aJournalHeldByALiveWriterIsLeftAlone() throws IOException {
		Path dir = Files.createDirectories(tmp.resolve("Picks"));
		Files.writeString(dir.resolve("a.json"), "old");
		Path temporary = Files.writeString(dir.resolve(".a.json.1.tmp"), "new");
		try (RenameJournal held = RenameJournal.begin(dir, Map.of(dir.resolve("a.json"), temporary))) {
			AtomicFiles.finishInterrupted(dir);
			assertEquals("old", Files.readString(dir.resolve("a.json")), "the live writer renames, not the reader");
		}
		assertEquals(List.of(".a.json.1.tmp", "a.json"), names(dir), "closed: the journal is gone");
	}

	@Test
	void aCraftedJournalNeverMovesFilesOutOfItsFolder() throws IOException {
		Path dir = Files.createDirectories(tmp.resolve("run/Picks"));
		Files.writeString(tmp.resolve("run/secret.txt"), "keep");
		Files.writeString(dir.resolve(".x.tmp"), "evil");
		Path journal = Files.writeString(dir.resolve(".tomopick-renames-evil.journal"),
				RenameJournal.HEADER + "\n.x.tmp\t../secret.txt\nend\n");
		TomoPickIoException e = assertThrows(TomoPickIoException.class, () -> AtomicFiles.finishInterrupted(dir));
		assertTrue(e.getMessage().contains(journal.toString()) && e.getMessage().contains("not TomoPick's"),
				e.getMessage());
		assertEquals("keep", Files.readString(tmp.resolve("run/secret.txt")));

		Files.write(journal, new byte[RenameJournal.MAX_BYTES + 1]);
		e = assertThrows(TomoPickIoException.class, () -> AtomicFiles.finishInterrupted(dir));
		assertTrue(e.getMessage().contains("more than a rename journal ever holds"), e.getMessage());
	}

	private static List<String> names(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}
