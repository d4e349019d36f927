package org.tomopick.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Reads a file of a models folder whose name comes from inside another file (a sidecar): the name must be a plain
 * file name, the file must lie in the folder (also after following links), be a regular file (not a device, FIFO or
 * socket) and be no larger than a model file can be, all checked before a byte is read or allocated. Model folders
 * travel between labs; a crafted sidecar must not make TomoPick read anything else.
 */
public final class ModelFiles {

	/** The largest model file read (the shipped ones are 2-20 MB). */
	public static final long MAX_BYTES = 512L << 20;

	private ModelFiles() {
	}

	/**
	 * @param folder the folder of the file that named it
	 * @param name   the name it gave
	 * @param named  the file that named it (for the message)
	 */
	public static byte[] read(Path folder, String name, Path named) {
		if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")
				|| name.contains("\\") || name.contains("\0") || name.contains(":"))
			throw new TomoPickIoException(named, "names the file '" + name + "'; it must be a plain file name in "
					+ folder);
		Path file = folder.resolve(name);
		try {
			Path real = file.toRealPath();
			if (!real.startsWith(folder.toRealPath()))
				throw new TomoPickIoException(named, "names " + file + ", which leads outside " + folder);
			if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS))
				throw new TomoPickIoException(file, "is not a regular file (a device, FIFO, socket or folder)");
			long size = Files.size(real);
			if (size > MAX_BYTES)
				throw new TomoPickIoException(file, "is " + size + " bytes; a model file is at most " + MAX_BYTES);
			byte[] bytes = new byte[(int) size];
			try (InputStream in = Files.newInputStream(real)) {
				int n = in.readNBytes(bytes, 0, bytes.length);
				if (n != bytes.length || in.read() != -1)
					throw new TomoPickIoException(file, "changed while it was read");
			}
			return bytes;
		} catch (java.nio.file.NoSuchFileException e) {
			throw new TomoPickIoException(file, "model file not found (named by " + named.getFileName() + ")", e);
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot read: " + e.getMessage(), e);
		}
	}
}
