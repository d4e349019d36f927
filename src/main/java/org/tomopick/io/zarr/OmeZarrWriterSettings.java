package org.tomopick.io.zarr;

import org.tomopick.io.zarr.codec.BloscCodec;
import org.tomopick.io.zarr.codec.ChunkCodec;
import org.tomopick.io.zarr.codec.ZlibCodec;

/**
 * How {@link OmeZarrWriter} writes a pyramid: the chunk compressor, the (cubic) chunk size, the number of levels
 * (level 0 plus 2x mean-binned levels), the level-0 voxel size in Angstrom and the level-0 translation (where voxel
 * 0 sits, in Angstrom along z, y, x; 0 unless a volume was cut or resampled from another).
 */
public record OmeZarrWriterSettings(Compressor compressor, int chunkSize, int levels, double voxelSizeAngstrom,
		double[] translationZyx) {

	/** The compressors TomoPick writes. */
	public enum Compressor {
		/** Blosc with LZ4 and byte shuffle, level 5 (what CZII data use). */
		BLOSC_LZ4,
		/** numcodecs zlib, level 5. */
		ZLIB,
		/** No compression. */
		NONE;

		public ChunkCodec codec() {
			return switch (this) {
			case BLOSC_LZ4 -> BloscCodec.lz4Shuffled();
			case ZLIB -> ZlibCodec.zlib(5);
			case NONE -> new org.tomopick.io.zarr.codec.RawCodec();
			};
		}
	}

	public static final int DEFAULT_CHUNK_SIZE = 64;
	public static final int DEFAULT_LEVELS = 3;

	public OmeZarrWriterSettings {
		if (compressor == null)
			throw new IllegalArgumentException("compressor must not be null");
		if (chunkSize < 1)
			throw new IllegalArgumentException("chunk size must be >= 1, was " + chunkSize);
		if (levels < 1 || levels > 16)
			throw new IllegalArgumentException("levels must be 1..16, was " + levels);
		if (!(voxelSizeAngstrom > 0) || Double.isInfinite(voxelSizeAngstrom))
			throw new IllegalArgumentException("voxel size must be a positive number of Angstrom, was "
					+ voxelSizeAngstrom);
		if (translationZyx == null || translationZyx.length != 3 || !Double.isFinite(translationZyx[0])
				|| !Double.isFinite(translationZyx[1]) || !Double.isFinite(translationZyx[2]))
			throw new IllegalArgumentException("translation must be 3 finite numbers of Angstrom (z, y, x)");
		translationZyx = translationZyx.clone();
	}

	/** Settings with no translation (voxel 0 at 0 Angstrom). */
	public OmeZarrWriterSettings(Compressor compressor, int chunkSize, int levels, double voxelSizeAngstrom) {
		this(compressor, chunkSize, levels, voxelSizeAngstrom, new double[3]);
	}

	/** The level-0 translation along z, y, x in Angstrom (a copy). */
	@Override
	public double[] translationZyx() {
		return translationZyx.clone();
	}

	/** Blosc LZ4 with byte shuffle, 64^3 chunks, 3 levels. */
	public static OmeZarrWriterSettings defaults(double voxelSizeAngstrom) {
		return new OmeZarrWriterSettings(Compressor.BLOSC_LZ4, DEFAULT_CHUNK_SIZE, DEFAULT_LEVELS, voxelSizeAngstrom);
	}

	public OmeZarrWriterSettings withCompressor(Compressor c) {
		return new OmeZarrWriterSettings(c, chunkSize, levels, voxelSizeAngstrom, translationZyx);
	}

	public OmeZarrWriterSettings withChunkSize(int size) {
		return new OmeZarrWriterSettings(compressor, size, levels, voxelSizeAngstrom, translationZyx);
	}

	public OmeZarrWriterSettings withLevels(int n) {
		return new OmeZarrWriterSettings(compressor, chunkSize, n, voxelSizeAngstrom, translationZyx);
	}

	public OmeZarrWriterSettings withTranslation(double[] zyx) {
		return new OmeZarrWriterSettings(compressor, chunkSize, levels, voxelSizeAngstrom, zyx);
	}
}
