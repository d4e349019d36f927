package org.tomopick.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * Runs a {@link UNet3d} block in inference mode (batch norm with its running statistics) with a softmax over the
 * channels. Every call works in its own sub-manager of the given manager, so native memory is freed after each batch.
 */
public final class BlockWindowPredictor implements WindowPredictor {

	private final Block block;
	private final NDManager manager;
	private final UNetArchitecture architecture;

	public BlockWindowPredictor(Block block, UNetArchitecture architecture, NDManager manager) {
		this.block = block;
		this.architecture = architecture;
		this.manager = manager;
	}

	@Override
	public int channels() {
		return architecture.outputChannels();
	}

	@Override
	public int sizeMultiple() {
		return architecture.sizeMultiple();
	}

	@Override
	public float[] predict(float[] windows, int count, int[] shape) {
		try (NDManager sub = manager.newSubManager()) {
			NDArray input = sub.create(windows, new Shape(count, 1, shape[0], shape[1], shape[2]));
			NDArray logits = block.forward(new ParameterStore(sub, false), new NDList(input), false)
					.singletonOrThrow();
			return logits.softmax(1).toFloatArray();
		}
	}
}
