package org.tomopick.model;

/**
 * Something that follows a {@link ParticleSet}: a view, an overlay, an undo history. It is told once per outermost
 * update group (or once per single edit made outside a group) what was added, removed and changed.
 */
@FunctionalInterface
public interface ParticleSetListener {

	/**
	 * Called after the set has been changed, outside the set's lock, on the thread that ended the update. The set
	 * already holds the new state. A listener may read the set and may even edit it; its edits are reported in a
	 * later event, after every listener has seen this one.
	 */
	void particleSetChanged(ParticleSetChange change);
}
