package org.tomopick.io.mrc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileChannel.MapMode;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.tomopick.io.DataType;
import org.tomopick.io.DenseVolume;
import org.tomopick.io.TomoPickIoException;

/**
 * Reads a whole MRC2014 file into a {@link DenseVolume} of the file's own element type (see
 * {@link MrcHeaderReader} for the modes and header conventions accepted). The extended header is skipped. Maps
 * whose columns, rows and sections are not x, y, z are reordered so that the result is always (z, y, x) with x
 * fastest. The data are copied in bulk from the file mapped into memory, 64 MB at a time.
 */
public final class MrcReader {

	private static final int CHUNK_BYTES = 1 << 26;

	private MrcReader() {
	}

	/** Only the header, for showing what a file holds without reading its data. */
	public static MrcHeader readHeader(Path file) {
		return MrcHeaderReader.read(file);
	}

	public static MrcVolume read(Path file) {
		MrcHeader header = MrcHeaderReader.read(file);
		if (header.voxelCount() > Integer.MAX_VALUE - 8)
			throw new TomoPickIoException(file, "MRC volume of " + header.voxelCount()
					+ " voxels is too large to hold in one array: crop or bin it first (e.g. IMOD trimvol or binvol)");
		int[] sizeCrs = header.sizeCrs();
		int n = (int) header.voxelCount();
		DataType type = header.dataType();
		DenseVolume fileOrder;
		try {
			fileOrder = DenseVolume.allocate(new int[] { sizeCrs[2], sizeCrs[1], sizeCrs[0] }, type);
		} catch (IllegalArgumentException e) {
			throw new TomoPickIoException(file, e.getMessage(), e);
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			channel.position(header.dataOffset());
			readData(file, channel, header.byteOrder(), fileOrder.data(), n);
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot read MRC data: " + e.getMessage(), e);
		}
		DenseVolume volume;
		try {
			volume = header.isStandardAxisOrder() ? fileOrder
					: MrcAxisOrder.toZyx(fileOrder, header.axisMapCrs(), header.shapeZyx());
		} catch (IllegalArgumentException tooLarge) { // the reordered copy does not fit beside the file's order
			throw new TomoPickIoException(file, tooLarge.getMessage() + " (reordering its axes to z, y, x)");
		}
		return new MrcVolume(volume, header.voxelSizeZyx(), header.originZyx());
	}

	/**
	 * Statistics of the whole map without holding it in memory: one section at a time for the standard axis order
	 * (the same values in the same order as {@link #read}), else the whole map (its memory checked first).
	 */
	public static org.tomopick.io.VolumeStatistics statistics(Path file) {
		MrcHeader header = MrcHeaderReader.read(file);
		if (!header.isStandardAxisOrder())
			return org.tomopick.io.VolumeStatistics.of(read(file).volume());
		int[] crs = header.sizeCrs();
		org.tomopick.io.VolumeStatistics stats = new org.tomopick.io.VolumeStatistics();
		DenseVolume section;
		try {
			section = DenseVolume.allocate(new int[] { 1, crs[1], crs[0] }, header.dataType());
		} catch (IllegalArgumentException e) {
			throw new TomoPickIoException(file, e.getMessage(), e);
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			channel.position(header.dataOffset());
			for (int s = 0; s < crs[2]; s++) {
				readData(file, channel, header.byteOrder(), section.data(), section.voxelCount());
				org.tomopick.io.VolumeStatistics.add(stats, section);
			}
		} catch (IOException e) {
			throw new TomoPickIoException(file, "cannot read MRC data: " + e.getMessage(), e);
		}
		return stats;
	}

	private static void readData(Path file, FileChannel channel, ByteOrder order, Object storage, int n)
			throws IOException {
		if (storage instanceof byte[] bytes) {
			fill(file, channel, ByteBuffer.wrap(bytes));
			return;
		}
		int elementBytes = storage instanceof short[] ? 2 : 4;
		int perChunk = CHUNK_BYTES / elementBytes;
		long position = channel.position();
		for (int done = 0; done < n; done += perChunk) {
			int count = Math.min(perChunk, n - done);
			MappedByteBuffer chunk = channel.map(MapMode.READ_ONLY, position, (long) count * elementBytes);
			chunk.order(order);
			if (storage instanceof short[] shorts)
				chunk.asShortBuffer().get(shorts, done, count);
			else
				chunk.asFloatBuffer().get((float[]) storage, done, count);
			position += (long) count * elementBytes;
		}
		channel.position(position); // as a read would: the next call continues after these elements
	}

	private static void fill(Path file, FileChannel channel, ByteBuffer target) throws IOException {
		while (target.hasRemaining())
			if (channel.read(target) < 0)
				throw new TomoPickIoException(file, "MRC file ended early while reading the data");
	}
}
