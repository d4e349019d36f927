package org.tomopick.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a reader never sees a half-written one: the content goes to a temporary file in the same
 * folder, is flushed to disk, and is then renamed over the target. If anything fails, the temporary file is
 * removed and an existing target is left exactly as it was.
 */
public final class AtomicFiles {

	/** Something that writes the whole content of a file to a stream. */
	@FunctionalInterface
	public interface ContentWriter {
		void writeTo(OutputStream out) throws IOException;
	}

	/**
	 * Runs after each rename of a journalled {@link #writeAll}, when set: a test seam where a test parks a child JVM
	 * between two renames to kill it there. Never set outside tests.
	 */
	static volatile Runnable afterEachRename;

	private AtomicFiles() {
	}

	public static void write(Path target, ContentWriter content) {
		writeAll(java.util.Map.of(target, content));
	}

	/**
	 * Writes several files as one change: every content goes to its temporary file (flushed to disk) first, and only
	 * when all are complete are they renamed over their targets. When the targets share a folder, the renames are
	 * first listed in a locked {@link RenameJournal} there, so that a process killed between two renames leaves a
	 * change that the next read or write of that folder finishes ({@link #finishInterrupted}): the targets end all
	 * old or all new, each one whole. A failure while writing leaves every target as it was.
	 */
	public static void writeAll(java.util.Map<Path, ContentWriter> contents) {
		contents.keySet().forEach(AtomicFiles::requireReplaceable);
		java.util.Set<Path> folders = new java.util.LinkedHashSet<>();
		for (Path target : contents.keySet())
			folders.add(target.toAbsolutePath().getParent());
		folders.forEach(AtomicFiles::finishInterrupted);
		java.util.Map<Path, Path> temporaries = new java.util.LinkedHashMap<>();
		Path current = null;
		RenameJournal journal = null;
		try {
			for (java.util.Map.Entry<Path, ContentWriter> e : contents.entrySet()) {
				current = e.getKey();
				temporaries.put(current, prepare(current, e.getValue(), temporaries));
			}
			current = contents.keySet().iterator().next();
			if (temporaries.size() > 1 && folders.size() == 1)
				journal = RenameJournal.begin(folders.iterator().next(), temporaries);
			for (java.util.Map.Entry<Path, Path> e : new java.util.ArrayList<>(temporaries.entrySet())) {
				current = e.getKey();
				requireReplaceable(current);
				RenameJournal.move(e.getValue(), current);
				temporaries.remove(current);
				Runnable pause = afterEachRename;
				if (pause != null && journal != null)
					pause.run();
			}
		} catch (IOException e) {
			throw new TomoPickIoException(current, "cannot write: " + e.getMessage(), e);
		} finally {
			for (Path tmp : temporaries.values())
				try {
					Files.deleteIfExists(tmp);
				} catch (IOException ignored) {
					// best effort: the targets themselves are untouched
				}
			if (journal != null)
				try {
					journal.close();
				} catch (IOException ignored) {
					// a journal whose temporaries are all gone changes nothing when replayed
				}
		}
	}

	/**
	 * Finishes a change of several files in {@code folder} that a killed process left between two renames (see
	 * {@link RenameJournal}); a folder without one is left as it is. Readers of such folders call this first.
	 */
	public static void finishInterrupted(Path folder) {
		RenameJournal.recover(folder);
	}

	/** The content in a complete, flushed temporary file beside the target (recorded in {@code made} at once). */
	private static Path prepare(Path target, ContentWriter content, java.util.Map<Path, Path> made)
			throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		removeAbandoned(dir, target.getFileName().toString());
		Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "." + PID + "-", ".tmp");
		made.put(target, tmp);
		keepPermissions(tmp, target);
		try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE);
				OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel),
						1 << 16)) {
			content.writeTo(out);
			out.flush();
			channel.force(true);
		}
		return tmp;
	}

	/** Temporaries older than this were left by a killed process (a write takes seconds) and are removed. */
	static final java.time.Duration ABANDONED = java.time.Duration.ofMinutes(10);

	/** This process's id, in the names of its temporaries ({@code .<target>.<pid>-<random>.tmp}). */
	private static final long PID = ProcessHandle.current().pid();

	/**
	 * Removes this target's temporaries that a killed process left: those of a process (named by the id in the
	 * temporary's name) that is no longer running on this machine, and any older than {@link #ABANDONED} (from
	 * another machine sharing the folder, or named before process ids were).
	 */
	private static void removeAbandoned(Path dir, String name) {
		java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(
				java.time.Instant.now().minus(ABANDONED));
		String prefix = "." + name + ".";
		try (var files = Files.list(dir)) {
			for (Path p : files.toList()) {
				String n = p.getFileName().toString();
				if (n.startsWith(prefix) && n.endsWith(".tmp")
						&& Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
						&& (writerEnded(n.substring(prefix.length())) || Files.getLastModifiedTime(p,
								java.nio.file.LinkOption.NOFOLLOW_LINKS).compareTo(before) < 0))
					Files.deleteIfExists(p);
			}
		} catch (IOException e) {
			// best effort: a leftover temporary is hidden and harmless
		}
	}

	/** Whether the process named at the start of {@code pidAndRest} ({@code <pid>-...}) has ended here. */
	private static boolean writerEnded(String pidAndRest) {
		int dash = pidAndRest.indexOf('-');
		if (dash <= 0 || dash > 19)
			return false;
		try {
			long pid = Long.parseLong(pidAndRest.substring(0, dash));
			return pid != PID && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
		} catch (NumberFormatException notOurs) {
			return false;
		}
	}

	/**
	 * Only a regular file is ever replaced: an existing device, FIFO, socket, folder or symbolic link at the target
	 * is refused (the rename would put a file in its place; as root, over /dev/full).
	 */
	public static void requireReplaceable(Path target) {
		if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
				&& !Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS))
			throw new TomoPickIoException(target, "exists and is not a regular file (a device, FIFO, socket, folder "
					+ "or link); TomoPick only ever replaces regular files: give another output path");
	}

	/**
	 * A temporary file is created readable by its owner only; the result should have the permissions of the file it
	 * replaces, or the usual rw-r--r-- of a new file (others on the team must be able to read picks and models).
	 */
	private static void keepPermissions(Path tmp, Path target) throws IOException {
		try {
			Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
					: PosixFilePermissions.fromString("rw-r--r--");
			Files.setPosixFilePermissions(tmp, permissions);
		} catch (UnsupportedOperationException notPosix) {
			// Windows: the temporary file already has the folder's ACLs
		}
	}

	public static void writeBytes(Path target, byte[] bytes) {
		write(target, out -> out.write(bytes));
	}

	public static void writeString(Path target, String text) {
		writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
	}
}
