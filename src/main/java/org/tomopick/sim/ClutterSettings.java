package org.tomopick.sim;

/**
 * Look-alike clutter that real tomograms have and a picker must learn to ignore: lipid vesicles (hollow bilayer
 * shells), gold fiducials (very dense solid balls) and, optionally, one piece of ice contamination or carbon edge
 * (a large dense ball on an ice surface, or a carbon film lying on a surface and ending at a straight edge).
 * Placed after the target particles and kept off them; never part of the truth. The counts are drawn per tomogram
 * by {@link ImagingConditions}; positions and sizes by {@link SampleComposer} from the tomogram's seed.
 *
 * @param vesicles                 number of vesicles (default 0)
 * @param vesicleRadiusMinAngstrom smallest vesicle radius (mid-bilayer), A (default 150)
 * @param vesicleRadiusMaxAngstrom largest vesicle radius, A (default 600)
 * @param leafletSpacingAngstrom   distance between the two dense leaflets of a bilayer, A (default 40)
 * @param goldBeads                number of gold beads (default 0)
 * @param goldRadiusMinAngstrom    smallest gold radius, A (default 40)
 * @param goldRadiusMaxAngstrom    largest gold radius, A (default 80)
 * @param goldPotentialVolts       potential of gold above ice, V (default 20, about 8 times protein)
 * @param contamination            add one piece of ice contamination or carbon edge (default false)
 */
public record ClutterSettings(int vesicles, double vesicleRadiusMinAngstrom, double vesicleRadiusMaxAngstrom,
		double leafletSpacingAngstrom, int goldBeads, double goldRadiusMinAngstrom, double goldRadiusMaxAngstrom,
		double goldPotentialVolts, boolean contamination) {

	/** No clutter (the simulator's default). */
	public static ClutterSettings defaults() {
		return new ClutterSettings(0, 150, 600, 40, 0, 40, 80, 20, false);
	}

	public ClutterSettings validate() {
		SimulationSettings.require(vesicles >= 0 && vesicles <= 1000, "clutter.vesicles", "must be in [0, 1000]",
				vesicles);
		SimulationSettings.require(vesicleRadiusMinAngstrom > leafletSpacingAngstrom
				&& vesicleRadiusMaxAngstrom >= vesicleRadiusMinAngstrom && vesicleRadiusMaxAngstrom < 1e4,
				"clutter.vesicleRadius", "needs leafletSpacing < min <= max < 1e4", vesicleRadiusMinAngstrom);
		SimulationSettings.require(leafletSpacingAngstrom > 0, "clutter.leafletSpacingAngstrom", "must be > 0",
				leafletSpacingAngstrom);
		SimulationSettings.require(goldBeads >= 0 && goldBeads <= 1000, "clutter.goldBeads", "must be in [0, 1000]",
				goldBeads);
		SimulationSettings.require(goldRadiusMinAngstrom > 0 && goldRadiusMaxAngstrom >= goldRadiusMinAngstrom
				&& goldRadiusMaxAngstrom < 1e3, "clutter.goldRadius", "needs 0 < min <= max < 1000",
				goldRadiusMinAngstrom);
		SimulationSettings.require(goldPotentialVolts >= 0 && goldPotentialVolts < 1000, "clutter.goldPotentialVolts",
				"must be in [0, 1000)", goldPotentialVolts);
		return this;
	}

	/** Whether anything is placed at all. */
	public boolean any() {
		return vesicles > 0 || goldBeads > 0 || contamination;
	}

	public ClutterSettings withCounts(int vesicleCount, int goldCount, boolean withContamination) {
		return new ClutterSettings(vesicleCount, vesicleRadiusMinAngstrom, vesicleRadiusMaxAngstrom,
				leafletSpacingAngstrom, goldCount, goldRadiusMinAngstrom, goldRadiusMaxAngstrom, goldPotentialVolts,
				withContamination);
	}
}
