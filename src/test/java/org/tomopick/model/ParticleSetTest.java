package org.tomopick.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class ParticleSetTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();
	private static final ParticleClass RIBOSOME = CZII.get("ribosome");
	private static final ParticleClass FERRITIN = CZII.get("apo-ferritin");

	private final ParticleSet set = new ParticleSet();
	private final List<ParticleSetChange> events = new ArrayList<>();

	ParticleSetTest() {
		set.addListener(events::add);
	}

	private static Particle at(ParticleClass type, double x) {
		return new Particle(type, x, 2 * x, 3 * x, 0.5, Provenance.MANUAL);
	}

	@Test
	void editOutsideGroupFiresOneEventEach() {
		long a = set.add(at(RIBOSOME, 1));
		long b = set.add(at(RIBOSOME, 2));
		set.remove(a);
		assertEquals(3, events.size());
		assertEquals(Map.of(a, at(RIBOSOME, 1)), events.get(0).added());
		assertEquals(Set.of(b), events.get(1).addedIds());
		assertEquals(Map.of(a, at(RIBOSOME, 1)), events.get(2).removed());
		assertTrue(events.get(2).added().isEmpty() && events.get(2).changed().isEmpty());
	}

	@Test
	void groupFiresOnceWithNetChange() {
		long kept = set.add(at(RIBOSOME, 1));
		long gone = set.add(at(RIBOSOME, 2));
		events.clear();
		set.beginUpdate();
		try {
			long fresh = set.add(at(FERRITIN, 3));
			set.replace(kept, at(RIBOSOME, 10));
			set.remove(gone);
			assertTrue(events.isEmpty(), "no event before the group ends");
			assertEquals(Set.of(kept, fresh), set.ids());
		} finally {
			set.endUpdate();
		}
		assertEquals(1, events.size());
		ParticleSetChange c = events.get(0);
		assertEquals(1, c.added().size());
		assertEquals(at(FERRITIN, 3), c.added().values().iterator().next());
		assertEquals(Map.of(gone, at(RIBOSOME, 2)), c.removed());
		assertEquals(Map.of(kept, new ParticleEdit(at(RIBOSOME, 1), at(RIBOSOME, 10))), c.changed());
	}

	@Test
	void nestedGroupsFireOnlyAtTheOutermostEnd() {
		set.beginUpdate();
		set.add(at(RIBOSOME, 1));
		set.beginUpdate();
		set.add(at(RIBOSOME, 2));
		set.endUpdate();
		assertTrue(events.isEmpty());
		set.addAll(List.of(at(RIBOSOME, 3), at(RIBOSOME, 4)));
		assertTrue(events.isEmpty());
		set.endUpdate();
		assertEquals(1, events.size());
		assertEquals(Set.of(1L, 2L, 3L, 4L), events.get(0).addedIds());
	}

	@Test
	void emptyGroupAndNoOpEditsFireNothing() {
		set.beginUpdate();
		set.endUpdate();
		long id = set.add(at(RIBOSOME, 1));
		events.clear();
		set.replace(id, at(RIBOSOME, 1)); // same particle: nothing changed
		set.beginUpdate();
		set.replace(id, at(RIBOSOME, 5));
		set.replace(id, at(RIBOSOME, 1)); // moved back
		set.endUpdate();
		set.beginUpdate();
		long temp = set.add(at(FERRITIN, 7));
		set.replace(temp, at(FERRITIN, 8));
		set.remove(temp); // added and removed in the same group
		set.endUpdate();
		assertTrue(events.isEmpty(), "got " + events);
		assertThrows(IllegalStateException.class, set::endUpdate);
	}

	@Test
	void addedThenChangedIsAddedAndChangedThenRemovedKeepsTheOriginal() {
		long old = set.add(at(RIBOSOME, 1));
		events.clear();
		set.beginUpdate();
		long fresh = set.add(at(FERRITIN, 2));
		set.replace(fresh, at(FERRITIN, 3));
		set.replace(old, at(RIBOSOME, 4));
		set.remove(old);
		set.endUpdate();
		ParticleSetChange c = events.get(0);
		assertEquals(Map.of(fresh, at(FERRITIN, 3)), c.added());
		assertEquals(Map.of(old, at(RIBOSOME, 1)), c.removed());
		assertTrue(c.changed().isEmpty());
	}

	@Test
	void idsAreStableAndNeverReused() {
		List<Long> ids = set.addAll(List.of(at(RIBOSOME, 1), at(RIBOSOME, 2), at(RIBOSOME, 3)));
		assertEquals(List.of(1L, 2L, 3L), ids);
		set.remove(2L);
		assertEquals(at(RIBOSOME, 3), set.get(3L));
		assertEquals(at(RIBOSOME, 1), set.get(1L));
		assertEquals(4L, set.add(at(RIBOSOME, 4)));
		set.clear();
		assertEquals(0, set.size());
		assertEquals(5L, set.add(at(RIBOSOME, 5)));
		assertFalse(set.contains(2L));
		assertThrows(IllegalArgumentException.class, () -> set.get(2L));
		assertThrows(IllegalArgumentException.class, () -> set.remove(2L));
		assertThrows(IllegalArgumentException.class, () -> set.replace(99L, at(RIBOSOME, 1)));
		assertTrue(set.find(2L).isEmpty());
	}

	@Test
	void clearFiresOneEventWithEveryParticle() {
		set.addAll(List.of(at(RIBOSOME, 1), at(FERRITIN, 2)));
		events.clear();
		set.clear();
		assertEquals(1, events.size());
		assertEquals(Map.of(1L, at(RIBOSOME, 1), 2L, at(FERRITIN, 2)), events.get(0).removed());
	}

	@Test
	void removeAllChecksEveryIdFirst() {
		set.addAll(List.of(at(RIBOSOME, 1), at(FERRITIN, 2)));
		events.clear();
		assertThrows(IllegalArgumentException.class, () -> set.removeAll(List.of(1L, 42L)));
		assertEquals(2, set.size());
		assertTrue(events.isEmpty());
		set.removeAll(List.of(1L, 2L));
		assertEquals(1, events.size());
		assertTrue(set.isEmpty());
	}

	@Test
	void restorePutsAParticleBackUnderItsId() {
		long id = set.add(at(RIBOSOME, 1));
		set.add(at(RIBOSOME, 2));
		Particle removed = set.remove(id);
		events.clear();
		set.restore(id, removed);
		assertEquals(removed, set.get(id));
		assertEquals(Map.of(id, removed), events.get(0).added());
		assertThrows(IllegalArgumentException.class, () -> set.restore(id, removed), "id in use");
		assertThrows(IllegalArgumentException.class, () -> set.restore(3L, removed), "never handed out");
		// remove + restore with another particle in one group is a change
		events.clear();
		set.beginUpdate();
		set.remove(id);
		set.restore(id, at(RIBOSOME, 9));
		set.endUpdate();
		assertEquals(Map.of(id, new ParticleEdit(removed, at(RIBOSOME, 9))), events.get(0).changed());
	}

	@Test
	void snapshotsAreIsolatedFromLaterEdits() {
		long a = set.add(at(RIBOSOME, 1));
		set.add(at(FERRITIN, 2));
		Map<Long, Particle> snap = set.snapshot();
		Set<Long> ids = set.ids();
		set.replace(a, at(RIBOSOME, 5));
		set.add(at(RIBOSOME, 3));
		assertEquals(2, snap.size());
		assertEquals(at(RIBOSOME, 1), snap.get(a));
		assertEquals(Set.of(1L, 2L), ids);
		assertThrows(UnsupportedOperationException.class, () -> snap.put(9L, at(RIBOSOME, 9)));
		assertEquals(List.of(at(RIBOSOME, 5), at(RIBOSOME, 3)), set.particlesOf(RIBOSOME));
		assertEquals(Set.of(2L), set.snapshotOf(FERRITIN).keySet());
	}

	@Test
	void removedListenerHearsNothing() {
		List<ParticleSetChange> other = new ArrayList<>();
		ParticleSetListener l = other::add;
		set.addListener(l);
		set.add(at(RIBOSOME, 1));
		assertTrue(set.removeListener(l));
		assertFalse(set.removeListener(l));
		set.add(at(RIBOSOME, 2));
		assertEquals(1, other.size());
		assertEquals(2, events.size());
	}

	@Test
	void failingListenerDoesNotCorruptTheSetNorSilenceOthers() {
		ParticleSet s = new ParticleSet();
		List<ParticleSetChange> seen = new ArrayList<>();
		s.addListener(c -> {
			throw new IllegalStateException("view broke");
		});
		s.addListener(seen::add);
		RuntimeException e = assertThrows(IllegalStateException.class, () -> s.add(at(RIBOSOME, 1)));
		assertEquals("view broke", e.getMessage());
		assertEquals(1, s.size(), "the edit stays done");
		assertEquals(1, seen.size(), "the second listener was told");
		// the set still groups correctly afterwards
		s.beginUpdate();
		s.add(at(RIBOSOME, 2));
		assertThrows(IllegalStateException.class, s::endUpdate);
		assertEquals(2, seen.size());
		assertEquals(Set.of(2L), seen.get(1).addedIds());
		assertThrows(IllegalStateException.class, s::endUpdate, "group level went back to 0");
	}

	@Test
	void listenerEditsAreDeliveredAfterTheCurrentEvent() {
		ParticleSet s = new ParticleSet();
		List<String> log = new ArrayList<>();
		s.addListener(c -> {
			log.add("first " + c.addedIds() + c.removedIds());
			if (c.addedIds().contains(1L))
				s.remove(1L); // e.g. a filter that rejects the particle
		});
		s.addListener(c -> log.add("second " + c.addedIds() + c.removedIds()));
		s.add(at(RIBOSOME, 1));
		assertEquals(List.of("first [1][]", "second [1][]", "first [][1]", "second [][1]"), log);
		assertTrue(s.isEmpty());
	}

	@Test
	void concurrentReadersSeeConsistentSnapshots() throws Exception {
		ParticleSet s = new ParticleSet();
		int n = 2000;
		AtomicBoolean done = new AtomicBoolean();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		CountDownLatch started = new CountDownLatch(2);
		List<Thread> readers = new ArrayList<>();
		for (int t = 0; t < 2; t++) {
			Thread reader = new Thread(() -> {
				started.countDown();
				try {
					int last = 0;
					while (!done.get()) {
						Map<Long, Particle> snap = s.snapshot();
						// a snapshot may fall between the two adds of a group, but never holds a half-made entry
						Set<Long> expected = LongStream.rangeClosed(1, snap.size()).boxed().collect(Collectors.toSet());
						if (!snap.keySet().equals(expected))
							throw new AssertionError("ids are not 1.." + snap.size());
						if (snap.size() < last)
							throw new AssertionError("snapshot went back in time");
						last = snap.size();
						for (Map.Entry<Long, Particle> e : snap.entrySet())
							if (e.getValue().x() != (e.getKey() + 1) / 2)
								throw new AssertionError("id " + e.getKey() + " holds " + e.getValue());
					}
				} catch (Throwable e) {
					failure.compareAndSet(null, e);
				}
			});
			reader.start();
			readers.add(reader);
		}
		started.await();
		for (int i = 1; i <= n; i++) {
			s.beginUpdate();
			try {
				s.add(at(RIBOSOME, i));
				s.add(at(FERRITIN, i));
			} finally {
				s.endUpdate();
			}
		}
		done.set(true);
		for (Thread r : readers)
			r.join(10_000);
		if (failure.get() != null)
			throw new AssertionError(failure.get());
		assertEquals(2 * n, s.size());
	}

	@Test
	void changeRejectsAnIdInTwoLists() {
		Particle p = at(RIBOSOME, 1);
		assertThrows(IllegalArgumentException.class, () -> new ParticleSetChange(Map.of(1L, p), Map.of(1L, p), Map.of()));
		ParticleSetChange c = new ParticleSetChange(Map.of(1L, p), Map.of(), Map.of());
		assertFalse(c.isEmpty());
		assertNotEquals("", c.toString());
		assertSame(c.added(), c.added());
	}
}
