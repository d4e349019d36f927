package org.tomopick.io.zarr;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.function.Consumer;

import org.tomopick.io.TomoPickIoException;

/**
 * Builds a directory tree in a temporary sibling of the target and renames it into place, so that readers never see
 * a half-written Zarr store. An existing target is refused unless overwriting is asked for; then it is moved aside,
 * the new tree renamed in, and the old one deleted only after that. On failure the temporary tree is deleted and an
 * existing target stays as it was.
 */
public final class DirectoryCommit {

	private DirectoryCommit() {
	}

	/** Runs {@code content} on a fresh temporary directory and renames that to {@code target}. */
	static void write(Path target, boolean overwrite, Consumer<Path> content) {
		Path absolute = target.toAbsolutePath().normalize();
		Path parent = absolute.getParent();
		recover(absolute);
		if (Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !overwrite)
			throw new TomoPickIoException(target, "already exists (asked not to overwrite)");
		if (Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !isZarrStore(absolute))
			throw new TomoPickIoException(target, "exists and is not a Zarr store (a folder with .zarray, .zgroup "
					+ "or .zattrs); only a Zarr store is ever replaced: give another output path");
		String token = UUID.randomUUID().toString().substring(0, 8);
		Path tmp = parent.resolve("." + absolute.getFileName() + ".tmp-" + token);
		Path old = parent.resolve("." + absolute.getFileName() + ".old-" + token);
		boolean done = false;
		try {
			Files.createDirectories(parent);
			Files.createDirectory(tmp);
			content.accept(tmp);
			if (Files.exists(absolute)) {
				if (!overwrite)
					throw new TomoPickIoException(target, "appeared while writing (asked not to overwrite)");
				move(absolute, old);
				try {
					move(tmp, absolute);
				} catch (IOException e) {
					move(old, absolute);
					throw e;
				}
				deleteTree(old);
			} else {
				move(tmp, absolute);
			}
			done = true;
		} catch (IOException e) {
			throw new TomoPickIoException(target, "cannot write: " + e.getMessage(), e);
		} finally {
			if (!done)
				deleteQuietly(tmp);
		}
	}

	/**
	 * Puts back the previous version of a missing target that a write killed between its two renames moved aside
	 * (the old output, whole); the hidden leftovers go at the next write. A reader calls this before it says that a
	 * store does not exist.
	 *
	 * @return whether the target exists again
	 */
	public static boolean restoreInterrupted(Path target) {
		Path absolute = target.toAbsolutePath().normalize();
		Path parent = absolute.getParent();
		if (parent == null || absolute.getFileName() == null || !Files.isDirectory(parent)
				|| Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS))
			return false;
		String prefix = "." + absolute.getFileName() + ".old-";
		java.util.Optional<Path> aside;
		try (var siblings = Files.list(parent)) {
			aside = siblings.filter(p -> p.getFileName().toString().startsWith(prefix))
					.filter(DirectoryCommit::isZarrStore).sorted().findFirst();
		} catch (IOException e) {
			return false;
		}
		if (aside.isEmpty())
			return false;
		try {
			// a writer still between its renames (microseconds) then fails cleanly: its target already exists
			move(aside.get(), absolute);
			return true;
		} catch (IOException e) {
			throw new TomoPickIoException(target, "does not exist: a write of it was interrupted and left the previous "
					+ "version at " + aside.get() + ", which cannot be moved back here (" + e.getMessage()
					+ "); rename it back by hand");
		}
	}

	/** A real folder (not a link) holding Zarr metadata at its top. */
	static boolean isZarrStore(Path dir) {
		if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS))
			return false;
		for (String meta : new String[] { ".zarray", ".zgroup", ".zattrs", "zarr.json" })
			if (Files.isRegularFile(dir.resolve(meta), java.nio.file.LinkOption.NOFOLLOW_LINKS))
				return true;
		return false;
	}

	/**
	 * Cleans up after a write that was killed: a target that was moved aside but not replaced is moved back (the old
	 * output, whole), then the hidden temporary and old trees of earlier writes of this target are removed.
	 */
	static void recover(Path absolute) {
		Path parent = absolute.getParent();
		String name = absolute.getFileName().toString();
		if (parent == null || !Files.isDirectory(parent))
			return;
		try (var siblings = Files.list(parent)) {
			for (Path p : siblings.sorted().toList()) {
				String n = p.getFileName().toString();
				boolean old = n.startsWith("." + name + ".old-"), tmp = n.startsWith("." + name + ".tmp-");
				if (old && !Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS))
					move(p, absolute);
				else if (old || tmp)
					deleteTree(p);
			}
		} catch (IOException e) {
			throw new TomoPickIoException(absolute, "cannot clean up after an earlier, interrupted write: "
					+ e.getMessage(), e);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to);
		}
	}

	private static void deleteQuietly(Path dir) {
		try {
			if (Files.exists(dir))
				deleteTree(dir);
		} catch (IOException ignored) {
			// best effort: the temporary tree is hidden and named as such
		}
	}

	/** Deletes a folder and everything in it. */
	public static void deleteTree(Path dir) throws IOException {
		Files.walkFileTree(dir, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
				if (e != null)
					throw e;
				Files.delete(d);
				return FileVisitResult.CONTINUE;
			}
		});
	}
}
