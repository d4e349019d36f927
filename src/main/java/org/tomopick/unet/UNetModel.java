package org.tomopick.unet;

import org.tomopick.io.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tomopick.io.AtomicFiles;
import org.tomopick.io.TomoPickIoException;
import org.tomopick.nn.DjlRuntime;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * A UNet3D with its weights in native memory and its {@link UNetModelInfo}. A model file is a directory with
 * {@value #PARAMETERS} (DJL parameters) and {@value #SIDECAR} (the JSON sidecar, which records the SHA-256 of the
 * parameters file): loading fails with a message naming the files when they do not belong together or do not fit
 * the recorded architecture. Close it to free the native memory.
 */
public final class UNetModel implements AutoCloseable {

	public static final String SIDECAR = "unet.json";
	public static final String PARAMETERS = "unet.params";

	private final NDManager manager;
	private final UNet3d block;
	private UNetModelInfo info;

	private UNetModel(NDManager manager, UNet3d block, UNetModelInfo info) {
		this.manager = manager;
		this.block = block;
		this.info = info;
	}

	/** A new model with weights drawn from the seed. */
	public static UNetModel create(UNetModelInfo info, long seed) {
		DjlRuntime.configure();
		Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
		NDManager manager = NDManager.newBaseManager();
		UNet3d block = new UNet3d(info.architecture());
		int m = info.architecture().sizeMultiple();
		block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, m, m, m));
		return new UNetModel(manager, block, info);
	}

	/**
	 * Loads a model directory.
	 *
	 * @throws TomoPickIoException naming the file when a file is missing, unreadable or the pair does not match
	 */
	public static UNetModel load(Path directory) {
		Path sidecarFile = directory.resolve(SIDECAR);
		if (!Files.isRegularFile(sidecarFile))
			throw new TomoPickIoException(directory, "not a TomoPick UNet model (no " + SIDECAR + ")");
		UNetModelInfoCodec.Sidecar sidecar;
		byte[] parameters;
		try {
			sidecar = UNetModelInfoCodec.decode(Files.readString(sidecarFile, StandardCharsets.UTF_8), sidecarFile);
		} catch (IOException e) {
			throw new TomoPickIoException(sidecarFile, "cannot read: " + e.getMessage(), e);
		}
		parameters = org.tomopick.io.ModelFiles.read(directory, sidecar.parameters().file(), sidecarFile);
		Path parameterFile = directory.resolve(sidecar.parameters().file());
		String sha = Sha256.of(parameters);
		if (!sha.equals(sidecar.parameters().sha256()))
			throw new TomoPickIoException(parameterFile, "does not belong to " + sidecarFile
					+ ": its SHA-256 is " + sha + ", the sidecar expects " + sidecar.parameters().sha256()
					+ " (the parameters were replaced, or the sidecar was copied from another model)");
		UNetModel model = create(sidecar.info(), 0);
		Map<String, Shape> expected = new LinkedHashMap<>();
		model.block.getParameters().forEach(p -> expected.put(p.getKey(), p.getValue().getArray().getShape()));
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
			model.block.loadParameters(model.manager, in);
			// DJL replaces arrays without comparing shapes: compare them here
			for (Pair<String, Parameter> p : model.block.getParameters()) {
				Shape got = p.getValue().getArray().getShape();
				if (!got.equals(expected.get(p.getKey())))
					throw new MalformedModelException("parameter " + p.getKey() + " has shape " + got
							+ ", the architecture needs " + expected.get(p.getKey()));
			}
			if (in.read() != -1)
				throw new MalformedModelException("the file has data after the last parameter");
		} catch (IOException | MalformedModelException | RuntimeException e) {
			model.close();
			throw new TomoPickIoException(parameterFile, "parameters do not fit the architecture recorded in "
					+ sidecarFile + " (" + sidecar.info().architecture() + "): " + e.getMessage(), e);
		}
		return model;
	}

	/** Writes {@value #PARAMETERS} and then {@value #SIDECAR} into the directory (each atomically). */
	public void save(Path directory) {
		byte[] parameters = parameterBytes();
		AtomicFiles.writeBytes(directory.resolve(PARAMETERS), parameters);
		UNetModelInfoCodec.ParameterRef ref = new UNetModelInfoCodec.ParameterRef(PARAMETERS, Sha256.of(parameters),
				parameterCount());
		AtomicFiles.writeString(directory.resolve(SIDECAR), UNetModelInfoCodec.encode(info, ref));
	}

	byte[] parameterBytes() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			block.saveParameters(out);
		} catch (IOException e) {
			throw new IllegalStateException("cannot serialise the UNet parameters", e);
		}
		return bytes.toByteArray();
	}

	/** Number of weights (all parameters, batch-norm statistics included). */
	public long parameterCount() {
		long n = 0;
		for (Parameter p : block.getParameters().values())
			n += p.getArray().size();
		return n;
	}

	/** A predictor for {@link SlidingWindowInference} (inference mode, softmax). */
	public WindowPredictor predictor() {
		return new BlockWindowPredictor(block, info.architecture(), manager);
	}

	public UNetModelInfo info() {
		return info;
	}

	/** Replaces the info (e.g. after training or threshold tuning); the architecture must stay the same. */
	public void updateInfo(UNetModelInfo newInfo) {
		if (!newInfo.architecture().equals(info.architecture()))
			throw new IllegalArgumentException("model info: the architecture cannot change (" + info.architecture()
					+ " -> " + newInfo.architecture() + ")");
		this.info = newInfo;
	}

	/** The DJL block (for training). */
	public UNet3d block() {
		return block;
	}

	NDManager manager() {
		return manager;
	}


	@Override
	public void close() {
		manager.close();
	}
}
