package org.tomopick.command;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Runs a SciJava command through the CommandService of a context, as Fiji and scripts do, and returns its module. */
final class CommandTestSupport {

	private CommandTestSupport() {
	}

	static CommandModule run(Context context, Class<? extends Command> command, Map<String, Object> inputs) {
		try {
			CommandModule module = context.service(CommandService.class).run(command, true, inputs).get();
			if (module.isCanceled())
				throw new AssertionError(command.getSimpleName() + " was cancelled: " + module.getCancelReason());
			return module;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)
					&& !(cause instanceof org.tomopick.io.TomoPickIoException))
				cause = cause.getCause();
			if (cause instanceof RuntimeException r)
				throw r;
			throw new AssertionError(cause);
		}
	}

	/** Inputs of a tiny synthetic tomogram (40 x 64 x 64 voxels of 10 A, 6 degree steps, no context). */
	static Map<String, Object> tinySimulation(java.io.File output, String run, long seed) {
		Map<String, Object> in = new java.util.HashMap<>();
		in.put("output", output);
		in.put("run", run);
		in.put("size_x", 64);
		in.put("size_y", 64);
		in.put("size_z", 40);
		in.put("voxel_size", 10.0);
		in.put("density", 60000.0);
		in.put("max_tilt", 60.0);
		in.put("tilt_step", 6.0);
		in.put("dose", 100.0);
		in.put("context", false);
		in.put("seed", seed);
		in.put("tomo_type", "wbp");
		in.put("truth_user", "simulation");
		in.put("show", false);
		return in;
	}
}
