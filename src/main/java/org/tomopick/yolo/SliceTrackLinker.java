package org.tomopick.yolo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tomopick.model.Particle;
import org.tomopick.model.Provenance;

/**
 * Cross-slice linking for the YOLO branch alone: detections of one class on neighbouring sampled slices are chained
 * into tracks, and each track long enough becomes one 3D particle at the confidence-weighted mean of its detections'
 * centres, scored by their mean confidence. Slices are visited in order; in each, detections in order of falling
 * confidence join the nearest open track of their class whose last detection is at most {@code maxSliceGap} sampled
 * slices back and within {@code linkRadiusFraction} x the class radius in x-y (one detection per track and slice),
 * or start a new track.
 */
public final class SliceTrackLinker {

	private final double linkRadiusFraction;
	private final int maxSliceGap;
	private final int minTrackLength;
	private final int sliceStride;

	public SliceTrackLinker(YoloDetectionSettings settings, int sliceStride) {
		settings.validate();
		this.linkRadiusFraction = settings.linkRadiusFraction();
		this.maxSliceGap = settings.maxSliceGap();
		this.minTrackLength = settings.minTrackLength();
		this.sliceStride = sliceStride;
	}

	public List<Particle> link(List<SliceDetection> detections) {
		Map<Integer, List<SliceDetection>> bySlice = new TreeMap<>();
		for (SliceDetection d : detections)
			bySlice.computeIfAbsent(d.slice(), k -> new ArrayList<>()).add(d);
		List<Track> open = new ArrayList<>();
		List<Track> done = new ArrayList<>();
		for (Map.Entry<Integer, List<SliceDetection>> e : bySlice.entrySet()) {
			int slice = e.getKey();
			for (int i = open.size() - 1; i >= 0; i--)
				if (slice - open.get(i).lastSlice() > maxSliceGap * sliceStride)
					done.add(open.remove(i));
			List<SliceDetection> here = new ArrayList<>(e.getValue());
			here.sort(Comparator.comparingDouble(SliceDetection::confidence).reversed());
			List<Track> extended = new ArrayList<>();
			for (SliceDetection d : here) {
				double reach = linkRadiusFraction * d.type().radiusAngstrom();
				Track best = null;
				double bestDistance = Double.POSITIVE_INFINITY;
				for (Track t : open) {
					if (extended.contains(t) || !t.type().equals(d.type().name()))
						continue;
					SliceDetection last = t.last();
					double dist = Math.hypot(d.xAngstrom() - last.xAngstrom(), d.yAngstrom() - last.yAngstrom());
					if (dist <= reach && dist < bestDistance) {
						best = t;
						bestDistance = dist;
					}
				}
				if (best == null) {
					best = new Track(new ArrayList<>());
					open.add(best);
				}
				best.members().add(d);
				extended.add(best);
			}
		}
		done.addAll(open);
		List<Particle> particles = new ArrayList<>();
		for (Track t : done)
			if (t.members().size() >= minTrackLength)
				particles.add(t.toParticle());
		return particles;
	}

	/** A chain of detections; compared by identity. */
	private static final class Track {

		private final List<SliceDetection> members;

		Track(List<SliceDetection> members) {
			this.members = members;
		}

		List<SliceDetection> members() {
			return members;
		}

		SliceDetection last() {
			return members.get(members.size() - 1);
		}

		int lastSlice() {
			return last().slice();
		}

		String type() {
			return members.get(0).type().name();
		}

		Particle toParticle() {
			double w = 0, x = 0, y = 0, z = 0;
			for (SliceDetection d : members) {
				w += d.confidence();
				x += d.confidence() * d.xAngstrom();
				y += d.confidence() * d.yAngstrom();
				z += d.confidence() * d.zAngstrom();
			}
			return new Particle(members.get(0).type(), x / w, y / w, z / w, w / members.size(), Provenance.YOLO);
		}
	}
}
