package org.tomopick.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSlider;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.table.TableRowSorter;

import org.tomopick.model.Particle;
import org.tomopick.model.ParticleClass;

import ij.gui.ImageCanvas;

/**
 * The controls beside a tomogram: per-class show/hide boxes (in class colours, with the key that picks the class),
 * the score threshold slider (hides low-score particles live), undo/redo, and the sortable particle table: clicking
 * a row selects the particle, jumps to its slice and centres it; Delete deletes the selected rows.
 */
public final class ParticleReviewPanel extends JPanel {

	private static final long serialVersionUID = 1L;
	private static final int SLIDER_STEPS = 100;

	private final transient TomogramSession session;
	private final ParticleTableModel model;
	private final JTable table;
	private final JLabel threshold = new JLabel();
	private final JLabel active = new JLabel();
	private final JPanel viewOptions = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
	private boolean syncing;

	public ParticleReviewPanel(TomogramSession session) {
		super(new BorderLayout(4, 4));
		this.session = session;
		this.model = new ParticleTableModel(session.particles()).attach();
		this.table = new JTable(model);
		table.setAutoCreateRowSorter(false);
		table.setRowSorter(new TableRowSorter<>(model));
		table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
		table.getSelectionModel().addListSelectionListener(e -> {
			if (!e.getValueIsAdjusting())
				tableSelectionChanged();
		});
		table.addKeyListener(new KeyAdapter() {
			@Override
			public void keyPressed(KeyEvent e) {
				if (e.getKeyCode() == KeyEvent.VK_DELETE || e.getKeyCode() == KeyEvent.VK_BACK_SPACE) {
					session.actions().delete(selectedRowIds());
					e.consume();
				}
			}
		});
		session.selection().addListener(s -> SwingUtilities.invokeLater(this::showSelection));
		model.addTableModelListener(e -> SwingUtilities.invokeLater(this::showSelection));
		add(controls(), BorderLayout.NORTH);
		add(new JScrollPane(table), BorderLayout.CENTER);
		updateActiveLabel();
	}

	private JPanel controls() {
		JPanel classes = new JPanel(new GridLayout(0, 1));
		classes.setBorder(BorderFactory.createTitledBorder("Classes (key: class for new particles / relabel)"));
		List<ParticleClass> list = session.catalog().classes();
		for (int i = 0; i < list.size(); i++) {
			ParticleClass c = list.get(i);
			JCheckBox box = new JCheckBox((i + 1) + "  " + c.name(), true);
			var col = c.color();
			box.setForeground(new Color(col.red(), col.green(), col.blue()).darker());
			box.addActionListener(e -> apply(session.overlay().settings().withClassVisible(c.name(), box.isSelected())));
			classes.add(box);
		}
		JSlider slider = new JSlider(0, SLIDER_STEPS, 0);
		slider.addChangeListener(e -> {
			double min = slider.getValue() / (double) SLIDER_STEPS;
			apply(session.overlay().settings().withMinScore(slider.getValue() == 0 ? Double.NEGATIVE_INFINITY : min));
		});
		session.particles().addListener(change -> SwingUtilities.invokeLater(this::updateScores));
		updateScores();
		JPanel score = new JPanel(new BorderLayout());
		score.setBorder(BorderFactory.createTitledBorder("Score threshold"));
		score.add(histogram, BorderLayout.NORTH);
		score.add(slider, BorderLayout.CENTER);
		score.add(threshold, BorderLayout.EAST);
		JButton undo = new JButton("Undo");
		undo.addActionListener(e -> session.actions().undo());
		JButton redo = new JButton("Redo");
		redo.addActionListener(e -> session.actions().redo());
		session.history().addListener(h -> SwingUtilities.invokeLater(() -> {
			undo.setEnabled(h.canUndo());
			redo.setEnabled(h.canRedo());
			updateActiveLabel();
		}));
		undo.setEnabled(false);
		redo.setEnabled(false);
		JPanel buttons = new JPanel();
		buttons.add(undo);
		buttons.add(redo);
		buttons.add(active);
		JPanel bottom = new JPanel(new BorderLayout());
		bottom.add(buttons, BorderLayout.NORTH);
		bottom.add(viewOptions, BorderLayout.SOUTH);
		JPanel north = new JPanel(new BorderLayout());
		north.add(classes, BorderLayout.NORTH);
		north.add(score, BorderLayout.CENTER);
		north.add(bottom, BorderLayout.SOUTH);
		return north;
	}

