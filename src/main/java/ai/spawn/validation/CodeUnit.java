package ai.spawn.validation;

/**
 * A piece of code to check: a whole source file, or a script embedded in an HTML page (a {@code <script>} body or an
 * event-handler attribute), with lines counted in its file.
 *
 * @param path     the bundle file it comes from
 * @param language {@link Language#JAVASCRIPT}, {@link Language#TYPESCRIPT} or {@link Language#PYTHON}
 * @param text     the lexed source
 * @param embedded whether it is part of an HTML page rather than a file of its own
 */
record CodeUnit(String path, Language language, SourceText text, boolean embedded) {

    boolean isScript() {
        return language.isScript();
    }

    boolean isPython() {
        return language == Language.PYTHON;
    }

    /** How many directories deep the file is in the workspace ({@code server.js} 0, {@code lib/db.js} 1). */
    int depth() {
        int d = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                d++;
            }
        }
        return d;
    }
}
