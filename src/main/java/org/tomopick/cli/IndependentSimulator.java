package org.tomopick.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.tomopick.io.zarr.DirectoryCommit;

/**
 * The developers' independent tomogram simulator ({@code ../shared/tools/twin_sim.py}, written apart from TomoPick,
 * run with Debian's {@code /usr/bin/python3}), used by {@code bench} for tomograms that TomoPick's own simulator did
 * not make. Only ever measured on: nothing in TomoPick is trained, tuned or chosen on its output. Each tomogram is
 * made once into a cache folder ({@code <cache>/<setting>_s<seed>}, written under a temporary name and renamed when
 * complete) and reused by later runs.
 */
final class IndependentSimulator {

	/** One of the settings the issue tracker measured on: noise relative to protein density, largest tilt. */
	record Setting(String name, double noise, int tiltMax, boolean vary) {

		List<String> arguments() {
			List<String> a = new ArrayList<>(List.of("--noise", Double.toString(noise), "--tilt",
					Integer.toString(tiltMax)));
			if (vary)
				a.add("--vary");
			return a;
		}

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT, "noise %.1f, tilt +-%d%s", noise, tiltMax,
					vary ? ", structural variability" : "");
		}
	}

	static final List<Setting> SETTINGS = List.of(new Setting("low-noise", 1.0, 60, false),
			new Setting("high-noise", 2.0, 45, false), new Setting("variability", 1.5, 55, true));
	static final Path PYTHON = Path.of("/usr/bin/python3");

	private final Path script;
	private final Path cache;

	IndependentSimulator(Path script, Path cache) {
		this.script = script;
		this.cache = cache;
	}

	/** Why it cannot run here, or null when it can. */
	String unavailableBecause() {
		if (!Files.isRegularFile(script))
			return script + " not found";
		if (!Files.isExecutable(PYTHON))
			return PYTHON + " not found";
		try {
			Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import numpy, scipy, zarr, numcodecs, mrcfile")
					.redirectErrorStream(true).start();
			p.getInputStream().readAllBytes();
			if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
				return "python3-numpy, -scipy, -zarr, -numcodecs or -mrcfile missing (Debian packages)";
		} catch (IOException e) {
			return "cannot start " + PYTHON + ": " + e.getMessage();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
		return null;
	}

	/** The CoPick project of one tomogram of a run's layout at a setting and seed, made when not cached. */
	Path project(Path picksRoot, String run, Path templates, Setting setting, int seed) {
		Path dir = cache.resolve(setting.name() + "_" + run + "_s" + seed);
		if (Files.isRegularFile(dir.resolve("copick_config.json")))
			return dir;
		Path tmp = cache.resolve("." + dir.getFileName() + ".partial");
		try {
			Files.createDirectories(cache);
			if (Files.exists(tmp))
				DirectoryCommit.deleteTree(tmp);
			List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), script.toString(), "--picks",
					picksRoot.toString(), "--run", run, "--templates", templates.toString(), "--out", tmp.toString(),
					"--seed", Integer.toString(seed)));
			cmd.addAll(setting.arguments());
			Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
			String log = new String(p.getInputStream().readAllBytes());
			if (p.waitFor() != 0)
				throw new UserInputException(script + " failed (exit " + p.exitValue() + "): " + log.strip());
			Files.move(tmp, dir);
			return dir;
		} catch (IOException e) {
			throw new UserInputException(cache + ": cannot make the independent test tomogram: " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new org.tomopick.progress.CancelledException("independent simulator");
		}
	}
}
