package org.tomopick.io.zarr.codec;

/**
 * Decoder for BloscLZ, Blosc's own LZ77 format (a FastLZ variant), written from the format as c-blosc's
 * {@code blosclz.c} reads it. The stream is a sequence of tokens; the low 5 bits of the first byte are a literal
 * token. A token byte {@code ctrl} below 32 means {@code ctrl + 1} literal bytes follow. Otherwise it is a match of
 * length {@code (ctrl >> 5) + 2} (when the 3-bit field is 7, further bytes are added until one is not 255) at
 * distance {@code ((ctrl & 31) << 8) + next byte + 1}; a distance byte of 255 with a high part of 31 means a 16-bit
 * far distance follows (big-endian) and the distance is {@code that + 8191 + 1}. A match that ends the stream is not
 * copied, as in c-blosc.
 */
final class BloscLzDecompressor {

	private static final int MAX_DISTANCE = 8191;

	private BloscLzDecompressor() {
	}

	/**
	 * Decodes {@code src[srcOff, srcOff + srcLen)} to {@code dst[dstOff, ...)}, at most {@code maxOut} bytes.
	 *
	 * @return the number of bytes written
	 * @throws ChunkFormatException for a stream that overruns its input or output, or refers before its start
	 */
	static int decompress(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int maxOut) {
		if (srcLen == 0)
			return 0;
		int ip = srcOff;
		int ipLimit = srcOff + srcLen;
		int op = dstOff;
		int opLimit = dstOff + maxOut;
		int ctrl = src[ip++] & 31;
		while (true) {
			if (ctrl >= 32) {
				int len = (ctrl >>> 5) - 1;
				int ofs = (ctrl & 31) << 8;
				if (len == 6) {
					int code;
					do {
						if (ip + 1 >= ipLimit)
							throw truncated();
						code = src[ip++] & 0xff;
						len += code;
					} while (code == 255);
				} else if (ip + 1 >= ipLimit) {
					throw truncated();
				}
				int code = src[ip++] & 0xff;
				len += 3;
				int ref = op - ofs - code;
				if (code == 255 && ofs == (31 << 8)) {
					if (ip + 1 >= ipLimit)
						throw truncated();
					ofs = (src[ip++] & 0xff) << 8;
					ofs += src[ip++] & 0xff;
					ref = op - ofs - MAX_DISTANCE;
				}
				if (op + len > opLimit)
					throw new ChunkFormatException("blosclz match runs past the end of the output");
				if (ref - 1 < dstOff)
					throw new ChunkFormatException("blosclz match refers before the start of the output");
				if (ip >= ipLimit)
					break;
				ctrl = src[ip++] & 0xff;
				ref--;
				if (ref == op - 1) {
					java.util.Arrays.fill(dst, op, op + len, dst[ref]);
					op += len;
				} else if (op - ref >= len) {
					System.arraycopy(dst, ref, dst, op, len);
					op += len;
				} else {
					for (int i = 0; i < len; i++)
						dst[op++] = dst[ref++];
				}
			} else {
				int count = ctrl + 1;
				if (op + count > opLimit)
					throw new ChunkFormatException("blosclz literal runs past the end of the output");
				if (ip + count > ipLimit)
					throw truncated();
				System.arraycopy(src, ip, dst, op, count);
				op += count;
				ip += count;
				if (ip >= ipLimit)
					break;
				ctrl = src[ip++] & 0xff;
			}
		}
		return op - dstOff;
	}

	private static ChunkFormatException truncated() {
		return new ChunkFormatException("blosclz stream is truncated");
	}
}
