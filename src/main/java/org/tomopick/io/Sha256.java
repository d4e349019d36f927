package org.tomopick.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex: what model sidecars and model cards record of a file. */
public final class Sha256 {

	private Sha256() {
	}

	public static String of(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	/** The digest of a file, read in blocks. */
	public static String of(Path file) {
		MessageDigest d = digest();
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			for (int n; (n = in.read(buffer)) > 0;)
				d.update(buffer, 0, n);
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot read: " + e.getMessage(), e);
		}
		return HexFormat.of().formatHex(d.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("this Java has no SHA-256", e);
		}
	}
}
