package org.tomopick.command;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The jars the Fiji tree (update-site/assemble.sh) adds to Fiji.app/jars cannot clash with the jars Fiji ships, and
 * docs/fiji-jars.md lists every one of them (and the jars TomoPick takes from Fiji) as they are.
 * <p>
 * What the tree adds is worked out as assemble.sh does it: the runtime dependencies (Maven's list, written by the
 * build's {@code list-dependencies} execution to target/fiji-jars/dependencies.txt) less the {@code shipped} and
 * {@code cli-only} artifacts of update-site/fiji-jars.txt (the file assemble.sh reads), DJL's {@code api} renamed
 * {@code djl-api}, PyTorch's natives in the platform folders. What Fiji ships is what the parent POM, pom-scijava
 * (the bill of materials of Fiji releases), manages, read from the local Maven repository.
 */
class FijiJarsTest {

	/** Where assemble.sh puts the natives of each PyTorch platform (the other two are fetched from Maven Central). */
	private static final Map<String, String> NATIVE_FOLDERS = new LinkedHashMap<>(Map.of(
		"linux-x86_64", "linux64", "osx-aarch64", "macosx", "win-x86_64", "win64"));

	/** Names too generic for Fiji's jars/ folder, where the updater knows a jar by its name without the version. */
	private static final Set<String> GENERIC_NAMES = Set.of("api", "base", "client", "common", "commons", "core",
		"engine", "jni", "lib", "model", "native", "util", "utils");

	private static Path base;
	private static List<Dependency> dependencies;
	private static Map<String, List<String>> rules;
	private static String scijavaVersion;
	private static Map<String, String> fijiManaged; // groupId:artifactId -> version

	record Dependency(String groupId, String artifactId, String classifier, String version, String scope, Path file) {
		String key() {
			return groupId + ":" + artifactId;
		}

		/** The name maven-dependency-plugin's copy-dependencies gives the jar in target/lib. */
		String libName() {
			return artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + ".jar";
		}
	}

	/** A jar of the tree: its path under Fiji.app/jars and the dependency it comes from. */
	record TreeJar(String path, Dependency from) {
	}

	@BeforeAll
	static void read() throws Exception {
		base = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
		dependencies = readDependencies(base.resolve("target/fiji-jars/dependencies.txt"));
		rules = readRules(base.resolve("update-site/fiji-jars.txt"));
		Element parent = child(parse(base.resolve("pom.xml")).getDocumentElement(), "parent");
		scijavaVersion = text(child(parent, "version"));
		Path pom = localRepository().resolve("org/scijava/pom-scijava/" + scijavaVersion + "/pom-scijava-"
			+ scijavaVersion + ".pom");
		assertTrue(Files.isRegularFile(pom), "the parent POM is not in the local Maven repository: " + pom);
		fijiManaged = managedVersions(pom);
		assertTrue(fijiManaged.size() > 100, "pom-scijava " + scijavaVersion + " manages only " + fijiManaged.size()
			+ " artifacts; is " + pom + " read right?");
	}

	@Test
	void addedJarsCannotClashWithFiji() {
		Map<String, String> managedNames = new TreeMap<>(); // artifactId (lower case) -> groupId:artifactId
		fijiManaged.keySet().forEach(key -> managedNames.put(key.substring(key.indexOf(':') + 1)
			.toLowerCase(Locale.ROOT), key));
		List<String> problems = new ArrayList<>();
		for (TreeJar jar : treeJars()) {
			Dependency d = jar.from();
			String fiji = fijiManaged.get(d.key());
			if (fiji != null && !fiji.equals(d.version()))
				problems.add("jars/" + jar.path() + " (" + d.key() + " " + d.version() + "): Fiji (pom-scijava "
					+ scijavaVersion + ") ships " + d.artifactId() + " " + fiji + "; the tree would add a second "
					+ "version. Use Fiji's version, or list it as shipped in update-site/fiji-jars.txt");
			String fileName = jar.path().substring(jar.path().lastIndexOf('/') + 1);
			String stem = stem(fileName, d);
			String other = managedNames.get(stem.toLowerCase(Locale.ROOT));
			if (other != null && !other.equals(d.key()))
				problems.add("jars/" + jar.path() + " (" + d.key() + "): its name is that of Fiji's " + other
					+ " (" + stem + "-<version>.jar); the Fiji updater would take one for the other. Rename it in "
					+ "update-site/assemble.sh");
			if (GENERIC_NAMES.contains(stem.toLowerCase(Locale.ROOT)))
				problems.add("jars/" + jar.path() + " (" + d.key() + "): a bare '" + stem + "-<version>.jar' in "
					+ "Fiji's jars/ is another project's jar waiting to happen; rename it in update-site/assemble.sh"
					+ " as DJL's api is (djl-api)");
		}
		assertNoProblems(problems);
	}

	@Test
	void shippedJarsAreFijis() {
		List<String> problems = new ArrayList<>();
		for (String artifact : rules.get("shipped")) {
			List<Dependency> matching = dependencies.stream()
				.filter(d -> d.artifactId().equals(artifact) && !d.scope().equals("test")).toList();
			if (matching.isEmpty())
				problems.add("update-site/fiji-jars.txt: shipped " + artifact + " is no dependency of TomoPick "
					+ "(any more); remove the line");
			for (Dependency d : matching)
				if (!fijiManaged.containsKey(d.key()))
					problems.add("update-site/fiji-jars.txt: shipped " + artifact + " (" + d.key() + " "
						+ d.version() + "), but pom-scijava " + scijavaVersion + " does not manage it, so Fiji "
						+ "need not ship it and TomoPick would miss it in Fiji; let the tree add it");
		}
		for (String artifact : rules.get("cli-only"))
			if (dependencies.stream().noneMatch(d -> d.artifactId().equals(artifact)))
				problems.add("update-site/fiji-jars.txt: cli-only " + artifact + " is no dependency of TomoPick");
		// assemble.sh finds a jar's artifact from its file name in target/lib: it must come out as Maven's
		for (Dependency d : runtime()) {
			String fromName = d.libName().replaceAll("\\.jar$", "")
				.replaceAll("-[0-9][^-]*(-[0-9][^-]*)*(-linux-x86_64)?$", "");
			if (!fromName.equals(d.artifactId()))
				problems.add("target/lib/" + d.libName() + ": update-site/assemble.sh reads its artifact as '"
					+ fromName + "', not '" + d.artifactId() + "'; its rules would not apply to it");
		}
		assertNoProblems(problems);
	}

	@Test
	void docsListEveryAddedJar() throws IOException {
		Path docPath = base.resolve("docs/fiji-jars.md");
		String doc = Files.readString(docPath, StandardCharsets.UTF_8);
		List<String> problems = new ArrayList<>();
		Map<String, List<String>> listed = tableRows(doc, "## Jars the Fiji tree adds");
		Map<String, TreeJar> added = new TreeMap<>();
		treeJars().forEach(jar -> added.put(jar.path(), jar));
		for (TreeJar jar : added.values()) {
			List<String> row = listed.get(jar.path());
			if (row == null)
				problems.add("docs/fiji-jars.md does not list jars/" + jar.path() + " (" + jar.from().key() + " "
					+ jar.from().version() + "), which the tree adds: add a row with why it is added and why it "
					+ "cannot clash with Fiji's jars");
			else if (row.size() < 5 || !row.get(1).equals(jar.from().key()) || !row.get(2).equals(jar.from()
				.version()) || row.get(3).isBlank() || row.get(4).isBlank())
				problems.add("docs/fiji-jars.md: the row of jars/" + jar.path() + " should read | `" + jar.path()
					+ "` | " + jar.from().key() + " | " + jar.from().version() + " | <why added> | <why no clash> |"
					+ ", not " + row);
		}
		for (String path : listed.keySet())
			if (!added.containsKey(path))
				problems.add("docs/fiji-jars.md lists jars/" + path + ", which the tree does not add (any more)");

		Map<String, List<String>> shippedRows = tableRows(doc, "## Jars TomoPick takes from Fiji");
		for (String artifact : rules.get("shipped"))
			for (Dependency d : dependencies)
				if (d.artifactId().equals(artifact) && !d.scope().equals("test")) {
					String fiji = fijiManaged.getOrDefault(d.key(), "-");
					String same = fiji.equals(d.version()) ? "yes" : "no";
					List<String> row = shippedRows.get(d.libName());
					List<String> want = List.of(d.libName(), d.key(), d.version(), fiji, same);
					if (row == null || row.size() < 5 || !row.subList(0, 5).equals(want))
						problems.add("docs/fiji-jars.md: jars TomoPick takes from Fiji: the row of " + d.libName()
							+ " should read | `" + String.join("` | ", want.subList(0, 1)) + "` | " + String.join(
								" | ", want.subList(1, 5)) + " | <note> |, not " + row);
				}
		for (String name : shippedRows.keySet())
			if (dependencies.stream().noneMatch(d -> d.libName().equals(name) && rules.get("shipped").contains(d
				.artifactId())))
				problems.add("docs/fiji-jars.md lists " + name + " as taken from Fiji, but it is no shipped jar of "
					+ "update-site/fiji-jars.txt (any more)");
		if (!doc.contains("pom-scijava " + scijavaVersion))
			problems.add("docs/fiji-jars.md does not say which pom-scijava it was checked against (pom-scijava "
				+ scijavaVersion + ")");
		assertNoProblems(problems);
	}

	/** The jars assemble.sh puts under Fiji.app/jars, as paths below it, from the runtime dependencies. */
	static List<TreeJar> treeJars() {
		List<TreeJar> jars = new ArrayList<>();
		for (Dependency d : runtime()) {
			if (rules.get("cli-only").contains(d.artifactId()) || rules.get("shipped").contains(d.artifactId()))
				continue;
			if (d.artifactId().startsWith("pytorch-native-")) {
				// linux-x86_64 from target/lib; the other platforms of the same version from Maven Central
				for (Map.Entry<String, String> platform : NATIVE_FOLDERS.entrySet())
					jars.add(new TreeJar(platform.getValue() + "/" + d.artifactId() + "-" + d.version() + "-"
						+ platform.getKey() + ".jar", d));
			} else if (d.libName().startsWith("api-")) {
				jars.add(new TreeJar("djl-" + d.libName(), d));
			} else {
				jars.add(new TreeJar(d.libName(), d));
			}
		}
		assertTrue(jars.size() > 3, "the tree adds only " + jars);
		return jars;
	}

	/** What copy-dependencies with includeScope=runtime copies to target/lib: compile and runtime scopes. */
	static List<Dependency> runtime() {
		return dependencies.stream().filter(d -> d.scope().equals("compile") || d.scope().equals("runtime"))
			.toList();
	}

	/** A jar file's name less its version and classifier: how Fiji's updater tells jars apart. */
	static String stem(String fileName, Dependency d) {
		String suffix = "-" + d.version() + (d.classifier() == null ? "" : "-" + d.classifier()) + ".jar";
		String nativeSuffix = "-" + d.version();
		if (fileName.endsWith(suffix))
			return fileName.substring(0, fileName.length() - suffix.length());
		int at = fileName.lastIndexOf(nativeSuffix + "-");
		return at > 0 ? fileName.substring(0, at) : fileName.replaceAll("\\.jar$", "");
	}

	private static void assertNoProblems(List<String> problems) {
		if (!problems.isEmpty())
			fail(problems.size() + " problem(s) with the jars of the Fiji tree (update-site/assemble.sh, "
				+ "update-site/fiji-jars.txt, docs/fiji-jars.md):\n  " + String.join("\n  ", problems));
	}

	/** Lines {@code g:a:type[:classifier]:version:scope:file[ -- module ...]} of maven-dependency-plugin's list. */
	static List<Dependency> readDependencies(Path file) throws IOException {
		assertTrue(Files.isRegularFile(file), file + " is missing: the build's list-dependencies execution "
			+ "(maven-dependency-plugin, phase generate-test-resources) writes it; run the test with mvn test");
		Pattern line = Pattern.compile("^\\s*([^:\\s]+):([^:\\s]+):([^:\\s]+):(?:([^:\\s]+):)?([^:\\s]+):"
			+ "(compile|runtime|provided|test|system)(?::(.+?))?(?: -- module .*)?$");
		List<Dependency> list = new ArrayList<>();
		for (String s : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			Matcher m = line.matcher(s);
			if (m.matches() && m.group(3).equals("jar"))
				list.add(new Dependency(m.group(1), m.group(2), m.group(4), m.group(5), m.group(6), m.group(7) == null
					? null : Path.of(m.group(7).trim())));
		}
		assertTrue(list.size() > 5, "no dependencies read from " + file);
		return list;
	}

	/** update-site/fiji-jars.txt: lines {@code shipped <artifactId>} and {@code cli-only <artifactId>}. */
	static Map<String, List<String>> readRules(Path file) throws IOException {
		Map<String, List<String>> map = new TreeMap<>(Map.of("shipped", new ArrayList<>(), "cli-only",
			new ArrayList<>()));
		for (String s : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String[] words = s.strip().split("\\s+");
			if (words[0].isEmpty() || words[0].startsWith("#"))
				continue;
			assertTrue(words.length == 2 && map.containsKey(words[0]), file + ": not a rule: " + s);
			map.get(words[0]).add(words[1]);
		}
		return map;
	}

	/**
	 * The local Maven repository: from where Maven resolved ai.djl:api (dependencies.txt names each file), else
	 * maven.repo.local, else ~/.m2/repository.
	 */
	static Path localRepository() {
		for (Dependency d : dependencies) {
			if (d.file() == null)
				continue;
			Path inRepo = Path.of(d.groupId().replace('.', '/'), d.artifactId(), d.version());
			Path folder = d.file().getParent();
			if (folder != null && folder.endsWith(inRepo))
				return Path.of(folder.toString().substring(0, folder.toString().length() - inRepo.toString()
					.length()));
		}
		String property = System.getProperty("maven.repo.local");
		if (property != null && !property.isBlank())
			return Path.of(property);
		return Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	/** pom-scijava's dependencyManagement as groupId:artifactId -> version, its ${...} properties resolved. */
	static Map<String, String> managedVersions(Path pom) throws Exception {
		Element project = parse(pom).getDocumentElement();
		Map<String, String> properties = new TreeMap<>();
		Element props = child(project, "properties");
		if (props != null)
			for (Node n = props.getFirstChild(); n != null; n = n.getNextSibling())
				if (n instanceof Element e)
					properties.put(e.getTagName(), e.getTextContent().strip());
		properties.put("project.version", text(child(project, "version")));
		Map<String, String> managed = new TreeMap<>();
		Element dependencyManagement = child(project, "dependencyManagement");
		NodeList list = child(dependencyManagement, "dependencies").getElementsByTagName("dependency");
		for (int i = 0; i < list.getLength(); i++) {
			Element dep = (Element) list.item(i);
			if (dep.getParentNode() != child(dependencyManagement, "dependencies"))
				continue; // an exclusion's groupId:artifactId, not a managed one
			String version = resolve(text(child(dep, "version")), properties);
			managed.putIfAbsent(text(child(dep, "groupId")) + ":" + text(child(dep, "artifactId")), version);
		}
		return managed;
	}

	private static String resolve(String value, Map<String, String> properties) {
		Pattern reference = Pattern.compile("\\$\\{([^}]+)}");
		for (int depth = 0; value != null && depth < 10; depth++) {
			Matcher m = reference.matcher(value);
			if (!m.find())
				return value;
			StringBuilder out = new StringBuilder();
			do {
				String v = properties.get(m.group(1));
				m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
			} while (m.find());
			m.appendTail(out);
			if (out.toString().equals(value))
				return value;
			value = out.toString();
		}
		return value;
	}

	/**
	 * The rows of the first Markdown table after a heading, keyed by the first cell (backticks removed): each row's
	 * cells, trimmed, backticks removed.
	 */
	static Map<String, List<String>> tableRows(String doc, String heading) {
		int at = doc.indexOf("\n" + heading + "\n");
		assertTrue(at >= 0, "docs/fiji-jars.md has no section '" + heading + "'");
		Map<String, List<String>> rows = new LinkedHashMap<>();
		boolean inTable = false;
		for (String s : doc.substring(at + heading.length() + 2).split("\n")) {
			if (s.startsWith("## "))
				break;
			if (!s.startsWith("|")) {
				if (inTable)
					break;
				continue;
			}
			inTable = true;
			List<String> cells = new ArrayList<>();
			for (String cell : s.substring(1, s.endsWith("|") ? s.length() - 1 : s.length()).split("\\|", -1))
				cells.add(cell.strip().replace("`", ""));
			if (cells.get(0).matches("-*") || cells.get(0).equalsIgnoreCase("jar"))
				continue; // the header and its rule
			rows.put(cells.get(0), cells);
		}
		return rows;
	}

	private static Document parse(Path file) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(file.toFile());
	}

	private static Element child(Element parent, String name) {
		if (parent == null)
			return null;
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element e && e.getTagName().equals(name))
				return e;
		return null;
	}

	private static String text(Element e) {
		return e == null ? null : e.getTextContent().strip();
	}
}
