package org.tomopick.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes the renames that put several complete temporary files over their targets in one folder survive a kill:
 * before the first rename, the list of renames is written to a hidden journal in that folder
 * ({@code .tomopick-renames-<token>.journal}), locked by the writing process for as long as it renames. A journal
 * that is complete and that no live process holds (the operating system drops the lock of a killed process) means
 * that its writer decided to replace every target but died between two renames: {@link #recover} finishes the
 * renames whose temporary files are still there, so the targets end all new, never a mix of old and new.
 * <p>
 * Layout (UTF-8 text): the line {@value #HEADER}, one line {@code <temporary name> TAB <target name>} per file (plain
 * names in the journal's own folder, each temporary named {@code .<target>.<anything>.tmp} as {@link AtomicFiles}
 * makes them), and the line {@value #END}. Anything else — a path, a name outside the folder, a missing end line, a
 * file over {@value #MAX_BYTES} bytes — is not acted on.
 */
final class RenameJournal implements AutoCloseable {

	static final String HEADER = "tomopick rename journal 1";
	static final String END = "end";
	static final String PREFIX = ".tomopick-renames-";
	static final String SUFFIX = ".journal";
	static final int MAX_BYTES = 1 << 20;
	/** An incomplete journal this old was left by a writer killed before it decided anything. */
	static final Duration INCOMPLETE_ABANDONED = Duration.ofMinutes(1);

	private final Path file;
	private final FileChannel channel;
	private final FileLock lock;

	private RenameJournal(Path file, FileChannel channel, FileLock lock) {
		this.file = file;
		this.channel = channel;
		this.lock = lock;
	}

	/**
	 * Writes, flushes and locks the journal of these renames (target -> complete temporary file, all in
	 * {@code dir}); the renames may start once this returns.
	 */
	static RenameJournal begin(Path dir, Map<Path, Path> temporaries) throws IOException {
		StringBuilder text = new StringBuilder(HEADER).append('\n');
		for (Map.Entry<Path, Path> e : temporaries.entrySet())
			text.append(e.getValue().getFileName()).append('\t').append(e.getKey().getFileName()).append('\n');
		text.append(END).append('\n');
		Path file = dir.resolve(PREFIX + UUID.randomUUID().toString().substring(0, 8) + SUFFIX);
		FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
		try {
			FileLock lock = channel.lock();
			ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
			while (bytes.hasRemaining())
				channel.write(bytes);
			channel.force(true);
			return new RenameJournal(file, channel, lock);
		} catch (IOException | RuntimeException e) {
			channel.close();
			Files.deleteIfExists(file);
			throw e;
		}
	}

	/** The renames are done (or abandoned, their temporaries removed): the journal goes. */
	@Override
	public void close() throws IOException {
		try {
			Files.deleteIfExists(file);
		} finally {
			lock.release();
			channel.close();
		}
	}

	/**
	 * Finishes what killed writers left in {@code dir}: every complete journal that no live process holds is
	 * replayed (its remaining temporary files renamed over their targets) and removed. Nothing happens in a folder
	 * without journals.
	 *
	 * @throws TomoPickIoException naming the journal when the renames cannot be finished (a read-only folder, a
	 *                             target that became a folder or a device)
	 */
	static void recover(Path dir) {
		if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS))
			return;
		List<Path> journals = new ArrayList<>();
		try (var files = Files.list(dir)) {
			for (Path p : files.toList()) {
				String n = p.getFileName().toString();
				if (n.startsWith(PREFIX) && n.endsWith(SUFFIX) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
					journals.add(p);
			}
		} catch (IOException e) {
			return; // an unreadable folder fails at the read or write that follows, naming it
		}
		for (Path journal : journals.stream().sorted().toList())
			replay(journal);
	}

	private static void replay(Path journal) {
		try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
			FileLock lock;
			try {
				lock = channel.tryLock();
			} catch (OverlappingFileLockException sameProcess) {
				return; // this process is renaming right now
			}
			if (lock == null)
				return; // another live process is renaming right now
			try {
				List<String[]> renames = parse(journal, channel);
				if (renames == null) {
					if (Files.getLastModifiedTime(journal).toInstant()
							.isBefore(Instant.now().minus(INCOMPLETE_ABANDONED)))
						Files.deleteIfExists(journal);
					return;
				}
				Path dir = journal.getParent();
				for (String[] rename : renames) {
					Path tmp = dir.resolve(rename[0]), target = dir.resolve(rename[1]);
					if (!Files.isRegularFile(tmp, LinkOption.NOFOLLOW_LINKS))
						continue; // renamed before the kill
					AtomicFiles.requireReplaceable(target);
					move(tmp, target);
				}
				Files.deleteIfExists(journal);
			} finally {
				lock.release();
			}
		} catch (NoSuchFileException gone) {
			// replayed by another process meanwhile
		} catch (IOException e) {
			throw new TomoPickIoException(journal, "a write of several files in this folder was interrupted and cannot "
					+ "be finished here (" + e.getMessage() + "); finish it with write access to the folder");
		}
	}

	/** The renames of a complete, well-formed journal; null for one that is not (yet) complete. */
	private static List<String[]> parse(Path journal, FileChannel channel) throws IOException {
		long size = channel.size();
		if (size > MAX_BYTES)
			throw new TomoPickIoException(journal, "is " + size + " bytes, more than a rename journal ever holds ("
					+ MAX_BYTES + "); it is not TomoPick's: remove it");
		ByteBuffer bytes = ByteBuffer.allocate((int) size);
		while (bytes.hasRemaining())
			if (channel.read(bytes, bytes.position()) < 0)
				break;
		String[] lines = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).split("\n", -1);
		if (lines.length < 3 || !lines[0].equals(HEADER) || !lines[lines.length - 2].equals(END)
				|| !lines[lines.length - 1].isEmpty())
			return null;
		List<String[]> renames = new ArrayList<>();
		for (int i = 1; i < lines.length - 2; i++) {
			String[] names = lines[i].split("\t", -1);
			if (names.length != 2 || !plainName(names[0]) || !plainName(names[1])
					|| !names[0].startsWith("." + names[1] + ".") || !names[0].endsWith(".tmp"))
				throw new TomoPickIoException(journal, "line " + (i + 1) + " is not a rename of a temporary file to "
						+ "its target in this folder; the journal is not TomoPick's: remove it");
			renames.add(names);
		}
		return renames;
	}

	private static boolean plainName(String name) {
		return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/")
				&& !name.contains("\\") && !name.contains("\0");
	}

	static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException notAtomic) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
