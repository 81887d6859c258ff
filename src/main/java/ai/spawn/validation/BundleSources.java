package ai.spawn.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.spawn.generation.AppBundle;

/** Finds the code in a bundle: source files, scripts inside HTML pages, and shell commands. Stateless. */
final class BundleSources {

    private static final Pattern SCRIPT_ENTRY = Pattern.compile(
            "\"([A-Za-z0-9:_.\\-]+)\"\\s*:\\s*\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern SCRIPTS_BLOCK = Pattern.compile("\"scripts\"\\s*:\\s*\\{([^}]*)}");

    private BundleSources() {
    }

    /** Every JavaScript, TypeScript and Python file, and every script and event handler inside HTML pages. */
    static List<CodeUnit> units(AppBundle bundle) {
        List<CodeUnit> out = new ArrayList<>();
        for (Map.Entry<String, String> file : bundle.files().entrySet()) {
            String path = file.getKey();
            String content = file.getValue() == null ? "" : file.getValue();
            Language language = Language.of(path);
            switch (language) {
                case JAVASCRIPT, TYPESCRIPT -> out.add(new CodeUnit(path, language, SourceText.javascript(content, 1),
                        false));
                case PYTHON -> out.add(new CodeUnit(path, language, SourceText.python(content, 1), false));
                case HTML -> out.addAll(embedded(path, content));
                default -> {
                }
            }
        }
        return out;
    }

    /** The scripts of one HTML page: {@code <script>} bodies in JavaScript and {@code on...} attributes. */
    static List<CodeUnit> embedded(String path, String html) {
        List<CodeUnit> out = new ArrayList<>();
        SourceText page = SourceText.plain(html, 1);
        HtmlDocument doc = HtmlDocument.parse(html);
        for (HtmlDocument.Script script : doc.scripts()) {
            if (script.isJavaScript() && !script.body().isBlank()) {
                out.add(new CodeUnit(path, Language.JAVASCRIPT,
                        SourceText.javascript(script.body(), page.line(script.bodyOffset())), true));
            }
        }
        for (HtmlDocument.Tag tag : doc.tags()) {
            for (HtmlDocument.Attribute a : tag.attributes().values()) {
                if (a.name().startsWith("on") && a.name().length() > 2 && !a.value().isBlank()) {
                    out.add(new CodeUnit(path, Language.JAVASCRIPT,
                            SourceText.javascript(a.value(), page.line(a.valueOffset())), true));
                }
            }
        }
        return out;
    }

    /** The install and start commands, and the scripts of every package.json (npm runs them as shell commands). */
    static List<Command> commands(AppBundle bundle) {
        List<Command> out = new ArrayList<>();
        if (bundle.install() != null) {
            out.add(new Command(null, 0, "the install command", bundle.install()));
        }
        out.add(new Command(null, 0, "the start command", bundle.start()));
        for (Map.Entry<String, String> file : bundle.files().entrySet()) {
            if (isPackageJson(file.getKey()) && file.getValue() != null) {
                out.addAll(packageScripts(file.getKey(), file.getValue()));
            }
        }
        return out;
    }

    static boolean isPackageJson(String path) {
        return path.equals("package.json") || path.endsWith("/package.json");
    }

    private static List<Command> packageScripts(String path, String json) {
        List<Command> out = new ArrayList<>();
        Matcher block = SCRIPTS_BLOCK.matcher(json);
        if (!block.find()) {
            return out;
        }
        SourceText text = SourceText.plain(json, 1);
        Matcher entry = SCRIPT_ENTRY.matcher(json).region(block.start(1), block.end(1));
        while (entry.find()) {
            out.add(new Command(path, text.line(entry.start()), "the package.json script \"" + entry.group(1) + "\"",
                    entry.group(2).replace("\\\"", "\"").replace("\\\\", "\\")));
        }
        return out;
    }
}
