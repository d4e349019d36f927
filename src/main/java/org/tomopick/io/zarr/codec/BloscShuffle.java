package org.tomopick.io.zarr.codec;

/**
 * Blosc's two filters on one block: the byte shuffle (byte {@code j} of every element goes to plane {@code j}) and
 * the bit shuffle (bit {@code k} of byte {@code j} of every element goes to plane {@code 8j + k}, eight elements per
 * plane byte, element {@code e} at bit {@code e % 8}). Trailing bytes that do not make a whole element (and, for the
 * bit shuffle, blocks whose element count is not a multiple of 8) are left as they are, as c-blosc does.
 */
final class BloscShuffle {

	private BloscShuffle() {
	}

	/** Byte-unshuffles {@code length} bytes from {@code src[srcOff]} to {@code dst[dstOff]}. */
	static void unshuffle(int typeSize, byte[] src, int srcOff, byte[] dst, int dstOff, int length) {
		int n = length / typeSize;
		switch (typeSize) {
		case 2 -> {
			for (int i = 0; i < n; i++) {
				dst[dstOff + 2 * i] = src[srcOff + i];
				dst[dstOff + 2 * i + 1] = src[srcOff + n + i];
			}
		}
		case 4 -> {
			int s1 = srcOff + n, s2 = s1 + n, s3 = s2 + n;
			for (int i = 0, d = dstOff; i < n; i++, d += 4) {
				dst[d] = src[srcOff + i];
				dst[d + 1] = src[s1 + i];
				dst[d + 2] = src[s2 + i];
				dst[d + 3] = src[s3 + i];
			}
		}
		default -> {
			for (int j = 0; j < typeSize; j++) {
				int s = srcOff + j * n;
				for (int i = 0; i < n; i++)
					dst[dstOff + i * typeSize + j] = src[s + i];
			}
		}
		}
		int done = n * typeSize;
		System.arraycopy(src, srcOff + done, dst, dstOff + done, length - done);
	}

	/** Byte-shuffles {@code length} bytes from {@code src[srcOff]} to {@code dst[dstOff]}. */
	static void shuffle(int typeSize, byte[] src, int srcOff, byte[] dst, int dstOff, int length) {
		int n = length / typeSize;
		for (int j = 0; j < typeSize; j++) {
			int d = dstOff + j * n;
			for (int i = 0; i < n; i++)
				dst[d + i] = src[srcOff + i * typeSize + j];
		}
		int done = n * typeSize;
		System.arraycopy(src, srcOff + done, dst, dstOff + done, length - done);
	}

	/** Bit-unshuffles {@code length} bytes from {@code src[srcOff]} to {@code dst[dstOff]}. */
	static void bitUnshuffle(int typeSize, byte[] src, int srcOff, byte[] dst, int dstOff, int length) {
		int n = length / typeSize;
		if (n % 8 != 0) {
			System.arraycopy(src, srcOff, dst, dstOff, length);
			return;
		}
		int rowBytes = n / 8;
		for (int j = 0; j < typeSize; j++) {
			int planes = srcOff + 8 * j * rowBytes;
			for (int g = 0; g < rowBytes; g++) {
				// the eight planes of byte j for elements 8g .. 8g+7, plane k in byte k of x
				long x = 0;
				for (int k = 0; k < 8; k++)
					x |= (src[planes + k * rowBytes + g] & 0xffL) << (8 * k);
				x = transpose8x8(x);
				// now byte e of x holds byte j of element 8g + e
				int d = dstOff + 8 * g * typeSize + j;
				for (int e = 0; e < 8; e++, x >>>= 8)
					dst[d + e * typeSize] = (byte) x;
			}
		}
		int done = n * typeSize;
		System.arraycopy(src, srcOff + done, dst, dstOff + done, length - done);
	}

	/**
	 * Transposes an 8x8 bit matrix held in a long, row r in byte r and column c in bit c: bit c of byte r moves to
	 * bit r of byte c.
	 */
	static long transpose8x8(long x) {
		long t;
		t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
		x = x ^ t ^ (t << 7);
		t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
		x = x ^ t ^ (t << 14);
		t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
		x = x ^ t ^ (t << 28);
		return x;
	}
}
