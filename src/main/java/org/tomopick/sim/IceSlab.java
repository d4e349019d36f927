package org.tomopick.sim;

import java.util.SplittableRandom;

/**
 * A slab of vitreous ice: a mid-plane through a centre point with a unit normal (close to z), a thickness, soft
 * surfaces, and a slow linear gradient of its potential across x and y. Positions are in A (voxel i of an axis
 * sits at i times the voxel size, as in {@link org.tomopick.model.VoxelGeometry}).
 *
 * @param centre     a point on the mid-plane, (x, y, z) in A
 * @param normal     unit normal (x, y, z)
 * @param thickness  thickness along the normal, A
 * @param edge       width of the soft surfaces, A
 * @param gradient   relative change of the potential per A along x and y (2 values)
 */
public record IceSlab(double[] centre, double[] normal, double thickness, double edge, double[] gradient) {

	public IceSlab {
		if (centre.length != 3 || normal.length != 3 || gradient.length != 2)
			throw new IllegalArgumentException("ice slab: centre and normal need 3 values, gradient 2");
		double n = Math.sqrt(normal[0] * normal[0] + normal[1] * normal[1] + normal[2] * normal[2]);
		if (!(n > 0) || !(thickness > 0) || !(edge > 0))
			throw new IllegalArgumentException("ice slab: normal, thickness and edge must be non-zero");
		centre = centre.clone();
		normal = new double[] { normal[0] / n, normal[1] / n, normal[2] / n };
		gradient = gradient.clone();
	}

	/**
	 * A slab with thickness, tilt, vertical offset and gradient drawn from the sample settings, centred laterally in
	 * the volume.
	 */
	public static IceSlab random(SimulationSettings settings, SplittableRandom random) {
		SampleSettings s = settings.sample();
		double t = s.iceThicknessMinAngstrom()
				+ random.nextDouble() * (s.iceThicknessMaxAngstrom() - s.iceThicknessMinAngstrom());
		double tilt = Math.toRadians(s.iceTiltMaxDegrees()) * random.nextDouble();
		double azimuth = 2 * Math.PI * random.nextDouble();
		double[] normal = { Math.sin(tilt) * Math.cos(azimuth), Math.sin(tilt) * Math.sin(azimuth), Math.cos(tilt) };
		double vs = settings.voxelSizeAngstrom();
		double depth = (settings.sizeZ() - 1) * vs;
		double slack = Math.max(0, depth - t) * 0.25;
		double[] centre = { (settings.sizeX() - 1) * vs / 2, (settings.sizeY() - 1) * vs / 2,
				depth / 2 + (2 * random.nextDouble() - 1) * slack };
		double gx = (2 * random.nextDouble() - 1) * s.iceGradient() / settings.extentAngstrom(0);
		double gy = (2 * random.nextDouble() - 1) * s.iceGradient() / settings.extentAngstrom(1);
		return new IceSlab(centre, normal, t, s.iceEdgeAngstrom(), new double[] { gx, gy });
	}

	/** Signed distance from the mid-plane along the normal, A. */
	public double signedDistance(double x, double y, double z) {
		return (x - centre[0]) * normal[0] + (y - centre[1]) * normal[1] + (z - centre[2]) * normal[2];
	}

	/** z (A) of the mid-plane above (x, y). */
	public double midZ(double x, double y) {
		return centre[2] - ((x - centre[0]) * normal[0] + (y - centre[1]) * normal[1]) / normal[2];
	}

	/** How far inside the slab a point is (A, negative outside). */
	public double depthInside(double x, double y, double z) {
		return thickness / 2 - Math.abs(signedDistance(x, y, z));
	}

	/** Fraction of ice at a point, 0..1, with smooth surfaces of width {@link #edge()}. */
	public double iceFraction(double x, double y, double z) {
		return smoothStep(depthInside(x, y, z) / edge + 0.5);
	}

	/** Relative potential of the ice at (x, y): 1 plus the lateral gradient. */
	public double gradientFactor(double x, double y) {
		return 1 + (x - centre[0]) * gradient[0] + (y - centre[1]) * gradient[1];
	}

	static double smoothStep(double t) {
		if (t <= 0)
			return 0;
		if (t >= 1)
			return 1;
		return t * t * (3 - 2 * t);
	}

	@Override
	public double[] centre() {
		return centre.clone();
	}

	@Override
	public double[] normal() {
		return normal.clone();
	}

	@Override
	public double[] gradient() {
		return gradient.clone();
	}
}
