package org.tomopick.io.zarr.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The Blosc container, its filters and BloscLZ, on hand-made input. */
class BloscCodecTest {

	@Test
	void transpose8x8MovesBitCOfByteRToBitROfByteC() {
		Random random = new Random(1);
		for (int trial = 0; trial < 200; trial++) {
			long x = random.nextLong();
			long expected = 0;
			for (int r = 0; r < 8; r++)
				for (int c = 0; c < 8; c++)
					if ((x >>> (8 * r + c) & 1) != 0)
						expected |= 1L << (8 * c + r);
			assertEquals(expected, BloscShuffle.transpose8x8(x));
		}
	}

	@Test
	void bitUnshuffleFollowsThePlaneLayout() {
		// 16 elements of 2 bytes; element e has value e * 257 + 1, plane (8j + k) holds bit k of byte j
		int n = 16, typeSize = 2;
		byte[] plain = new byte[n * typeSize];
		for (int e = 0; e < n; e++) {
			plain[2 * e] = (byte) (e * 3 + 1);
			plain[2 * e + 1] = (byte) (200 - e);
		}
		byte[] planes = new byte[plain.length];
		for (int e = 0; e < n; e++)
			for (int j = 0; j < typeSize; j++)
				for (int k = 0; k < 8; k++)
					if ((plain[e * typeSize + j] >>> k & 1) != 0)
						planes[(8 * j + k) * (n / 8) + e / 8] |= (byte) (1 << (e % 8));
		byte[] out = new byte[plain.length];
		BloscShuffle.bitUnshuffle(typeSize, planes, 0, out, 0, planes.length);
		assertArrayEquals(plain, out);
	}

	@Test
	void byteShuffleRoundTripsWithTrailingBytes() {
		byte[] raw = new byte[4 * 37 + 3];
		new Random(2).nextBytes(raw);
		byte[] shuffled = new byte[raw.length];
		BloscShuffle.shuffle(4, raw, 0, shuffled, 0, raw.length);
		assertEquals(raw[4], shuffled[1], "byte 0 of element 1 is second in plane 0");
		assertEquals(raw[1], shuffled[37], "byte 1 of element 0 starts plane 1");
		byte[] back = new byte[raw.length];
		BloscShuffle.unshuffle(4, shuffled, 0, back, 0, raw.length);
		assertArrayEquals(raw, back);
	}

	@Test
	void blosclzLiteralsRunsAndFarMatches() {
		// literal run "ABC" (ctrl 2), then a match of length 5 at distance 1 (a run of 'C'): ctrl = (5-2)<<5 | 0, code 0
		byte[] stream = { 2, 'A', 'B', 'C', (byte) (3 << 5), 0, 0, 'D' };
		byte[] out = new byte[9];
		int n = BloscLzDecompressor.decompress(stream, 0, stream.length, out, 0, out.length);
		assertEquals(9, n);
		assertArrayEquals("ABCCCCCCD".getBytes(), out);

		// 9000 distinct-ish literal bytes, then copy 20 bytes from distance 8200 (far: 8200 = 8191 + 1 + 8)
		int lits = 9000;
		byte[] literal = new byte[lits];
		new Random(3).nextBytes(literal);
		java.io.ByteArrayOutputStream s = new java.io.ByteArrayOutputStream();
		for (int i = 0; i < lits; i += 32) {
			int count = Math.min(32, lits - i);
			s.write(count - 1);
			s.write(literal, i, count);
		}
		// match length 20 = 7 + 2 + 11 -> field 7, extra byte 11; high distance bits 31, code 255, then 16-bit 8
		s.write(7 << 5 | 31);
		s.write(11);
		s.write(255);
		s.write(0);
		s.write(8);
		s.write(0); // one final literal
		s.write('Z');
		byte[] far = s.toByteArray();
		byte[] decoded = new byte[lits + 21];
		assertEquals(lits + 21, BloscLzDecompressor.decompress(far, 0, far.length, decoded, 0, decoded.length));
		for (int i = 0; i < 20; i++)
			assertEquals(literal[lits - 8200 + i], decoded[lits + i], "far match byte " + i);
		assertEquals('Z', decoded[lits + 20]);
	}

	@Test
	void blosclzMatchBeforeTheStartFails() {
		byte[] stream = { 0, 'A', (byte) (1 << 5), 5, 0, 'B' };
		assertThrows(ChunkFormatException.class,
				() -> BloscLzDecompressor.decompress(stream, 0, stream.length, new byte[16], 0, 16));
	}

	@Test
	void encodeDecodeRoundTripsForEveryWrittenCompressor() {
		Random random = new Random(4);
		for (String cname : new String[] { "lz4", "lz4hc", "zlib", "zstd" })
			for (int shuffle : new int[] { BloscCodec.NOSHUFFLE, BloscCodec.SHUFFLE })
				for (int size : new int[] { 0, 100, 4000, 200_000, 300_003 }) {
					byte[] raw = new byte[size];
					for (int i = 0; i < size; i++)
						raw[i] = (byte) (i % 97 < 50 ? i / 1000 : random.nextInt(256));
					BloscCodec codec = new BloscCodec(cname, 5, shuffle, 0);
					byte[] encoded = codec.encode(raw, 4);
					assertEquals(2, encoded[0], "format version");
					byte[] back = new byte[size];
					codec.decode(encoded, encoded.length, back, size);
					assertArrayEquals(raw, back, cname + " shuffle " + shuffle + " size " + size);
				}
	}

	@Test
	void corruptHeadersFailWithTheReason() {
		byte[] raw = new byte[5000];
		for (int i = 0; i < raw.length; i++)
			raw[i] = (byte) (i / 7);
		byte[] good = BloscCodec.lz4Shuffled().encode(raw, 4);
		BloscCodec codec = BloscCodec.lz4Shuffled();
		byte[] out = new byte[raw.length];

		byte[] version = good.clone();
		version[0] = 3;
		assertMessage("version 3", () -> codec.decode(version, version.length, out, out.length));
		byte[] reserved = good.clone();
		reserved[2] |= 0x08;
		assertMessage("reserved", () -> codec.decode(reserved, reserved.length, out, out.length));
		assertMessage("truncated", () -> codec.decode(good, good.length - 10, out, out.length));
		assertMessage("shorter than its 16-byte header", () -> codec.decode(good, 9, out, out.length));
		assertMessage("uncompressed bytes", () -> codec.decode(good, good.length, new byte[4000], 4000));
		byte[] snappy = good.clone();
		snappy[2] = (byte) ((snappy[2] & 0x1f) | 2 << 5);
		assertMessage("snappy", () -> codec.decode(snappy, snappy.length, out, out.length));
		byte[] badStart = good.clone();
		BloscCodec.writeInt(badStart, 16, 1 << 30);
		assertMessage("offset", () -> codec.decode(badStart, badStart.length, out, out.length));
	}

	private static void assertMessage(String part, Runnable r) {
		ChunkFormatException e = assertThrows(ChunkFormatException.class, r::run);
		assertTrue(e.getMessage().contains(part), e.getMessage());
	}
}
