package org.tomopick.io.copick;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.tomopick.io.TomoPickIoException;
import org.tomopick.model.Particle;
import org.tomopick.model.ParticleCatalog;

/**
 * Collects the picks of one user and session from every run of a CoPick project, as run name -> particles of all
 * classes (the form the scorer and the CSV writer take). When the user or session is not given and the project
 * holds picks of exactly one user/session pair, that pair is used; with several pairs the choice must be made, and
 * the error lists them. Picks files of objects the catalog does not know (membranes, for instance) are left out.
 */
public final class CopickPicksLoader {

	private final CopickProject project;
	private final ParticleCatalog catalog;

	public CopickPicksLoader(CopickProject project, ParticleCatalog catalog) {
		this.project = project;
		this.catalog = catalog;
	}

	/**
	 * @param userId    the user, or null for "the only one there is"
	 * @param sessionId the session, or null for "the only one there is"
	 * @param runs      the runs to read, or empty for all runs of the project
	 */
	public Map<String, List<Particle>> load(String userId, String sessionId, Collection<String> runs) {
		List<String> selectedRuns = runs.isEmpty() ? project.runs() : List.copyOf(runs);
		for (String run : selectedRuns)
			if (!project.runs().contains(run))
				throw new TomoPickIoException(project.root(), "no run '" + run + "' in ExperimentRuns; runs are "
						+ project.runs());
		List<CopickPicksFileRef> refs = new ArrayList<>();
		Map<String, String> runOfFile = new LinkedHashMap<>();
		for (String run : selectedRuns)
			for (CopickPicksFileRef ref : project.picksFiles(run))
				if (catalog.find(ref.objectName()).isPresent()) {
					refs.add(ref);
					runOfFile.put(ref.path().toString(), run);
				}
		String[] pair = choosePair(refs, userId, sessionId);
		Map<String, List<Particle>> byRun = new LinkedHashMap<>();
		for (String run : selectedRuns)
			byRun.put(run, new ArrayList<>());
		for (CopickPicksFileRef ref : refs)
			if (ref.userId().equals(pair[0]) && ref.sessionId().equals(pair[1]))
				byRun.get(runOfFile.get(ref.path().toString()))
						.addAll(CopickPicksReader.read(ref.path(), catalog).particles());
		return byRun;
	}

	/** The user/session pairs that have picks of known objects in the given runs, as "user/session". */
	public Set<String> pairs(Collection<String> runs) {
		Set<String> pairs = new TreeSet<>();
		for (String run : runs.isEmpty() ? project.runs() : runs)
			for (CopickPicksFileRef ref : project.picksFiles(run))
				if (catalog.find(ref.objectName()).isPresent())
					pairs.add(ref.userId() + "/" + ref.sessionId());
		return pairs;
	}

	private String[] choosePair(List<CopickPicksFileRef> refs, String userId, String sessionId) {
		Set<String> matching = new TreeSet<>();
		Set<String> all = new TreeSet<>();
		for (CopickPicksFileRef ref : refs) {
			all.add(ref.userId() + "/" + ref.sessionId());
			if ((userId == null || ref.userId().equals(userId)) && (sessionId == null || ref.sessionId().equals(sessionId)))
				matching.add(ref.userId() + "/" + ref.sessionId());
		}
		if (all.isEmpty())
			throw new TomoPickIoException(project.root(), "no picks of " + catalog + " found");
		if (matching.isEmpty())
			throw new TomoPickIoException(project.root(), "no picks of user '" + orAny(userId) + "' session '"
					+ orAny(sessionId) + "'; there are " + all);
		if (matching.size() > 1)
			throw new TomoPickIoException(project.root(), "picks of several users/sessions " + matching
					+ ": choose one with the user and session options");
		String only = matching.iterator().next();
		int slash = only.indexOf('/');
		return new String[] { only.substring(0, slash), only.substring(slash + 1) };
	}

	private static String orAny(String s) {
		return s == null ? "(any)" : s;
	}
}
