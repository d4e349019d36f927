package org.tomopick.ui;

import ij.IJ;
import ij.plugin.PlugIn;

/** Plugins &gt; TomoPick &gt; About TomoPick: version, what it reads and writes, and where to read more. */
public class AboutTomoPick implements PlugIn {

	@Override
	public void run(String arg) {
		String version = AboutTomoPick.class.getPackage().getImplementationVersion();
		IJ.showMessage("About TomoPick", "TomoPick " + (version == null ? "(development build)" : version) + "\n"
				+ "Finds and labels protein particles in cryo-electron tomograms.\n \n"
				+ "Reads: OME-Zarr v2 (NGFF 0.4), Zarr v2 arrays, MRC2014, CoPick projects and picks,\n"
				+ "the CZII challenge CSV. Writes: OME-Zarr, MRC, CoPick picks, CSV.\n \n"
				+ "Licence: GPL-3.0. Command line: ./tomopick --help");
	}
}
