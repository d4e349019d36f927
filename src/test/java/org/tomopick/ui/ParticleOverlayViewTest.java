package org.tomopick.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;
import org.tomopick.model.ParticleClass;
import org.tomopick.model.ParticleSet;
import org.tomopick.model.Provenance;
import org.tomopick.model.VoxelGeometry;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.process.ByteProcessor;

/** The overlay drawn headless and flattened: colours on the particle's slices, nothing elsewhere, live updates. */
class ParticleOverlayViewTest {

	private static final ParticleCatalog CZII = ParticleCatalog.czii();
	private static final ParticleClass APO = CZII.get("apo-ferritin"); // 60 A, colour (86, 180, 233)
	private static final ParticleClass RIBO = CZII.get("ribosome"); // 150 A, colour (0, 92, 49)
	private static final int GREY = 40;

	private final ImagePlus image = greyStack(96, 80, 40);
	private final ParticleSet set = new ParticleSet();
	private final ParticleSelection selection = ParticleSelection.following(set);
	private final ParticleOverlayView view = new ParticleOverlayView(image, set, selection,
			VoxelGeometry.isotropic(10, 1), 0);

	private static ImagePlus greyStack(int w, int h, int d) {
		ImageStack stack = new ImageStack(w, h);
		for (int z = 0; z < d; z++) {
			ByteProcessor bp = new ByteProcessor(w, h);
			bp.setValue(GREY);
			bp.fill();
			stack.addSlice(bp);
		}
		return new ImagePlus("grey", stack);
	}

	/** RGB of the flattened image at a pixel, with the image showing a slice (1-based). */
	private int[] rgbAt(int slice, int x, int y) {
		image.setSlice(slice);
		int c = image.flatten().getProcessor().getPixel(x, y);
		return new int[] { (c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff };
	}

	private int colouredPixels(int slice) {
		image.setSlice(slice);
		int[] pixels = (int[]) image.flatten().getProcessor().getPixels();
		int n = 0;
		for (int c : pixels)
			if (((c >> 16) & 0xff) != GREY || ((c >> 8) & 0xff) != GREY || (c & 0xff) != GREY)
				n++;
		return n;
	}

	@Test
	void particleIsItsClassColourAtItsCentreAndAbsentOnFarSlices() {
		view.attach();
		set.add(new Particle(APO, 305, 405, 205, 1, Provenance.MANUAL)); // voxel (30.5, 40.5, 20.5) -> (30/31, 40/41, 20/21)
		set.add(new Particle(APO, 500, 300, 200, 1, Provenance.MANUAL)); // voxel (50, 30, 20)
		// the centre dot of the second particle: pixel (50, 30) on slice 21 (z = 20)
		assertEquals(java.util.List.of(86, 180, 233), java.util.Arrays.stream(rgbAt(21, 50, 30)).boxed().toList());
		// the ring of radius 6 px around (50, 30) on the centre slice: pixel (56, 30) is drawn, (59, 30) is not
		assertTrue(isBlueish(rgbAt(21, 56, 30)), "ring pixel should be apo-ferritin blue");
		assertEquals(GREY, rgbAt(21, 59, 30)[2]);
		// 40 A above the centre the cut has radius sqrt(60^2 - 40^2) = 44.7 A = 4.47 px: (54, 30) drawn, (56, 30) not
		double expected = Math.sqrt(60 * 60 - 40 * 40) / 10;
		assertEquals(4.47, expected, 0.01);
		assertTrue(isBlueish(rgbAt(25, 54, 30)), "smaller ring 4 slices away");
		assertEquals(GREY, rgbAt(25, 56, 30)[2]);
		assertEquals(GREY, rgbAt(25, 50, 30)[2], "no centre dot away from the centre slice");
		// beyond the radius (|dz| >= 60 A) nothing is drawn at all
		assertTrue(colouredPixels(27) > 0, "z = 260 A still cuts the first particle (centre 205 A)");
		assertEquals(0, colouredPixels(28), "z = 270 A is beyond both radii");
		assertEquals(0, colouredPixels(1));
		assertEquals(0, colouredPixels(40));
	}

	private static boolean isBlueish(int[] rgb) {
		return rgb[2] - rgb[0] > 50; // sky blue over grey: blue well above red
	}

	@Test
	void overlayFollowsEditsSelectionAndDisplaySettings() {
		view.attach();
		long ribo = set.add(new Particle(RIBO, 400, 400, 200, 0.3, Provenance.UNET));
		long apo = set.add(new Particle(APO, 200, 200, 200, 0.9, Provenance.UNET));
		// ribosome radius 150 A = 15 slices each side: slices 6..34 (z 5..35 exclusive of the tangent points)
		assertEquals(Set.of(ribo, apo), idsOn(21));
		assertEquals(Set.of(ribo), idsOn(8));
		assertTrue(idsOn(5).isEmpty(), "z = 4 is 160 A from the centre");

		view.setSettings(view.settings().withMinScore(0.5));
		assertEquals(Set.of(apo), idsOn(21), "the score threshold hides the ribosome live");
		view.setSettings(view.settings().withClassVisible("apo-ferritin", false));
		assertTrue(idsOn(21).isEmpty());
		view.setSettings(ParticleDisplaySettings.defaults());

		selection.select(apo);
		assertTrue(isYellow(rgbAt(21, 20 + 6, 20)), "selected particles are drawn in the selection colour");
		set.remove(apo);
		assertEquals(Set.of(ribo), idsOn(21));
		assertTrue(selection.isEmpty(), "deleted particles leave the selection");
		set.replace(ribo, set.get(ribo).withPosition(400, 400, 100));
		assertTrue(idsOn(21).contains(ribo));
		assertFalse(idsOn(30).contains(ribo), "moved up: z 100 A + 150 A reaches z index 24 only");
	}

	private static boolean isYellow(int[] rgb) {
		return rgb[0] > 200 && rgb[1] > 200 && rgb[2] < 100;
	}

	private Set<Long> idsOn(int slice) {
		Set<Long> ids = new java.util.TreeSet<>();
		for (Roi roi : image.getOverlay().toArray())
			if (roi.getPosition() == slice)
				ids.add(ParticleOverlayBuilder.idOf(roi));
		return ids;
	}

	@Test
	void hitTestFindsTheParticleUnderTheCursorOnItsSlices() {
		view.attach();
		long apo = set.add(new Particle(APO, 500, 300, 200, 1, Provenance.MANUAL));
		assertEquals(apo, view.particleAt(50.5 + 4, 30.5, 21).getAsLong());
		assertTrue(view.particleAt(50.5 + 8, 30.5, 21).isEmpty(), "outside the 6 px circle");
		assertTrue(view.particleAt(50.5, 30.5, 30).isEmpty(), "90 A away in z");
		assertEquals(21, view.sliceOf(set.get(apo)));
	}
}
