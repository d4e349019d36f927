package org.tomopick.command;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

/**
 * Runs a SciJava command through the module service of a context, with pre- and postprocessing as Fiji and scripts
 * run it, and returns its module: a {@code CommandModule}, or the command itself for a {@code DynamicCommand}
 * (Open Tomogram), which is its own module.
 */
final class CommandTestSupport {

	private CommandTestSupport() {
	}

	static Module run(Context context, Class<? extends Command> command, Map<String, Object> inputs) {
		try {
			Module module = context.service(ModuleService.class)
					.run(context.service(CommandService.class).getCommand(command), true, inputs).get();
			if (module instanceof Cancelable c && c.isCanceled())
				throw new AssertionError(command.getSimpleName() + " was cancelled: " + c.getCancelReason());
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
