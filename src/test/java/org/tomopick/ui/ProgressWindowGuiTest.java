package org.tomopick.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tomopick.progress.CancelledException;

/**
 * The progress window of the long Fiji commands driven as a user would, with real mouse and key events
 * (java.awt.Robot): it shows the job's stage and percentage; pressing its Cancel button, or Esc in it, stops the
 * work at its next check; it closes when the work ends. The work is a loop that reports and checks as the engines
 * do, through the same {@link FijiProgress} the commands construct. Needs a display (xvfb-run); with
 * TOMOPICK_REQUIRE_GUI=1 a missing display fails instead of skipping.
 */
class ProgressWindowGuiTest {

	private Robot robot;

	@BeforeEach
	void display() throws Exception {
		if (GraphicsEnvironment.isHeadless()) {
			if ("1".equals(System.getenv("TOMOPICK_REQUIRE_GUI")))
				throw new AssertionError("TOMOPICK_REQUIRE_GUI=1 but there is no display (run under xvfb-run)");
			Assumptions.abort("no display: the GUI test needs one (xvfb-run; set TOMOPICK_REQUIRE_GUI=1 to require)");
		}
		robot = new Robot();
		robot.setAutoDelay(30);
	}

	@Test
	void cancelButtonStopsTheWorkAndTheWindowClosesWhenItEnds() throws Exception {
		Job job = Job.start("Pick Particles");
		Window window = waitForWindow();
		waitFor(() -> onEdt(() -> barText(window).endsWith("%")
				&& labelShowing(window, "detection")), "the window shows the stage and the percentage");
		click(required(window, JButton.class, ProgressWindow.CANCEL));
		job.thread.join(10_000);
		assertFalse(job.thread.isAlive(), "the work stopped");
		assertTrue(job.outcome.get() instanceof CancelledException, "stopped by the cancel request: " + job.outcome);
		assertFalse(onEdt(() -> find(window, JButton.class, ProgressWindow.CANCEL).isEnabled()),
				"after Cancel the button is off and the window says it is cancelling until the work ends");
		waitFor(() -> !window.isShowing(), "the window closes when the work ends");
	}

	@Test
	void escInTheWindowCancelsToo() throws Exception {
		Job job = Job.start("Train unet");
		Window window = waitForWindow();
		click(required(window, JProgressBar.class, null)); // the window has the focus
		robot.keyPress(KeyEvent.VK_ESCAPE);
		robot.keyRelease(KeyEvent.VK_ESCAPE);
		job.thread.join(10_000);
		assertTrue(job.outcome.get() instanceof CancelledException, "Esc stopped the work: " + job.outcome);
		waitFor(() -> !window.isShowing(), "the window closes when the work ends");
	}

	@Test
	void theWindowClosesWhenTheWorkFails() throws Exception {
		FijiProgress progress = new FijiProgress("Adapt Models");
		Window window = waitForWindow();
		try {
			progress.report("fine-tuning", 0.4);
			throw new IllegalStateException("out of memory");
		} catch (IllegalStateException expected) {
			// the command's error, shown by Fiji
		} finally {
			progress.done();
		}
		waitFor(() -> !window.isShowing(), "the window closes when the work fails");
		assertFalse(progress.isCancelled());
	}

	/** Work that reports and checks for cancellation like the engines, until cancelled or 60 s have passed. */
	private record Job(Thread thread, AtomicReference<Object> outcome) {

		static Job start(String task) {
			AtomicReference<Object> outcome = new AtomicReference<>();
			FijiProgress progress = new FijiProgress(task);
			Thread t = new Thread(() -> {
				try {
					for (int i = 0; i < 3000; i++) {
						progress.checkCancelled("detection");
						progress.report("detection", i / 3000.0);
						Thread.sleep(20);
					}
					outcome.set("finished");
				} catch (CancelledException | InterruptedException e) {
					outcome.set(e);
				} finally {
					progress.done(); // as the commands do, in a finally
				}
			}, "progress-gui-test-job");
			t.start();
			return new Job(t, outcome);
		}
	}

	private Window waitForWindow() throws Exception {
		AtomicReference<Window> found = new AtomicReference<>();
		waitFor(() -> {
			for (Window w : Window.getWindows())
				if (ProgressWindow.NAME.equals(w.getName()) && w.isShowing()) {
					found.set(w);
					return true;
				}
			return false;
		}, "the progress window opens");
		robot.waitForIdle();
		return found.get();
	}

	private void click(Component c) throws Exception {
		Point p = onEdt(() -> {
			Point at = c.getLocationOnScreen();
			return new Point(at.x + c.getWidth() / 2, at.y + c.getHeight() / 2);
		});
		robot.mouseMove(p.x, p.y);
		robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
		robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
		robot.waitForIdle();
	}

	private static <T extends Component> T find(Container root, Class<T> type, String name) {
		for (Component c : root.getComponents()) {
			if (type.isInstance(c) && (name == null || name.equals(c.getName())))
				return type.cast(c);
			if (c instanceof Container inner) {
				T found = find(inner, type, name);
				if (found != null)
					return found;
			}
		}
		return null;
	}

	private static String barText(Window window) {
		return required(window, JProgressBar.class, null).getString();
	}

	private static <T extends Component> T required(Window window, Class<T> type, String name) {
		T c = find(window, type, name);
		assertNotNull(c, "no " + type.getSimpleName() + " '" + name + "' in the progress window");
		return c;
	}

	private static boolean labelShowing(Container root, String text) {
		for (Component c : root.getComponents()) {
			if (c instanceof JLabel l && text.equals(l.getText()))
				return true;
			if (c instanceof Container inner && labelShowing(inner, text))
				return true;
		}
		return false;
	}

	private static <T> T onEdt(java.util.concurrent.Callable<T> read) throws Exception {
		AtomicReference<T> value = new AtomicReference<>();
		AtomicReference<Exception> error = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> {
			try {
				value.set(read.call());
			} catch (Exception e) {
				error.set(e);
			}
		});
		if (error.get() != null)
			throw error.get();
		return value.get();
	}

	private static void waitFor(CheckedBoolean condition, String what) throws Exception {
		long end = System.currentTimeMillis() + 10_000;
		while (!condition.get()) {
			if (System.currentTimeMillis() > end)
				throw new AssertionError("timed out waiting until " + what);
			Thread.sleep(50);
		}
	}

	private interface CheckedBoolean {
		boolean get() throws Exception;
	}

}
