package org.tomopick.cli;

import java.nio.file.Path;

import org.tomopick.io.copick.CopickConfigCodec;
import org.tomopick.model.ParticleCatalog;

/** The particle catalog a command works with: from a CoPick config when one is given, else the CZII species. */
final class CliCatalogs {

	private CliCatalogs() {
	}

	static ParticleCatalog load(Path copickConfig) {
		if (copickConfig == null)
			return ParticleCatalog.czii();
		CliPaths.requireExists(copickConfig, "--config");
		return CopickConfigCodec.read(copickConfig).toCatalog();
	}
}
