// TomoPick batch macro (plain ImageJ 1.x macro language; runs in Fiji or ImageJ with TomoPick installed).
// For every run of a CoPick project: open its tomogram with the picks of one user/session, export them as CoPick
// picks of another user/session and as one challenge CSV per run; then score everything against the truth.
// Keys are the commands' @Parameter names (see docs/fiji.md). Headless: ImageJ-linux64 --headless -batch this.ijm
#@ File (label="CoPick project", style="directory") project
#@ String (label="Picks user", value="curation") user
#@ String (label="Picks session", value="0") session
#@ File (label="Output folder", style="directory") out

setBatchMode(true);
runs = getFileList(project + "/ExperimentRuns/");
for (i = 0; i < runs.length; i++) {
	run = replace(runs[i], "/", "");
	run("TomoPick Open Tomogram", "path=[" + project + "] run=" + run + " level=0 load_picks picks_user=" + user
		+ " picks_session=" + session);
	run("TomoPick Export Picks", "format=CSV output=[" + out + "/" + run + ".csv]");
	run("TomoPick Export Picks", "format=CoPick output=[" + out + "/copick] user=tomopick session=1");
	close();
}
run("TomoPick Evaluate Picks", "truth=[" + project + "] truth_user=" + user + " picks=[" + out + "/copick] user=tomopick session=1");
print("CZII score written to the results table");
