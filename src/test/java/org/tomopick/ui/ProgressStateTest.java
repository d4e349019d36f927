package org.tomopick.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tomopick.progress.CancelledException;

import ij.IJ;

/**
 * The progress state that Fiji's progress window shows and its Cancel button sets, headless: the time left at the
 * stage's pace, one cancel request that Cancel and Esc (in the window or in ImageJ) all set and the work sees at its
 * next check, and the end that closes the window.
 */
class ProgressStateTest {

	private final AtomicLong nanos = new AtomicLong();

	@AfterEach
	void releaseEscape() {
		IJ.resetEscape();
	}

	@Test
	void timesEachStageAndSaysTheTimeLeft() {
		ProgressState state = new ProgressState("Pick Particles", nanos::get);
		state.report("detection", 0);
		nanos.set(10_000_000_000L);
		state.report("detection", 0.5);
		ProgressState.Snapshot s = state.snapshot();
		assertEquals("10 s left", s.timeLeft());
		assertEquals(50, s.percent());
		assertEquals("Pick Particles: detection 50%, 10 s left", s.statusLine());
		state.report("fusion", 0.5); // a new stage: no pace yet
		assertEquals("Pick Particles: fusion 50%", state.snapshot().statusLine());
		nanos.addAndGet(100_000_000_000L);
		state.report("fusion", 0.25);
		assertEquals("5 min 00 s left", state.snapshot().timeLeft());
		state.report("fusion", 7); // clamped
		assertEquals(1.0, state.snapshot().fraction());
		assertEquals("", state.snapshot().timeLeft(), "nothing left at the end of a stage");
	}

	@Test
	void cancelIsOneRequestThatTheWorkSeesAtItsNextCheck() {
		FijiProgress progress = new FijiProgress("Train unet", false);
		progress.report("epoch 1", 0.1);
		assertFalse(progress.isCancelled());
		progress.checkCancelled("epoch 1");
		progress.state().requestCancel(); // the window's Cancel button, or Esc in the window
		assertTrue(progress.isCancelled());
		CancelledException e = assertThrows(CancelledException.class, () -> progress.checkCancelled("epoch 1"));
		assertEquals("epoch 1", e.stage());
		assertTrue(progress.state().snapshot().cancelRequested(), "the window shows that it is cancelling");
		progress.done();
		assertTrue(progress.state().snapshot().finished());
	}

	@Test
	void escInImageJCancelsTooButNotTheNextJob() {
		FijiProgress progress = new FijiProgress("Adapt Models", false);
		assertFalse(progress.isCancelled());
		IJ.setKeyDown(KeyEvent.VK_ESCAPE); // what ImageJ does when Esc is pressed in one of its windows
		assertTrue(progress.isCancelled());
		assertTrue(progress.state().isCancelRequested(), "Esc sets the same request as Cancel");
		progress.done();
		assertFalse(new FijiProgress("Pick Particles", false).isCancelled(), "a new job starts uncancelled");
	}

	@Test
	void listenersHearEachChangeAndTheEndOnce() {
		ProgressState state = new ProgressState("Synthetic tomogram", nanos::get);
		List<ProgressState.Snapshot> heard = new ArrayList<>();
		state.addListener(heard::add);
		state.report("projection", 0.3);
		state.requestCancel();
		state.requestCancel(); // asked twice: one change
		state.finish();
		state.finish();
		state.requestCancel();
		assertEquals(3, heard.size());
		assertEquals("projection", heard.get(0).stage());
		assertTrue(heard.get(1).cancelRequested() && !heard.get(1).finished());
		assertTrue(heard.get(2).finished());
		ProgressState ended = new ProgressState("x", nanos::get);
		ended.finish();
		ended.requestCancel();
		assertFalse(ended.isCancelRequested(), "a job that ended cannot be cancelled any more");
	}
}
