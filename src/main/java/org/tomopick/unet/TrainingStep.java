package org.tomopick.unet;

import java.util.List;
import java.util.SplittableRandom;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;

/**
 * One optimiser step: a batch of random crops, forward in training mode, loss, backward, AdamW update, gradients
 * zeroed. All arrays of a step live in a sub-manager that is closed at its end; the optimiser's moment arrays belong
 * to the model's manager and are freed with the model.
 */
final class TrainingStep {

	private final UNetModel model;
	private final UNetTrainingSettings settings;
	private final SegmentationLoss loss;
	private final Optimizer optimizer;
	private final CosineSchedule schedule;
	private int stepsDone;

	TrainingStep(UNetModel model, UNetTrainingSettings settings, int stepsDone) {
		this.model = model;
		this.settings = settings;
		this.stepsDone = stepsDone;
		this.loss = SegmentationLoss.of(settings, model.info().architecture().outputChannels());
		this.schedule = new CosineSchedule(settings.learningRate(), 0.01, settings.epochs() * settings.stepsPerEpoch(),
				stepsDone, settings.cosineSchedule());
		this.optimizer = Optimizer.adamW().optLearningRateTracker(schedule)
				.optWeightDecays((float) settings.weightDecay()).build();
		for (Parameter p : model.block().getParameters().values())
			if (p.requiresGradient())
				p.getArray().setRequiresGradient(true);
	}

	/** Runs one step and returns its loss. */
	double run(List<PreparedExample> examples, CropSampler sampler, SplittableRandom random) {
		int b = settings.batchSize(), c = settings.cropSize(), cube = c * c * c;
		int channels = model.info().architecture().outputChannels();
		float[] images = new float[b * cube];
		float[] targets = new float[b * channels * cube];
		for (int i = 0; i < b; i++)
			sampler.sample(examples.get(random.nextInt(examples.size())), random, images, i * cube, targets,
					i * channels * cube);
		double value;
		try (NDManager step = model.manager().newSubManager()) {
			NDArray x = step.create(images, new Shape(b, 1, c, c, c));
			NDArray y = step.create(targets, new Shape(b, channels, c, c, c));
			try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
				NDArray logits = model.block().forward(new ParameterStore(step, false), new NDList(x), true)
						.singletonOrThrow();
				NDArray l = loss.evaluate(new NDList(y), new NDList(logits));
				collector.backward(l);
				value = l.getFloat();
			}
			for (Pair<String, Parameter> p : model.block().getParameters()) {
				Parameter parameter = p.getValue();
				if (!parameter.requiresGradient())
					continue;
				NDArray weight = parameter.getArray();
				try (NDArray gradient = weight.getGradient()) {
					optimizer.update(parameter.getId(), weight, gradient);
					gradient.subi(gradient);
				}
			}
		}
		stepsDone++;
		return value;
	}

	double learningRate() {
		return schedule.at(Math.max(0, stepsDone - 1));
	}
}
