package ai.spawn.validation;

import java.util.Locale;

/** What kind of source a bundle file is, judged by its name. */
enum Language {
    JAVASCRIPT, TYPESCRIPT, PYTHON, HTML, SHELL, JSON, DOCUMENT, OTHER;

    static Language of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String ext = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "js", "mjs", "cjs", "jsx" -> JAVASCRIPT;
            case "ts", "mts", "cts", "tsx" -> TYPESCRIPT;
            case "py", "pyw" -> PYTHON;
            case "html", "htm", "xhtml", "vue", "svelte" -> HTML;
            case "sh", "bash", "zsh" -> SHELL;
            case "json", "jsonc" -> JSON;
            case "md", "markdown", "txt", "rst" -> name.startsWith("requirements") ? OTHER : DOCUMENT;
            default -> OTHER;
        };
    }

    /** JavaScript-family source, lexed alike. */
    boolean isScript() {
        return this == JAVASCRIPT || this == TYPESCRIPT;
    }
}
