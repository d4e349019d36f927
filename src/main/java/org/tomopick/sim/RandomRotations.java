package org.tomopick.sim;

import java.util.SplittableRandom;

/**
 * Rotations drawn uniformly from SO(3): a uniformly random unit quaternion (Shoemake's method) turned into a 3x3
 * rotation matrix, row-major, acting on column vectors (x, y, z).
 */
public final class RandomRotations {

	private RandomRotations() {
	}

	public static double[] uniform(SplittableRandom random) {
		double u1 = random.nextDouble(), u2 = random.nextDouble(), u3 = random.nextDouble();
		double a = Math.sqrt(1 - u1), b = Math.sqrt(u1);
		double qx = a * Math.sin(2 * Math.PI * u2);
		double qy = a * Math.cos(2 * Math.PI * u2);
		double qz = b * Math.sin(2 * Math.PI * u3);
		double qw = b * Math.cos(2 * Math.PI * u3);
		return fromQuaternion(qw, qx, qy, qz);
	}

	/** The rotation matrix of a unit quaternion w + xi + yj + zk, row-major. */
	public static double[] fromQuaternion(double w, double x, double y, double z) {
		return new double[] {
				1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
				2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
				2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y) };
	}

	/** A 4x4 row-major rigid transformation (CoPick {@code transformation_}) with this rotation and no shift. */
	public static double[] toTransformation(double[] r) {
		return new double[] { r[0], r[1], r[2], 0, r[3], r[4], r[5], 0, r[6], r[7], r[8], 0, 0, 0, 0, 1 };
	}
}
