package org.tomopick.ui;

import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Frame;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;

import ij.IJ;

/**
 * A small window with the progress of a long Fiji command: the task, its stage, a progress bar, the time left, and
 * a Cancel button. Cancel, Esc in the window and closing it all ask the job to stop
 * ({@link ProgressState#requestCancel}); the window then says it is cancelling until the job stops, and closes
 * itself when the job ends, however it ends. Not modal: ImageJ stays usable. It only listens to the state, and its
 * updates are coalesced onto the event thread (a job may report thousands of times a second).
 */
final class ProgressWindow {

	/** The component names a GUI test looks for. */
	static final String NAME = "tomopick-progress";
	static final String CANCEL = "cancel";

	private final ProgressState state;
	private final JDialog dialog;
	private final JLabel stage = new JLabel(" ");
	private final JProgressBar bar = new JProgressBar(0, 1000);
	private final JLabel timeLeft = new JLabel(" ");
	private final JButton cancel = new JButton("Cancel");
	private final AtomicBoolean updatePending = new AtomicBoolean();
	private final Consumer<ProgressState.Snapshot> listener = s -> scheduleUpdate();

	/** Opens a window on the state, later on the event thread (the job does not wait); none once the job ended. */
	static void open(ProgressState state) {
		EventQueue.invokeLater(() -> new ProgressWindow(state).show());
	}

	private ProgressWindow(ProgressState state) {
		this.state = state;
		Frame owner = IJ.getInstance();
		dialog = new JDialog(owner, "TomoPick: " + state.snapshot().task(), false);
		dialog.setName(NAME);
		dialog.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
		dialog.addWindowListener(new WindowAdapter() {
			@Override
			public void windowClosing(WindowEvent e) {
				state.requestCancel();
			}
		});
		dialog.getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
				.put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), CANCEL);
		dialog.getRootPane().getActionMap().put(CANCEL, new AbstractAction() {
			private static final long serialVersionUID = 1L;

			@Override
			public void actionPerformed(ActionEvent e) {
				state.requestCancel();
			}
		});
		cancel.setName(CANCEL);
		cancel.setToolTipText("Stops the work at its next check (Esc does the same)");
		cancel.addActionListener(e -> state.requestCancel());
		dialog.setContentPane(content(state.snapshot().task()));
		dialog.pack();
		dialog.setSize(Math.max(380, dialog.getWidth()), dialog.getHeight());
		dialog.setLocationRelativeTo(owner);
	}

	private JPanel content(String task) {
		JLabel title = new JLabel(task);
		title.setFont(title.getFont().deriveFont(Font.BOLD));
		stage.setFont(stage.getFont().deriveFont(Font.PLAIN));
		timeLeft.setFont(timeLeft.getFont().deriveFont(Font.PLAIN));
		bar.setStringPainted(true);
		bar.setString("0%");
		JPanel text = new JPanel();
		text.setLayout(new BoxLayout(text, BoxLayout.Y_AXIS));
		for (JComponent c : new JComponent[] { title, stage, bar, timeLeft }) {
			c.setAlignmentX(0);
			text.add(c);
			text.add(Box.createVerticalStrut(4));
		}
		JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 0));
		buttons.add(cancel);
		JPanel content = new JPanel(new BorderLayout(0, 8));
		content.setBorder(BorderFactory.createEmptyBorder(10, 12, 10, 12));
		content.add(text, BorderLayout.CENTER);
		content.add(buttons, BorderLayout.SOUTH);
		return content;
	}

	private void show() {
		state.addListener(listener);
		if (render(state.snapshot()))
			dialog.setVisible(true);
	}

	private void scheduleUpdate() {
		if (!updatePending.getAndSet(true))
			EventQueue.invokeLater(() -> {
				updatePending.set(false);
				render(state.snapshot());
			});
	}

	/** Shows a snapshot; false (and the window closed) once the job has ended. */
	private boolean render(ProgressState.Snapshot s) {
		if (s.finished()) {
			state.removeListener(listener);
			dialog.dispose();
			return false;
		}
		stage.setText(s.cancelRequested() ? "cancelling (" + s.stage() + ")" : s.stage().isEmpty() ? " " : s.stage());
		bar.setValue((int) Math.round(1000 * s.fraction()));
		bar.setString(s.percent() + "%");
		timeLeft.setText(s.timeLeft().isEmpty() || s.cancelRequested() ? " " : s.timeLeft());
		if (s.cancelRequested()) {
			cancel.setEnabled(false);
			cancel.setText("Cancelling...");
		}
		return true;
	}
}
