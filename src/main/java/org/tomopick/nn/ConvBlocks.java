package org.tomopick.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.nn.norm.BatchNorm;

/** Factories of the small 3D convolution blocks the networks are built from. */
public final class ConvBlocks {

	private ConvBlocks() {
	}

	/** A cubic 3D convolution with "same" padding; no bias when a batch norm follows. */
	public static Conv3d conv(int filters, int kernel, int stride, boolean bias) {
		return Conv3d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel, kernel))
				.optStride(new Shape(stride, stride, stride))
				.optPadding(new Shape(kernel / 2, kernel / 2, kernel / 2)).optBias(bias).build();
	}

	/** Convolution (no bias), batch norm over the channel axis, ReLU. */
	public static SequentialBlock convBnRelu(int filters, int kernel, int stride) {
		return new SequentialBlock().add(conv(filters, kernel, stride, false)).add(batchNorm())
				.add(Activation.reluBlock());
	}

	/** Convolution (no bias) and batch norm, without activation. */
	public static SequentialBlock convBn(int filters, int kernel, int stride) {
		return new SequentialBlock().add(conv(filters, kernel, stride, false)).add(batchNorm());
	}

	public static BatchNorm batchNorm() {
		return BatchNorm.builder().optAxis(1).build();
	}
}
