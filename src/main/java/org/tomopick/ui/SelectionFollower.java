package org.tomopick.ui;

import java.util.Objects;

import org.tomopick.io.OrthogonalPlane;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleSet;
import org.tomopick.model.ParticleSetChange;
import org.tomopick.model.ParticleSetListener;

/**
 * Keeps the {@link ViewCursor} on the selected particle (the last one selected), so that the XZ and YZ views cut
 * through it. When a particle becomes the selected one the cursor goes to its centre in x and y; z (the XY slice)
 * stays where the reviewer is looking unless that slice misses the particle. When the selected particle moves (a
 * drag, an undo) the cursor follows it along the axes it moved. Headless.
 */
public final class SelectionFollower implements ParticleSelection.Listener, ParticleSetListener {

	private final ParticleSet particles;
	private final ParticleSelection selection;
	private final ViewCursor cursor;
	private final PlaneCircles planes;
	private long followed = -1;
	private Particle followedAt;

	private SelectionFollower(ParticleSet particles, ParticleSelection selection, ViewCursor cursor,
			PlaneCircles planes) {
		this.particles = Objects.requireNonNull(particles, "particles");
		this.selection = Objects.requireNonNull(selection, "selection");
		this.cursor = Objects.requireNonNull(cursor, "cursor");
		this.planes = Objects.requireNonNull(planes, "planes");
	}

	/** Starts following: listens to the selection and to the set. */
	public static SelectionFollower attach(ParticleSet particles, ParticleSelection selection, ViewCursor cursor,
			PlaneCircles planes) {
		SelectionFollower follower = new SelectionFollower(particles, selection, cursor, planes);
		selection.addListener(follower);
		particles.addListener(follower);
		return follower;
	}

	@Override
	public void selectionChanged(ParticleSelection s) {
		long id = -1;
		for (long selected : s.ids())
			id = selected;
		Particle p = id < 0 ? null : particles.find(id).orElse(null);
		if (p == null)
			followed = -1;
		if (p == null || id == followed)
			return;
		followed = id;
		followedAt = p;
		int z = cursor.z();
		if (planes.cut(id, p, OrthogonalPlane.XY, z).isEmpty())
			z = voxel(p, OrthogonalPlane.Z);
		cursor.moveTo(voxel(p, OrthogonalPlane.X), voxel(p, OrthogonalPlane.Y), z);
	}

	@Override
	public void particleSetChanged(ParticleSetChange change) {
		if (followed < 0)
			return;
		if (change.removedIds().contains(followed)) {
			followed = -1;
			return;
		}
		if (!change.changedIds().contains(followed) && !change.addedIds().contains(followed))
			return;
		Particle now = particles.find(followed).orElse(null);
		if (now == null || !selection.contains(followed))
			return;
		int x = cursor.x(), y = cursor.y(), z = cursor.z();
		if (now.x() != followedAt.x())
			x = voxel(now, OrthogonalPlane.X);
		if (now.y() != followedAt.y())
			y = voxel(now, OrthogonalPlane.Y);
		if (now.z() != followedAt.z())
			z = voxel(now, OrthogonalPlane.Z);
		followedAt = now;
		cursor.moveTo(x, y, z);
	}

	private int voxel(Particle p, int axis) {
		return (int) Math.round(planes.voxelOf(p, axis));
	}
}
