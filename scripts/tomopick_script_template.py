#@ CommandService command
#@ File (label="CoPick project", style="directory") project
#@ String (label="Run", value="") run_name
#@ File (label="Output folder", style="directory") out
#@output Double score
# TomoPick script template (Fiji script editor, language Python/Jython). Runs the SciJava commands through the
# CommandService with the same snake_case keys as the macros; every command also works headless:
#   ImageJ-linux64 --headless --run tomopick_script_template.py 'project="/data/copick",run_name="TS_5_4",out="/tmp"'

from org.scijava.module import ModuleService
from org.tomopick.command import OpenTomogramCommand, ExportPicksCommand, EvaluatePicksCommand

# Open Tomogram lists a CoPick project's runs in its dialog, which makes it a SciJava DynamicCommand: for those,
# CommandService.run returns None (a SciJava limitation), so it runs through the ModuleService, with the same keys.
modules = command.getContext().service(ModuleService)
opened = modules.run(command.getCommand(OpenTomogramCommand), True,
	"path", project, "run", run_name, "level", 0, "load_picks", True,
	"picks_user", "", "picks_session", "", "show", False).get()
image = opened.getOutput("image")
print("opened %s with %d particles" % (image.getTitle(), opened.getOutput("particle_count")))

# ... edit or pick here (TomogramSession.require(image).particles() is the ParticleSet) ...

command.run(ExportPicksCommand, True,
	"image", image, "format", "CoPick", "output", out, "run", run_name, "user", "tomopick", "session", "1").get()
scored = command.run(EvaluatePicksCommand, True,
	"truth", project, "picks", out, "user", "tomopick", "session", "1", "runs", run_name, "show", False).get()
score = scored.getOutput("czii_score")
print("CZII score: %.4f" % score)
