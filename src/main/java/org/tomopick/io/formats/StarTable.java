package org.tomopick.io.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomopick.io.TomoPickIoException;

/**
 * The first {@code loop_} of a STAR file's {@code data_particles} block (or of its first block with a loop): labels
 * ({@code _rlnName #n}) and whitespace-separated rows, until a blank line, another block or the end. Quoted values
 * with spaces are not supported.
 */
final class StarTable {

	private final Path file;
	private final Map<String, Integer> columns;
	private final List<String[]> rows;

	private StarTable(Path file, Map<String, Integer> columns, List<String[]> rows) {
		this.file = file;
		this.columns = columns;
		this.rows = rows;
	}

	static StarTable parse(Path file, List<String> lines) {
		int start = -1;
		for (int i = 0; i < lines.size(); i++)
			if (lines.get(i).strip().equals("data_particles")) {
				start = i;
				break;
			}
		int i = Math.max(start, 0);
		while (i < lines.size() && !lines.get(i).strip().equals("loop_"))
			i++;
		if (i >= lines.size())
			throw new TomoPickIoException(file, "no loop_ (a STAR table of particles) found");
		i++;
		Map<String, Integer> columns = new LinkedHashMap<>();
		while (i < lines.size() && (lines.get(i).isBlank() || lines.get(i).strip().startsWith("_"))) {
			String l = lines.get(i).strip();
			if (!l.isEmpty())
				columns.put(l.split("\\s+")[0], columns.size());
			i++;
		}
		List<String[]> rows = new ArrayList<>();
		for (; i < lines.size(); i++) {
			String l = lines.get(i).strip();
			if (l.isEmpty() || l.startsWith("data_") || l.startsWith("loop_"))
				break;
			if (l.startsWith("#"))
				continue;
			String[] f = l.split("\\s+");
			if (f.length != columns.size())
				throw new TomoPickIoException(file, "line " + (i + 1) + " has " + f.length + " values for "
						+ columns.size() + " labels");
			rows.add(f);
		}
		return new StarTable(file, columns, rows);
	}

	/**
	 * The head of a one-table STAR file as TomoPick writes it: a comment naming the format, {@code data_<block>},
	 * {@code loop_} and the labels numbered from 1; the rows follow.
	 */
	static StringBuilder head(PickFormat format, String block, String... labels) {
		StringBuilder b = new StringBuilder("# written by TomoPick (").append(format).append(")\n\ndata_")
				.append(block).append("\n\nloop_\n");
		for (int i = 0; i < labels.length; i++)
			b.append(labels[i]).append(" #").append(i + 1).append('\n');
		return b;
	}

	int rows() {
		return rows.size();
	}

	boolean has(String label) {
		return columns.containsKey(label);
	}

	String text(int row, String label) {
		Integer c = columns.get(label);
		if (c == null)
			throw new TomoPickIoException(file, "has no column " + label + "; it has " + columns.keySet());
		return rows.get(row)[c];
	}

	double number(int row, String label) {
		return PickFiles.number(file, row, text(row, label));
	}
}
