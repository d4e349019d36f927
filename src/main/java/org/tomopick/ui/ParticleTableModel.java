package org.tomopick.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.swing.SwingUtilities;
import javax.swing.table.AbstractTableModel;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleSet;
import org.tomopick.model.ParticleSetChange;
import org.tomopick.model.ParticleSetListener;

/**
 * The particles of a set as table rows (id, class, x, y, z in Angstrom, score, source), restricted to those the
 * display settings show. Follows the set: every change rebuilds the rows on the Swing thread.
 */
public final class ParticleTableModel extends AbstractTableModel implements ParticleSetListener {

	private static final long serialVersionUID = 1L;
	private static final String[] COLUMNS = { "id", "class", "x (\u00C5)", "y (\u00C5)", "z (\u00C5)", "score",
			"source" };
	private static final Class<?>[] TYPES = { Long.class, String.class, Double.class, Double.class, Double.class,
			Double.class, String.class };

	private final transient ParticleSet set;
	private transient ParticleDisplaySettings settings = ParticleDisplaySettings.defaults();
	private transient List<Long> ids = List.of();
	private transient List<Particle> rows = List.of();
	private transient boolean refreshing;

	public ParticleTableModel(ParticleSet set) {
		this.set = set;
		refresh();
	}

	/** Starts following the set. */
	public ParticleTableModel attach() {
		set.addListener(this);
		return this;
	}

	public void detach() {
		set.removeListener(this);
	}

	public void setSettings(ParticleDisplaySettings newSettings) {
		settings = newSettings;
		refresh();
	}

	@Override
	public void particleSetChanged(ParticleSetChange change) {
		if (SwingUtilities.isEventDispatchThread() || java.awt.GraphicsEnvironment.isHeadless())
			refresh();
		else
			SwingUtilities.invokeLater(this::refresh);
	}

	/** Rebuilds the rows from the set. */
	public void refresh() {
		List<Long> newIds = new ArrayList<>();
		List<Particle> newRows = new ArrayList<>();
		for (Map.Entry<Long, Particle> e : set.snapshot().entrySet())
			if (settings.shows(e.getValue())) {
				newIds.add(e.getKey());
				newRows.add(e.getValue());
			}
		ids = newIds;
		rows = newRows;
		refreshing = true;
		try {
			fireTableDataChanged();
		} finally {
			refreshing = false;
		}
	}

	/** True while the rows are being replaced (the table then drops its row selection: not a user's choice). */
	public boolean isRefreshing() {
		return refreshing;
	}

	/** The particle id of a model row. */
	public long idAt(int row) {
		return ids.get(row);
	}

	/** The model row of a particle id, or -1 if it is not listed. */
	public int rowOf(long id) {
		return ids.indexOf(id);
	}

	@Override
	public int getRowCount() {
		return rows.size();
	}

	@Override
	public int getColumnCount() {
		return COLUMNS.length;
	}

	@Override
	public String getColumnName(int column) {
		return COLUMNS[column];
	}

	@Override
	public Class<?> getColumnClass(int column) {
		return TYPES[column];
	}

	@Override
	public Object getValueAt(int row, int column) {
		Particle p = rows.get(row);
		return switch (column) {
		case 0 -> ids.get(row);
		case 1 -> p.type().name();
		case 2 -> round(p.x());
		case 3 -> round(p.y());
		case 4 -> round(p.z());
		case 5 -> p.score();
		case 6 -> p.provenance().name().toLowerCase(java.util.Locale.ROOT);
		default -> throw new IndexOutOfBoundsException("column " + column);
		};
	}

	private static double round(double v) {
		return Math.round(v * 10) / 10.0;
	}
}