	/** Adds a control of the views (such as the side views' checkbox) below the undo buttons. */
	public void addViewOption(JComponent option) {
		viewOptions.add(option);
		viewOptions.revalidate();
	}

	private void apply(ParticleDisplaySettings settings) {
		session.overlay().setSettings(settings);
		model.setSettings(settings);
		updateScores();
	}

	/** Shows the active class (it changes with the number keys). */
	public void updateActiveLabel() {
		active.setText("new: " + session.actions().activeClass().name());
	}

	private List<Long> selectedRowIds() {
		List<Long> ids = new ArrayList<>();
		for (int viewRow : table.getSelectedRows())
			ids.add(model.idAt(table.convertRowIndexToModel(viewRow)));
		return ids;
	}

	private void tableSelectionChanged() {
		if (syncing || model.isRefreshing())
			return;
		List<Long> ids = selectedRowIds();
		syncing = true;
		try {
			session.selection().set(ids);
		} finally {
			syncing = false;
		}
		if (ids.size() == 1)
			jumpTo(ids.get(0));
	}

	private final ScoreHistogram histogram = new ScoreHistogram();

	/** The histogram of the shown classes' scores and the count the threshold keeps. */
	private void updateScores() {
		var settings = session.overlay().settings();
		java.util.List<org.tomopick.model.Particle> shownClasses = session.particles().snapshot().values().stream()
				.filter(p -> settings.isClassVisible(p.type().name())).toList();
		long kept = shownClasses.stream().filter(settings::shows).count();
		double min = Math.max(0, settings.minScore());
		histogram.show(shownClasses, settings.minScore());
		threshold.setText(String.format(java.util.Locale.ROOT, "score >= %.2f: %d of %d", min, kept,
				shownClasses.size()));
	}

	private void showSelection() {
		updateActiveLabel();
		if (syncing)
			return;
		syncing = true;
		try {
			table.clearSelection();
			for (Long id : session.selection().ids()) {
				int row = model.rowOf(id);
				if (row >= 0) {
					int viewRow = table.convertRowIndexToView(row);
					table.addRowSelectionInterval(viewRow, viewRow);
					table.scrollRectToVisible(table.getCellRect(viewRow, 0, true));
				}
			}
		} finally {
			syncing = false;
		}
	}

	/** Shows the slice of a particle and centres the view on it. */
	public void jumpTo(long id) {
		Particle p = session.particles().find(id).orElse(null);
		if (p == null)
			return;
		ParticleOverlayView view = session.overlay();
		session.image().setSlice(view.sliceOf(p));
		ImageCanvas canvas = session.image().getCanvas();
		if (canvas == null)
			return;
		java.awt.Rectangle src = canvas.getSrcRect();
		int cx = (int) Math.round(session.geometry().voxelX(session.level(), p.x()));
		int cy = (int) Math.round(session.geometry().voxelY(session.level(), p.y()));
		int x = Math.max(0, Math.min(session.image().getWidth() - src.width, cx - src.width / 2));
		int y = Math.max(0, Math.min(session.image().getHeight() - src.height, cy - src.height / 2));
		canvas.setSourceRect(new java.awt.Rectangle(x, y, src.width, src.height));
		canvas.repaint();
	}

	public JTable table() {
		return table;
	}

	public ParticleTableModel model() {
		return model;
	}
}
