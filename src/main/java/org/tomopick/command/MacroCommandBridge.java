package org.tomopick.command;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.event.EventSubscriber;
import org.scijava.module.Module;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.service.Service;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;

/**
 * The ImageJ 1.x face of the SciJava commands, so that plain ImageJ macros can run them:
 * {@code run("TomoPick Open Tomogram", "path=/data/run1.zarr level=0")}. Each {@code plugins.config} entry names
 * this class with the command class as its argument. The macro keys are exactly the command's {@code @Parameter}
 * names (snake_case), read as whole words ({@link MacroOptions}: ImageJ's own {@code Macro.getValue} would find
 * {@code user=} inside {@code truth_user=}); so they cannot drift from the command, in any order. Values
 * with spaces go in square brackets ({@code path=[/my data/run.zarr]}). Checkboxes follow ImageJ's rule: the bare
 * key (or {@code key=true}) switches one on, and an absent key is off. Other absent keys keep the command's
 * default. An {@code ImagePlus} input is the image titled by its key, else the current image; an image output
 * without a window becomes the current image (a batch-mode image in batch mode). Without macro
 * options (a menu click in plain ImageJ) a dialog asks for the inputs, labelled with the same keys.
 * <p>
 * The command runs through the CommandService of Fiji's SciJava context when ImageJ runs inside Fiji (imagej-legacy
 * hands it out), otherwise of one context that TomoPick starts on first use and keeps for the session.
 */
public class MacroCommandBridge implements PlugIn {

	private static Context ownContext;

	@Override
	public void run(String arg) {
		try {
			execute(commandClass(arg), Macro.getOptions());
		} catch (RuntimeException e) {
			String message = e.getMessage() == null ? e.toString() : e.getMessage();
			IJ.log("TomoPick: " + message);
			if (IJ.isMacro()) { // stop the macro here: its next steps would work on the wrong data
				ij.macro.Interpreter.abort();
				throw new RuntimeException(Macro.MACRO_CANCELED);
			}
			if (!java.awt.GraphicsEnvironment.isHeadless())
				IJ.error("TomoPick", message);
		}
	}

