// TomoPick batch macro (plain ImageJ 1.x macro language; runs in Fiji or ImageJ with TomoPick installed).
// For every run of a CoPick project: open its tomogram with the picks of one user/session, export them as CoPick
// picks of user tomopick, session 1, and as one challenge CSV per run; then score everything against the truth.
// The keys are the commands' @Parameter names (README, "Macros and scripts").
//
// Headless, with its options as the macro's argument (values with spaces in square brackets):
//   ImageJ-linux64 --headless -batch scripts/tomopick_batch.ijm "project=[/data/my project] user=curation session=0 out=[/data/out]"
// From Plugins > Macros > Run... without an argument it asks for the folders.

args = getArgument();
project = option(args, "project", "");
user = option(args, "user", "curation");
session = option(args, "session", "0");
out = option(args, "out", "");
if (project == "")
	project = getDirectory("CoPick project");
if (out == "")
	out = getDirectory("Output folder");
if (endsWith(project, "/"))
	project = substring(project, 0, lengthOf(project) - 1);
if (endsWith(out, "/"))
	out = substring(out, 0, lengthOf(out) - 1);

setBatchMode(true);
entries = getFileList(project + "/ExperimentRuns/");
for (i = 0; i < entries.length; i++) {
	if (!endsWith(entries[i], "/"))
		continue;
	runName = replace(entries[i], "/", "");
	run("TomoPick Open Tomogram", "path=[" + project + "] run=" + runName + " level=0 load_picks picks_user=" + user
		+ " picks_session=" + session);
	run("TomoPick Export Picks", "format=CSV output=[" + out + "/" + runName + ".csv]");
	run("TomoPick Export Picks", "format=CoPick output=[" + out + "/copick] user=tomopick session=1");
	close();
}
run("TomoPick Evaluate Picks", "truth=[" + project + "] truth_user=" + user + " truth_session=" + session
	+ " picks=[" + out + "/copick] user=tomopick session=1 json=[" + out + "/score.json]");
print("scores written to " + out + "/score.json:");
print(File.openAsString(out + "/score.json"));

// The value of "key=value" or "key=[value with spaces]" in the argument; whole keys only.
function option(text, key, fallback) {
	text = " " + text;
	at = indexOf(text, " " + key + "=");
	if (at < 0)
		return fallback;
	start = at + lengthOf(key) + 2;
	if (substring(text, start, start + 1) == "[") {
		closing = indexOf(text, "]", start);
		return substring(text, start + 1, closing);
	}
	end = indexOf(text, " ", start);
	if (end < 0)
		end = lengthOf(text);
	return substring(text, start, end);
}
