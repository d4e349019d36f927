package org.tomopick.command;

import java.io.File;
import java.util.List;
import java.util.Optional;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.io.copick.CopickProject;
import org.tomopick.io.copick.CopickTomogramChoices;

/**
 * What Open Tomogram's dialog offers for the path chosen: the runs of a CoPick project, the chosen run's voxel
 * spacings (as their folders write them, "10.012") and the tomogram types at the chosen spacing, and the value
 * chosen in each. A blank value becomes the default (the first run, the finest spacing, denoised else wbp else the
 * first type); a value given (by a macro) is kept as it is, even when the project lacks it, so that the command
 * fails naming it rather than opening another tomogram. A path that names no project, or one that cannot be read
 * yet (the user is still typing), offers one empty choice in each list: the command's own error comes when it runs.
 */
record OpenTomogramChoices(List<String> runs, List<String> voxelSpacings, List<String> tomoTypes, String run,
		String voxelSpacing, String tomoType) {

	/** The one choice a list offers when there is nothing to list: empty, "the default". */
	static final List<String> NOTHING = List.of("");

	static OpenTomogramChoices of(File path, String run, String voxelSpacing, String tomoType) {
		Optional<CopickTomogramChoices> project;
		try {
			project = path == null ? Optional.empty() : CopickTomogramChoices.of(path.toPath());
		} catch (TomoPickIoException | IllegalArgumentException unreadable) { // also a path not valid here
			project = Optional.empty();
		}
		if (project.isEmpty())
			return new OpenTomogramChoices(NOTHING, NOTHING, NOTHING, text(run), text(voxelSpacing), text(tomoType));
		CopickTomogramChoices choices = project.get();
		List<String> runs = choices.runs();
		String r = orFirst(run, runs);
		double spacing = parseOrFinest(voxelSpacing);
		List<String> spacings = choices.voxelSpacings(r).stream().map(CopickProject::voxelSpacingText).toList();
		String vs = orFirst(voxelSpacing, spacings);
		List<String> types = choices.tomogramTypes(r, spacing);
		return new OpenTomogramChoices(orNothing(runs), orNothing(spacings), orNothing(types), r, vs,
				orFirst(tomoType, types));
	}

	private static String orFirst(String given, List<String> available) {
		if (given != null && !given.isBlank())
			return given;
		return available.isEmpty() ? "" : available.get(0);
	}

	/** The spacing a text names, for listing the types at it: 0 (the finest) for a blank or unreadable text. */
	private static double parseOrFinest(String text) {
		try {
			return text == null || text.isBlank() ? 0 : Double.parseDouble(text.strip());
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	private static List<String> orNothing(List<String> list) {
		return list.isEmpty() ? NOTHING : list;
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
