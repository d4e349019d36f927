package org.tomopick.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

	private AtomicFiles() {
	}

	public static void write(Path target, ContentWriter content) {
		writeAll(java.util.Map.of(target, content));
	}

	/**
	 * Writes several files as one change, as far as a file system allows: every content goes to its temporary file
	 * (flushed to disk) first, and only when all are complete are they renamed over their targets, one right after
	 * the other. A failure while writing leaves every target as it was; a crash can only fall between two renames
	 * (microseconds), leaving some files new and the rest old, each one whole.
	 */
	public static void writeAll(java.util.Map<Path, ContentWriter> contents) {
		contents.keySet().forEach(AtomicFiles::requireReplaceable);
		java.util.Map<Path, Path> temporaries = new java.util.LinkedHashMap<>();
		Path current = null;
		try {
			for (java.util.Map.Entry<Path, ContentWriter> e : contents.entrySet()) {
				current = e.getKey();
				temporaries.put(current, prepare(current, e.getValue(), temporaries));
			}
			for (java.util.Map.Entry<Path, Path> e : new java.util.ArrayList<>(temporaries.entrySet())) {
				current = e.getKey();
				requireReplaceable(current);
				try {
					Files.move(e.getValue(), current, StandardCopyOption.ATOMIC_MOVE,
							StandardCopyOption.REPLACE_EXISTING);
				} catch (AtomicMoveNotSupportedException notAtomic) {
					Files.move(e.getValue(), current, StandardCopyOption.REPLACE_EXISTING);
				}
				temporaries.remove(current);
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
		}
	}

	/** The content in a complete, flushed temporary file beside the target (recorded in {@code made} at once). */
	private static Path prepare(Path target, ContentWriter content, java.util.Map<Path, Path> made)
			throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		removeAbandoned(dir, target.getFileName().toString());
		Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
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

	/** Removes this target's temporaries that a killed process left (older than {@link #ABANDONED}). */
	private static void removeAbandoned(Path dir, String name) {
		java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.from(
				java.time.Instant.now().minus(ABANDONED));
		try (var files = Files.list(dir)) {
			for (Path p : files.toList()) {
				String n = p.getFileName().toString();
				if (n.startsWith("." + name + ".") && n.endsWith(".tmp")
						&& Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
						&& Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS).compareTo(before) < 0)
					Files.deleteIfExists(p);
			}
		} catch (IOException e) {
			// best effort: a leftover temporary is hidden and harmless
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