	/** Runs a command with ImageJ 1.x macro options (null: ask with a dialog). Returns the finished module. */
	public static Module execute(Class<? extends Command> command, String options) {
		Context context = context();
		CommandInfo info = context.service(CommandService.class).getCommand(command);
		if (info == null)
			throw new IllegalStateException(command.getName() + " is not a SciJava command of this context");
		Module module = context.service(ModuleService.class).createModule(info);
		String opts = options;
		if (opts == null && !java.awt.GraphicsEnvironment.isHeadless()) {
			opts = ask(info, module);
			if (opts == null)
				return module; // cancelled
		}
		for (ModuleItem<?> input : info.inputs())
			if (!isService(input.getType()))
				assign(module, input, opts == null ? "" : opts + " ");
		ModuleErrors errors = new ModuleErrors(module);
		EventService events = context.service(EventService.class);
		List<EventSubscriber<?>> subscribers = events.subscribe(errors);
		try {
			Module done = context.service(ModuleService.class).run(module, true, Map.of()).get();
			errors.rethrow();
			makeImagesCurrent(done);
			return done;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + info.getTitle(), e);
		} catch (ExecutionException e) {
			errors.rethrow();
			Throwable cause = commandException(e.getCause());
			throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
		} finally {
			events.unsubscribe(subscribers);
		}
	}

	/** SciJava wraps a command's exception ("Module threw exception"): the command's own, for the message. */
	static Throwable commandException(Throwable t) {
		while (t.getCause() != null && t.getCause() != t && !(t instanceof org.tomopick.io.TomoPickIoException)
				&& !(t instanceof IllegalArgumentException))
			t = t.getCause();
		return t;
	}

	/** Catches the error of one module: SciJava's runner logs a failed command and completes normally. */
	public static final class ModuleErrors {

		private final Module module;
		private volatile Throwable error;

		ModuleErrors(Module module) {
			this.module = module;
		}

		@EventHandler
		public void onError(ModuleErroredEvent event) {
			if (event.getModule() != module)
				return;
			error = commandException(event.getException());
		}

		void rethrow() {
			if (error instanceof RuntimeException r)
				throw r;
			if (error != null)
				throw new IllegalStateException(error);
		}
	}

	/**
	 * Image outputs that no window shows become the macro's current image (and batch-mode images in batch mode), so
	 * that the next {@code run(...)} of the macro works on them.
	 */
	private static void makeImagesCurrent(Module module) {
		for (Object value : module.getOutputs().values())
			if (value instanceof ImagePlus image && image.getWindow() == null) {
				if (ij.macro.Interpreter.isBatchMode())
					ij.macro.Interpreter.addBatchModeImage(image);
				WindowManager.setTempCurrentImage(image);
			}
	}

	private static boolean isService(Class<?> type) {
		return Service.class.isAssignableFrom(type) || Context.class.isAssignableFrom(type);
	}

	private static void assign(Module module, ModuleItem<?> input, String options) {
		String key = input.getName();
		Class<?> type = input.getType();
		MacroOptions given = MacroOptions.parse(options);
		if (ImagePlus.class.isAssignableFrom(type)) {
			String title = given.value(key).orElse(null);
			ImagePlus image = title == null ? WindowManager.getCurrentImage() : WindowManager.getImage(title);
			if (title != null && image == null)
				throw new IllegalArgumentException(key + ": no image titled '" + title + "' is open");
			module.setInput(key, image);
		} else if (type == boolean.class || type == Boolean.class) {
			boolean on = given.value(key).map(v -> Boolean.parseBoolean(v.strip())).orElse(given.has(key));
			module.setInput(key, on);
		} else {
			String value = given.value(key).orElse(null);
			if (value != null)
				module.setInput(key, convert(key, value.strip(), type));
		}
		module.resolveInput(key);
	}

	static Object convert(String key, String value, Class<?> type) {
		try {
			if (type == String.class)
				return value;
			if (type == File.class)
				return new File(value);
			if (type == int.class || type == Integer.class)
				return (int) Math.round(Double.parseDouble(value));
			if (type == long.class || type == Long.class)
				return Long.parseLong(value);
			if (type == double.class || type == Double.class)
				return Double.parseDouble(value);
			if (type == float.class || type == Float.class)
				return Float.parseFloat(value);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(key + ": '" + value + "' is not a number", e);
		}
		throw new IllegalArgumentException(key + ": inputs of type " + type.getSimpleName()
				+ " cannot be given in a macro");
	}

	/** A dialog for the inputs (labels are the macro keys); returns macro options, or null when cancelled. */
	private static String ask(CommandInfo info, Module module) {
		GenericDialog gd = new GenericDialog(info.getTitle());
		for (ModuleItem<?> input : info.inputs()) {
			Class<?> type = input.getType();
			Object value = input.getValue(module);
			if (isService(type) || ImagePlus.class.isAssignableFrom(type))
				continue;
			if (type == boolean.class || type == Boolean.class)
				gd.addCheckbox(input.getName(), Boolean.TRUE.equals(value));
			else if (input.getChoices() != null && !input.getChoices().isEmpty())
				gd.addChoice(input.getName(), input.getChoices().stream().map(Object::toString)
						.toArray(String[]::new), String.valueOf(value));
			else
				gd.addStringField(input.getName(), value == null ? "" : value.toString(), 30);
		}
		gd.showDialog();
		if (gd.wasCanceled())
			return null;
		StringBuilder options = new StringBuilder();
		for (ModuleItem<?> input : info.inputs()) {
			Class<?> type = input.getType();
			if (isService(type) || ImagePlus.class.isAssignableFrom(type))
				continue;
			if (type == boolean.class || type == Boolean.class)
				options.append(input.getName()).append('=').append(gd.getNextBoolean()).append(' ');
			else if (input.getChoices() != null && !input.getChoices().isEmpty())
				options.append(input.getName()).append("=[").append(gd.getNextChoice()).append("] ");
			else
				options.append(input.getName()).append("=[").append(gd.getNextString()).append("] ");
		}
		return options.toString();
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Command> commandClass(String name) {
		try {
			Class<?> c = Class.forName(name.strip(), true, MacroCommandBridge.class.getClassLoader());
			if (!Command.class.isAssignableFrom(c))
				throw new IllegalArgumentException(name + " is not a SciJava command");
			return (Class<? extends Command>) c;
		} catch (ClassNotFoundException e) {
			throw new IllegalArgumentException("plugins.config names an unknown command class '" + name + "'", e);
		}
	}

	/** Fiji's context when imagej-legacy is there, else TomoPick's own (started once). */
	static synchronized Context context() {
		if (isPresent("net.imagej.legacy.LegacyService")) {
			Object fiji = IJ.runPlugIn("org.scijava.Context", "");
			if (fiji instanceof Context c)
				return c;
		}
		if (ownContext == null)
			ownContext = new Context();
		return ownContext;
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, MacroCommandBridge.class.getClassLoader());
			return true;
		} catch (ClassNotFoundException e) {
			return false;
		}
	}
}
