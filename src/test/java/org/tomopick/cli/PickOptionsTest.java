package org.tomopick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomopick.batch.BatchSettings;
import org.tomopick.pipeline.DefaultModels;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The options {@code pick} and {@code spark pick} share, parsed as a command that mixes them in parses them. */
class PickOptionsTest {

	@Command(name = "picker")
	static final class Picker {
		@Mixin
		PickOptions options;
	}

	private static PickOptions parse(String... args) {
		Picker picker = new Picker();
		new CommandLine(picker).parseArgs(args);
		return picker.options;
	}

	@Test
	void onlyOutGivenIsTheBatchDefaults() {
		BatchSettings settings = parse("--out", "picks").settings("project", false);
		assertEquals(BatchSettings.defaults(Path.of("project"), Path.of("picks"), DefaultModels.commandLine()),
				settings);
	}

	@Test
	void everyOptionReachesTheSettings() {
		BatchSettings settings = parse("--out", "o", "--mode", "unet", "--models", "m", "--user", "alice",
				"--session", "7", "--threshold", "all=0.3", "--threshold", "ribosome=0.6", "--tomo-type", "wbp")
				.settings("in", true);
		assertEquals(new BatchSettings("in", "wbp", "o", "alice", "7", "m", "unet", List.of("all=0.3",
				"ribosome=0.6"), true), settings);
	}

	@Test
	void outIsRequired() {
		assertThrows(CommandLine.MissingParameterException.class, () -> parse("--mode", "yolo"));
	}
}
