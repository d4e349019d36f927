package org.tomopick.yolo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.tomopick.model.ParticleCatalog;
import org.tomopick.nn.DjlRuntime;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A slice detector network with everything needed to use it: its settings (architecture, working voxel size,
 * slice stride, thresholds) and the particle classes of its outputs, in order. Owns the native memory of its
 * parameters: close it when done. Saved and loaded by {@link YoloModelFile}.
 */
public final class YoloModel implements AutoCloseable {

	private final YoloSettings settings;
	private final ParticleCatalog catalog;
	private final NDManager manager;
	private final YoloSliceNet net;

	private YoloModel(YoloSettings settings, ParticleCatalog catalog, NDManager manager, YoloSliceNet net) {
		this.settings = settings;
		this.catalog = catalog;
		this.manager = manager;
		this.net = net;
	}

	/** A new network with freshly initialised parameters (seeded by the training seed). */
	public static YoloModel create(YoloSettings settings, ParticleCatalog catalog) {
		settings.validate();
		if (settings.architecture().classCount() != catalog.size())
			throw new IllegalArgumentException("YOLO settings: architecture.classCount is "
					+ settings.architecture().classCount() + " but the catalog has " + catalog.size() + " classes");
		DjlRuntime.configure();
		Engine.getInstance().setRandomSeed((int) settings.training().seed());
		NDManager manager = NDManager.newBaseManager();
		YoloSliceNet net = new YoloSliceNet(settings.architecture());
		int ch = settings.architecture().inputChannels();
		net.initialize(manager, DataType.FLOAT32, new Shape(1, ch, 64, 64));
		return new YoloModel(settings, catalog, manager, net);
	}

	public YoloSettings settings() {
		return settings;
	}

	public ParticleCatalog catalog() {
		return catalog;
	}

	/** The network; its parameters belong to this model. */
	public YoloSliceNet net() {
		return net;
	}

	NDManager manager() {
		return manager;
	}

	/** A copy of this model with other detection settings (thresholds, linking, batch size), same parameters. */
	public YoloModel withDetection(YoloDetectionSettings detection) {
		YoloModel copy = create(settings.withDetection(detection.validate()), catalog);
		copy.loadParameterBytes(parameterBytes());
		return copy;
	}

	/** Total number of parameter values. */
	public long parameterCount() {
		long n = 0;
		for (var p : net.getParameters().values())
			n += p.getArray().getShape().size();
		return n;
	}

	/** The parameters in DJL's format, as bytes. */
	public byte[] parameterBytes() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			net.saveParameters(out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/** Replaces the parameters by ones saved with {@link #parameterBytes()} from a model of the same architecture. */
	public void loadParameterBytes(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			net.loadParameters(manager, in);
		} catch (IOException | MalformedModelException | RuntimeException e) {
			throw new IllegalArgumentException("YOLO parameters do not fit the architecture " + settings.architecture()
					+ ": " + e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		manager.close();
	}
}
