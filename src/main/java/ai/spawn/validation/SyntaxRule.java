package ai.spawn.validation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.spawn.generation.AppBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether the code parses, so a typo fails here with file and line instead of as a crash after the sandbox is up.
 * <ul>
 * <li>{@code syntax.error} (BLOCK): a JavaScript file or inline {@code <script>}, a Python file or a JSON file that
 * does not parse, with the parser's message.</li>
 * <li>{@code syntax.skipped} (INFO): what could not be checked — node or python3 missing, a parser timing out,
 * TypeScript/JSX and files a bundler transforms (a build tool in package.json, {@code <script type="text/babel">}).
 * </li>
 * </ul>
 * JavaScript is parsed by one {@code node} process for the whole bundle ({@code vm.compileFunction}, {@code
 * vm.Script}, {@code vm.SourceTextModule}: compile only), Python by one {@code python3 -I} process
 * ({@code compile()}: bytecode only); both run at once, with a cleared environment, and together get
 * {@link ValidationProperties#syntaxTimeout()}. JSON is parsed in the JVM. Thread-safe.
 */
@Component
@Order(30)
class SyntaxRule implements ValidationRule {

    static final String ERROR = "syntax.error";
    static final String SKIPPED = "syntax.skipped";

    private static final Logger log = LoggerFactory.getLogger(SyntaxRule.class);
    private static final String MARKER = "@@SPAWNAI-SYNTAX@@";
    private static final Set<String> BUILD_TOOLS = Set.of("vite", "webpack", "react-scripts", "@babel/core",
            "babel-core", "babel-loader", "esbuild", "parcel", "rollup", "next", "nuxt", "gatsby", "typescript",
            "ts-node", "tsx", "@vitejs/plugin-react", "@sveltejs/kit", "svelte", "@angular/core", "@swc/core",
            "sucrase", "astro");
    private static final List<String> TEMPLATE_MARKERS = List.of("{{", "{%", "<%");

    private final ValidationProperties properties;
    private final JsonSyntax json = new JsonSyntax();
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final String nodeScript;
    private final String pythonScript;

    SyntaxRule(ValidationProperties properties) {
        this.properties = properties;
        this.nodeScript = Resources.text("validation/check-syntax.js");
        this.pythonScript = Resources.text("validation/check-syntax.py");
    }

    @Override
    public List<Finding> check(AppBundle bundle) {
        Findings out = new Findings();
        for (Map.Entry<String, String> file : bundle.files().entrySet()) {
            if (Language.of(file.getKey()) == Language.JSON && file.getValue() != null) {
                JsonSyntax.Problem p = json.check(file.getKey(), file.getValue());
                if (p != null) {
                    out.block(ERROR, file.getKey(), p.line(), "JSON syntax error: " + p.message());
                }
            }
        }
        if (!properties.syntaxCheck()) {
            return out.list();
        }
        List<Map<String, Object>> scripts = new ArrayList<>();
        List<Map<String, Object>> python = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        collect(bundle, scripts, python, unchecked);
        long size = sizeOf(scripts) + sizeOf(python);
        if (size > properties.maxBundleSize().toBytes()) {
            out.info(SKIPPED, null, 0, "the code was not syntax-checked: " + size + " bytes is more than the bundle "
                    + "limit");
            return out.list();
        }
        long deadline = System.nanoTime() + properties.syntaxTimeout().toNanos();
        try (ParserProcess node = scripts.isEmpty() ? null : ParserProcess.start(List.of(properties.nodeCommand(),
                "--no-warnings", "--experimental-vm-modules", "--expose-internals", "-e", nodeScript), write(scripts));
             ParserProcess py = python.isEmpty() ? null : ParserProcess.start(List.of(properties.pythonCommand(),
                     "-I", "-S", "-B", "-c", pythonScript), write(python))) {
            // both run at once; together they get one timeout
            if (node != null) {
                report("JavaScript", node.await(remaining(deadline)), out);
            }
            if (py != null) {
                report("Python", py.await(remaining(deadline)), out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.info(SKIPPED, null, 0, "the syntax check was interrupted");
        }
        if (!unchecked.isEmpty()) {
            out.info(SKIPPED, null, 0, unchecked.size() + " file(s) are not syntax-checked because a build step or "
                    + "an in-page transpiler turns them into JavaScript: " + String.join(", ",
                    unchecked.subList(0, Math.min(5, unchecked.size()))) + (unchecked.size() > 5 ? ", ..." : ""));
        }
        return out.list();
    }

    private void collect(AppBundle bundle, List<Map<String, Object>> scripts, List<Map<String, Object>> python,
                         List<String> unchecked) {
        Map<String, JsonNode> packages = new HashMap<>();
        Set<String> transpiledInPage = new HashSet<>();
        for (Map.Entry<String, String> file : bundle.files().entrySet()) {
            if (isHtmlPage(file.getKey()) && file.getValue() != null) {
                inlineScripts(file.getKey(), file.getValue(), scripts, transpiledInPage);
            }
        }
        for (Map.Entry<String, String> file : bundle.files().entrySet()) {
            String path = file.getKey();
            String content = file.getValue();
            if (content == null) {
                continue;
            }
            String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            switch (Language.of(path)) {
                case PYTHON -> python.add(Map.of("p", path, "s", content));
                case TYPESCRIPT -> unchecked.add(path);
                case JAVASCRIPT -> {
                    JsonNode pkg = nearestPackage(bundle, path, packages);
                    if (ext.equals("jsx") || transpiledInPage.contains(path) || hasBuildTool(pkg)) {
                        unchecked.add(path);
                    } else {
                        String mode = ext.equals("mjs") ? "module" : ext.equals("cjs") ? "commonjs"
                                : pkg != null && pkg.get("type") != null && "module".equals(pkg.get("type").asString())
                                ? "module" : "auto";
                        scripts.add(Map.of("p", path, "s", content, "m", mode, "o", 0));
                    }
                }
                default -> {
                }
            }
        }
    }

    /** A page a browser loads as it is (not a Vue or Svelte component, whose scripts a compiler rewrites). */
    private static boolean isHtmlPage(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml");
    }

    private static void inlineScripts(String path, String html, List<Map<String, Object>> scripts,
                                      Set<String> transpiled) {
        SourceText lines = SourceText.plain(html, 1);
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        for (HtmlDocument.Script script : HtmlDocument.parse(html).scripts()) {
            String src = script.tag().get("src");
            if (src != null) {
                if (script.isJavaScript() && !script.isPlainJavaScript()) {
                    transpiled.add(resolve(dir, src));
                }
                continue;
            }
            String body = script.body();
            if (!script.isPlainJavaScript() || body.isBlank()
                    || TEMPLATE_MARKERS.stream().anyMatch(body::contains)) {
                continue;
            }
            scripts.add(Map.of("p", path, "s", body, "m", script.isModule() ? "module" : "script",
                    "o", lines.line(script.bodyOffset()) - 1));
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static String resolve(String dir, String src) {
        String s = src.trim();
        if (s.startsWith("/")) {
            return s.substring(1);
        }
        return dir + (s.startsWith("./") ? s.substring(2) : s);
    }

    private JsonNode nearestPackage(AppBundle bundle, String path, Map<String, JsonNode> cache) {
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        while (true) {
            String candidate = dir.isEmpty() ? "package.json" : dir + "/package.json";
            String text = bundle.files().get(candidate);
            if (text != null) {
                return cache.computeIfAbsent(candidate, k -> parse(text));
            }
            if (dir.isEmpty()) {
                return null;
            }
            dir = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "";
        }
    }

    private JsonNode parse(String text) {
        try {
            return mapper.readTree(text);
        } catch (JacksonException e) {
            return mapper.createObjectNode(); // reported as a JSON syntax error already
        }
    }

    private static boolean hasBuildTool(JsonNode pkg) {
        if (pkg == null) {
            return false;
        }
        for (String section : List.of("dependencies", "devDependencies")) {
            JsonNode deps = pkg.get(section);
            if (deps != null && deps.isObject()) {
                for (String tool : BUILD_TOOLS) {
                    if (deps.get(tool) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String write(List<Map<String, Object>> files) {
        return mapper.writeValueAsString(files);
    }

    private static long sizeOf(List<Map<String, Object>> files) {
        return files.stream().mapToLong(f -> ((String) f.get("s")).length()).sum();
    }

    private void report(String language, ParserProcess.Outcome outcome, Findings out) {
        if (outcome instanceof ParserProcess.Missing m) {
            out.info(SKIPPED, null, 0, language + " was not syntax-checked: " + m.program() + " is not installed "
                    + "on this host");
        } else if (outcome instanceof ParserProcess.TimedOut) {
            out.info(SKIPPED, null, 0, language + " was not syntax-checked: the parsers took longer than "
                    + properties.syntaxTimeout().toMillis() + " ms");
        } else if (outcome instanceof ParserProcess.Failed f) {
            out.info(SKIPPED, null, 0, language + " was not syntax-checked: " + f.reason());
        } else if (outcome instanceof ParserProcess.Completed c) {
            completed(language, c, out);
        }
    }

    private void completed(String language, ParserProcess.Completed c, Findings out) {
        int at = c.output().lastIndexOf(MARKER);
        if (c.exitCode() != 0 || at < 0) {
            log.warn("{} syntax check exited with {}: {}", language, c.exitCode(),
                    c.output().lines().limit(3).toList());
            out.info(SKIPPED, null, 0, language + " was not syntax-checked: the parser failed (exit code "
                    + c.exitCode() + ")");
            return;
        }
        JsonNode problems;
        try {
            problems = mapper.readTree(c.output().substring(at + MARKER.length()).trim());
        } catch (JacksonException e) {
            log.warn("{} syntax check printed an unreadable answer: {}", language, e.getOriginalMessage());
            out.info(SKIPPED, null, 0, language + " was not syntax-checked: the parser's answer was unreadable");
            return;
        }
        for (JsonNode p : problems) {
            String path = p.get("p").asString();
            String message = p.get("msg").asString();
            if (p.get("skipped") != null && p.get("skipped").asBoolean()) {
                out.info(SKIPPED, path, 0, path + " was not syntax-checked: " + message);
            } else {
                out.block(ERROR, path, p.get("line").asInt(), language + " syntax error: " + message);
            }
        }
    }
}
