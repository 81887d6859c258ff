package ai.spawn.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.spawn.generation.AppBundle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists the packages a bundle installs or runs: {@code package.json} dependencies (all four kinds, following
 * {@code npm:} aliases), {@code requirements*.txt} (following {@code -r}), and packages named in the install and
 * start commands ({@code npm install x}, {@code yarn add x}, {@code npx x}, {@code pip install x},
 * {@code python3 -m pip install x}, {@code uv pip install x}). Sources other than the registries (git, URLs,
 * files, another index) are reported as {@code deps.remote-source} warnings on the way. One instance per bundle;
 * not thread-safe.
 */
final class DependencyExtractor {

    static final String REMOTE = "deps.remote-source";

    private static final List<String> NPM_SECTIONS = List.of("dependencies", "devDependencies",
            "optionalDependencies", "peerDependencies");
    private static final Pattern EXACT_NPM = Pattern.compile("^[=v]*\\s*(\\d+\\.\\d+\\.\\d+(?:[-+][\\w.\\-+]+)?)$");
    private static final Pattern REMOTE_NPM = Pattern.compile(
            "^(?:git\\+|git:|github:|gitlab:|bitbucket:|gist:|https?:|file:|link:|\\.{0,2}/)|^[\\w.\\-]+/[\\w.\\-]+(?:#.*)?$"
                    + "|\\.t?gz$", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUIREMENT = Pattern.compile(
            "^([A-Za-z0-9][A-Za-z0-9._\\-]*)\\s*(\\[[^\\]]*])?\\s*(.*)$");
    private static final Pattern EXACT_PYPI = Pattern.compile("^===?\\s*([\\w.+!\\-]+)\\s*(?:;.*)?$");
    private static final Pattern URL = Pattern.compile("^(?:[a-z][a-z0-9+.\\-]*://|git\\+|\\.{0,2}/)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NPM_INSTALL = Set.of("install", "i", "add", "in", "ins", "inst", "insta",
            "instal", "isnt", "isnta", "isntal", "isntall");
    private static final Set<String> NPM_RUNNERS = Set.of("npx", "bunx", "pnpx");
    private static final Set<String> NPM_VALUE_OPTIONS = Set.of("--prefix", "-C", "--dir", "-w", "--workspace",
            "--cache", "--omit", "--include", "--loglevel", "--filter", "--cwd", "--tag", "-p", "--package");
    private static final Set<String> PIP_VALUE_OPTIONS = Set.of("-c", "--constraint", "-t", "--target", "--prefix",
            "--root", "--trusted-host", "--src", "--platform", "--python-version", "--implementation", "--abi",
            "--progress-bar", "--log", "--cache-dir", "--upgrade-strategy", "--no-binary", "--only-binary",
            "--config-settings", "--global-option", "--install-option", "-C");
    private static final Set<String> PIP_INDEX_OPTIONS = Set.of("-i", "--index-url", "--extra-index-url", "-f",
            "--find-links");
    private static final int MAX_INCLUDES = 3;
    private static final Pattern JSON_KEY = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"\\s*:");

    private final AppBundle bundle;
    private final JsonMapper json;
    private final Findings out;
    private final List<Dependency> found = new ArrayList<>();

    private DependencyExtractor(AppBundle bundle, JsonMapper json, Findings out) {
        this.bundle = bundle;
        this.json = json;
        this.out = out;
    }

    /** Every dependency of the bundle; remote sources are added to {@code out} as warnings. */
    static List<Dependency> extract(AppBundle bundle, JsonMapper json, Findings out) {
        DependencyExtractor e = new DependencyExtractor(bundle, json, out);
        for (Map.Entry<String, String> file : bundle.files().entrySet()) {
            String name = file.getKey().substring(file.getKey().lastIndexOf('/') + 1);
            if (file.getValue() == null) {
                continue;
            }
            if (name.equals("package.json")) {
                e.packageJson(file.getKey(), file.getValue());
            } else if (name.startsWith("requirements") && name.endsWith(".txt")) {
                e.requirements(file.getKey(), file.getValue(), 0);
            }
        }
        if (bundle.install() != null) {
            e.command(bundle.install(), "the install command");
        }
        e.command(bundle.start(), "the start command");
        return e.found;
    }

