package org.tomopick.io;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.tomopick.io.mrc.MrcHeader;
import org.tomopick.io.mrc.MrcReader;
import org.tomopick.io.zarr.OmeZarrGroup;
import org.tomopick.model.VoxelGeometry;

/**
 * A tomogram file of any format TomoPick reads, opened for reading: an OME-Zarr group (several levels), a plain Zarr
 * array (one level) or an MRC file (one level). Positions follow the CoPick convention: voxel index times voxel size
 * from the first voxel (for OME-Zarr plus the level's translation); an MRC header's origin is reported by
 * {@link #mrcOriginZyx()} but not applied.
 */
public final class VolumeSource {

	/** The formats, by what {@link #open(Path)} found. */
	public enum Format {
		OME_ZARR("OME-Zarr"), ZARR_ARRAY("Zarr array"), MRC("MRC2014");

		private final String label;

		Format(String label) {
			this.label = label;
		}

		@Override
		public String toString() {
			return label;
		}
	}

	private final Path path;
	private final Format format;
	private final OmeZarrGroup zarr;
	private final MrcHeader mrc;

	private VolumeSource(Path path, Format format, OmeZarrGroup zarr, MrcHeader mrc) {
		this.path = path;
		this.format = format;
		this.zarr = zarr;
		this.mrc = mrc;
	}

	/** Opens a folder as (OME-)Zarr, a file as MRC; anything else fails naming the path. */
	public static VolumeSource open(Path path) {
		if (!Files.exists(path) && !org.tomopick.io.zarr.DirectoryCommit.restoreInterrupted(path))
			throw new TomoPickIoException(path, "no such file or folder");
		if (Files.isDirectory(path)) {
			OmeZarrGroup group = OmeZarrGroup.open(path);
			return new VolumeSource(path, group.isMultiscale() ? Format.OME_ZARR : Format.ZARR_ARRAY, group, null);
		}
		return new VolumeSource(path, Format.MRC, null, MrcReader.readHeader(path));
	}

	/** True for names that say MRC: .mrc, .map, .rec, .st, .ali, .mrcs. */
	public static boolean looksLikeMrc(Path path) {
		String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".mrc") || name.endsWith(".map") || name.endsWith(".rec") || name.endsWith(".st")
				|| name.endsWith(".ali") || name.endsWith(".mrcs");
	}

	public Path path() {
		return path;
	}

	public Format format() {
		return format;
	}

	public int levels() {
		return zarr != null ? zarr.levels() : 1;
	}

	/** Shape (z, y, x) of a level. */
	public int[] shape(int level) {
		checkLevel(level);
		return zarr != null ? zarr.level(level).shape() : mrc.shapeZyx();
	}

	public DataType dataType(int level) {
		checkLevel(level);
		return zarr != null ? zarr.level(level).dataType() : mrc.dataType();
	}

	/** The element type as NumPy writes it, with the byte order of the file: {@code "<f4"}, {@code "|u1"}. */
	public String dtypeString(int level) {
		if (zarr != null)
			return zarr.level(level).metadata().dtypeString();
		DataType t = mrc.dataType();
		char order = t.bytes() == 1 ? '|' : mrc.byteOrder() == ByteOrder.BIG_ENDIAN ? '>' : '<';
		return order + t.numpyCode();
	}

	/** Voxel sizes and translations of all levels; empty for a plain Zarr array, whose voxel size is not stored. */
	public Optional<VoxelGeometry> geometry() {
		if (zarr != null)
			return zarr.geometry();
		return Optional.of(new VoxelGeometry(new double[][] { mrc.voxelSizeZyx() }, new double[][] { new double[3] }));
	}

	/** The origin field of an MRC header in Angstrom (z, y, x); empty for Zarr. */
	public Optional<double[]> mrcOriginZyx() {
		return mrc == null ? Optional.empty() : Optional.of(mrc.originZyx());
	}

	/** Reads a whole level into memory, in its own element type. */
	public DenseVolume read(int level) {
		checkLevel(level);
		return zarr != null ? zarr.level(level).readAll() : MrcReader.read(path).volume();
	}

	/**
	 * Min, max, mean, std and sum of a level without holding it in memory: a Zarr level one row of chunks along z at
	 * a time, an MRC map one section at a time; the values are added in (z, y, x) order, so the result equals that
	 * of the whole volume read at once.
	 */
	public VolumeStatistics statistics(int level) {
		checkLevel(level);
		if (zarr == null)
			return MrcReader.statistics(path);
		org.tomopick.io.zarr.ZarrArray array = zarr.level(level);
		int[] shape = array.shape();
		int step = array.metadata().chunks()[0];
		VolumeStatistics stats = new VolumeStatistics();
		for (int z = 0; z < shape[0]; z += step)
			VolumeStatistics.add(stats, array.read(new int[] { z, 0, 0 },
					new int[] { Math.min(step, shape[0] - z), shape[1], shape[2] }));
		return stats;
	}

	private void checkLevel(int level) {
		if (level < 0 || level >= levels())
			throw new TomoPickIoException(path, "has no level " + level + " (levels 0.." + (levels() - 1) + ")");
	}
}