    private void packageJson(String path, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            return; // SyntaxRule reports the broken file
        }
        if (root == null || !root.isObject()) {
            return;
        }
        Map<String, Integer> lines = keyLines(text);
        for (String section : NPM_SECTIONS) {
            JsonNode deps = root.get(section);
            if (deps == null || !deps.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> dep : deps.properties()) {
                String name = dep.getKey();
                String spec = dep.getValue().isString() ? dep.getValue().stringValue().trim() : "";
                int line = lines.getOrDefault(name, 0);
                if (spec.startsWith("npm:")) {
                    npmPackage(spec.substring(4), path, line, "the alias " + name);
                } else if (REMOTE_NPM.matcher(spec).find()) {
                    out.warn(REMOTE, path, line, name + " is installed from " + spec + " instead of the npm registry;"
                            + " code from there is not checked — use a published version");
                    found.add(new Dependency(Ecosystem.NPM, name, null, path, line));
                } else {
                    found.add(new Dependency(Ecosystem.NPM, name, exactNpm(spec), path, line));
                }
            }
        }
    }

    private void requirements(String path, String text, int includes) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = stripComment(lines[i]).trim();
            if (t.isEmpty()) {
                continue;
            }
            String[] words = t.split("\\s+|=", 2);
            String option = words[0];
            String value = words.length > 1 ? words[1].trim() : "";
            if ((option.equals("-r") || option.equals("--requirement")) && includes < MAX_INCLUDES) {
                String included = resolve(path, value);
                if (bundle.files().get(included) != null) {
                    requirements(included, bundle.files().get(included), includes + 1);
                }
            } else if (option.equals("-e") || option.equals("--editable")) {
                out.warn(REMOTE, path, i + 1, "installs " + value + " from source instead of PyPI; code from there"
                        + " is not checked — use a published version");
            } else if (PIP_INDEX_OPTIONS.contains(option)) {
                out.warn(REMOTE, path, i + 1, "installs from another package index (" + value + "); only PyPI is "
                        + "checked and reachable — remove " + option);
            } else if (!t.startsWith("-")) {
                pypiPackage(t, path, i + 1, "");
            }
        }
    }

    private void command(String text, String label) {
        for (String segment : text.split("&&|\\|\\||;|\\|")) {
            List<String> words = new ArrayList<>();
            for (String w : segment.trim().split("\\s+")) {
                String unquoted = w.replaceAll("^['\"]|['\"]$", "");
                if (!unquoted.isEmpty() && !(words.isEmpty() && unquoted.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
                    words.add(unquoted);
                }
            }
            if (words.isEmpty()) {
                continue;
            }
            String tool = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
            if (NPM_RUNNERS.contains(tool)) {
                npmArguments(words.subList(1, words.size()), label, true);
            } else if (tool.equals("npm") || tool.equals("pnpm") || tool.equals("yarn") || tool.equals("bun")) {
                int sub = npmVerbAt(words);
                if (sub < 0) {
                    continue;
                }
                String verb = words.get(sub);
                if (NPM_INSTALL.contains(verb)) {
                    npmArguments(words.subList(sub + 1, words.size()), label, false);
                } else if (verb.equals("dlx") || verb.equals("exec") || verb.equals("x")) {
                    npmArguments(words.subList(sub + 1, words.size()), label, true);
                }
            } else {
                int install = pipInstallAt(words, tool);
                if (install > 0) {
                    pipArguments(words.subList(install, words.size()), label);
                }
            }
        }
    }

    /** The index just after "install"/"add" when the words run pip (or uv), else -1. */
    private static int pipInstallAt(List<String> w, String tool) {
        int i;
        if (tool.matches("pip3?(\\.\\d+)?")) {
            i = 1;
        } else if (tool.matches("python[23]?(\\.\\d+)?") && w.size() > 2 && w.get(1).equals("-m")
                && w.get(2).matches("pip3?")) {
            i = 3;
        } else if (tool.equals("uv") && w.size() > 1 && w.get(1).equals("pip")) {
            i = 2;
        } else if (tool.equals("uv") && w.size() > 1 && w.get(1).equals("add")) {
            return 2;
        } else {
            return -1;
        }
        int sub = firstNonOption(w, i);
        return sub >= 0 && w.get(sub).equals("install") ? sub + 1 : -1;
    }

    /** Where the npm/yarn/pnpm/bun sub-command is, past options and their values; -1 when there is none. */
    private static int npmVerbAt(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-")) {
                return i;
            }
            if (NPM_VALUE_OPTIONS.contains(w)) {
                i++;
            }
        }
        return -1;
    }

    private static int firstNonOption(List<String> words, int from) {
        for (int i = from; i < words.size(); i++) {
            if (!words.get(i).startsWith("-")) {
                return i;
            }
        }
        return -1;
    }

    private void npmArguments(List<String> args, String label, boolean runner) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (option.equals("--registry")) {
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size()
                        ? args.get(++i) : "";
                out.warn(REMOTE, null, 0, label + " installs from another registry (" + value + "); only the npm "
                        + "registry is checked and reachable — remove --registry");
            } else if (a.startsWith("-")) {
                if (!a.contains("=") && NPM_VALUE_OPTIONS.contains(a) && i + 1 < args.size()) {
                    i++;
                    if (a.equals("-p") || a.equals("--package")) {
                        npmPackage(args.get(i), null, 0, label);
                    }
                }
            } else {
                npmPackage(a, null, 0, label);
                if (runner) {
                    return; // the rest are the arguments of the program it runs
                }
            }
        }
    }

    private void pipArguments(List<String> args, String label) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.contains("=") && a.startsWith("-") ? a.substring(0, a.indexOf('=')) : a;
            boolean inlineValue = a.startsWith("-") && a.contains("=");
            String value = inlineValue ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(i + 1) : "";
            if (option.equals("-r") || option.equals("--requirement")) {
                i += inlineValue ? 0 : 1;
                if (bundle.files().get(value) != null) {
                    requirements(value, bundle.files().get(value), 1);
                }
            } else if (PIP_INDEX_OPTIONS.contains(option)) {
                i += inlineValue ? 0 : 1;
                out.warn(REMOTE, null, 0, label + " installs from another package index (" + value + "); only "
                        + "PyPI is checked and reachable — remove " + option);
            } else if (option.equals("-e") || option.equals("--editable")) {
                i += inlineValue ? 0 : 1;
                out.warn(REMOTE, null, 0, label + " installs " + value + " from source instead of PyPI; code from "
                        + "there is not checked — use a published version");
            } else if (PIP_VALUE_OPTIONS.contains(option)) {
                i += inlineValue ? 0 : 1;
            } else if (!a.startsWith("-")) {
                pypiPackage(a, null, 0, label + " ");
            }
        }
    }

    private void npmPackage(String token, String path, int line, String label) {
        if (REMOTE_NPM.matcher(token).find() && !token.startsWith("@")) {
            out.warn(REMOTE, path, line, label + " installs " + token + " from outside the npm registry; code from "
                    + "there is not checked — use a published package");
            return;
        }
        int at = token.lastIndexOf('@');
        String name = at > 0 ? token.substring(0, at) : token;
        String version = at > 0 ? exactNpm(token.substring(at + 1)) : null;
        found.add(new Dependency(Ecosystem.NPM, name, version, path, line));
    }

    /** One requirement ("flask==3.0", "requests[socks]>=2", "pkg @ https://..."); {@code label} prefixes messages. */
    private void pypiPackage(String requirement, String path, int line, String label) {
        if (URL.matcher(requirement).find()) {
            out.warn(REMOTE, path, line, label + "installs " + requirement + " from outside PyPI; code from there "
                    + "is not checked — use a published package");
            return;
        }
        Matcher m = REQUIREMENT.matcher(requirement);
        if (!m.matches()) {
            return;
        }
        String rest = m.group(3).trim();
        if (rest.startsWith("@")) {
            out.warn(REMOTE, path, line, label + "installs " + m.group(1) + " from " + rest.substring(1).trim()
                    + " instead of PyPI; code from there is not checked — use a published version");
        }
        Matcher exact = EXACT_PYPI.matcher(rest);
        found.add(new Dependency(Ecosystem.PYPI, m.group(1), exact.matches() ? exact.group(1) : null, path, line));
    }

    private static String exactNpm(String spec) {
        Matcher m = EXACT_NPM.matcher(spec.trim());
        return m.matches() ? m.group(1) : null;
    }

    private static String stripComment(String line) {
        if (line.trim().startsWith("#")) {
            return "";
        }
        int hash = line.indexOf(" #");
        int tab = line.indexOf("\t#");
        int cut = hash < 0 ? tab : tab < 0 ? hash : Math.min(hash, tab);
        return cut < 0 ? line : line.substring(0, cut);
    }

    private static String resolve(String from, String relative) {
        String dir = from.contains("/") ? from.substring(0, from.lastIndexOf('/') + 1) : "";
        String joined = relative.startsWith("./") ? dir + relative.substring(2) : dir + relative;
        return joined;
    }

    /** The line of the first occurrence of every {@code "key":} in a JSON text, in one pass. */
    private static Map<String, Integer> keyLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        Matcher m = JSON_KEY.matcher(text);
        int line = 1;
        int counted = 0;
        while (m.find()) {
            for (int i = counted; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            counted = m.start();
            lines.putIfAbsent(m.group(1), line);
        }
        return lines;
    }
}
