package ai.spawn.generation.blueprint;

import ai.spawn.generation.Example;
import ai.spawn.generation.Runtime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One kind of app the offline generator can build: how to recognise it in a prompt, which template files make it
 * and which values fill them. Immutable and thread-safe; build one with {@link #builder}.
 *
 * @param name          short id, also the resource folder ({@code blueprints/<name>/}) and the reported model
 * @param kind          web app, API or script (groups the gallery and the refusal)
 * @param summary       plural noun phrase for the list of what the generator builds ("todo lists"); {@code null}
 *                      keeps a variant (such as the Python todo list) out of that list
 * @param description   one sentence on what a new app of this kind does, the bundle's summary
 * @param example       a prompt that builds it, for the gallery
 * @param runtime       how the app runs
 * @param intent        how prompts point at it
 * @param defaultTitle  title when the prompt names none
 * @param defaultAccent accent colour ({@code #rrggbb}) when the prompt names none
 * @param titleSources  which kinds of found title this blueprint trusts as the app's name
 * @param fields        whether follow-ups may add and remove data fields
 * @param files         bundle path to template path (relative to {@code blueprints/}), in bundle order
 * @param contributor   adds blueprint-specific template values
 */
record Blueprint(String name, Kind kind, String summary, String description, Example example, Runtime runtime,
                 Intent intent, String defaultTitle, String defaultAccent, Set<Title.Source> titleSources,
                 FieldSupport fields, Map<String, String> files, Contributor contributor) {

    /** Port every generated app listens on (the sandbox maps it). */
    static final int PORT = 3000;

    /** Start command of static bundles: a file server the sandbox provides. */
    static final String STATIC_START = "node /opt/spawnai/static-server.js";

    /** Titles a blueprint trusts unless it says otherwise: quoted, "called …" and a capitalised name after "for". */
    static final Set<Title.Source> NAMED_TITLES = EnumSet.of(Title.Source.EXPLICIT, Title.Source.AFTER_FOR);

    /** What a blueprint makes, for the gallery and the refusal. */
    enum Kind {
        WEB_APP("web app"), API("API"), SCRIPT("script");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The gallery's wire name: {@code web app}, {@code API}, {@code script}. */
        String label() {
            return label;
        }
    }

    /** Which data fields a follow-up may change. */
    enum FieldSupport {
        /** A fixed layout. */
        NONE,
        /** The fields of the API's entity (the CRUD API). */
        ENTITY,
        /** Extra fields next to fixed ones (a todo's due date). */
        EXTRAS
    }

    /** Adds values for a blueprint's own placeholders; may replace {@code title}. */
    interface Contributor {
        Contributor NONE = (facts, values) -> { };

        void contribute(PromptFacts facts, Map<String, String> values);

        /**
         * Whether a clause of a follow-up message sets something this contributor reads ("columns backlog and
         * done"), so the offline engine can honour it. None by default.
         */
        default boolean understands(PromptText clause) {
            return false;
        }
    }

    Blueprint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(contributor, "contributor");
        titleSources = Set.copyOf(titleSources);
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The command that serves the app. */
    String start() {
        return switch (runtime) {
            case NODE -> "node server.js";
            case PYTHON -> "python3 -u app.py";
            case STATIC -> STATIC_START;
        };
    }

    /** Whether this is the Python variant of a blueprint that also exists for Node.js. */
    boolean pythonVariant() {
        return summary == null && runtime == Runtime.PYTHON;
    }

    static Builder builder(String name, Kind kind) {
        return new Builder(name, kind);
    }

    /** Collects a blueprint's parts; file sets by runtime add the shared library files of that runtime. */
    static final class Builder {
        private static final List<String> NODE_FILES = List.of(
                "server.js", "public/index.html", "public/app.js", "public/app.css");
        private static final List<String> STATIC_FILES = List.of("index.html", "app.js", "app.css");

        private final String name;
        private final Kind kind;
        private String summary;
        private String description;
        private Example example;
        private Runtime runtime;
        private Intent intent;
        private String title;
        private String accent;
        private Set<Title.Source> titles = NAMED_TITLES;
        private FieldSupport fields = FieldSupport.NONE;
        private final Map<String, String> files = new LinkedHashMap<>();
        private Contributor contributor = Contributor.NONE;

        private Builder(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }

        /** The plural noun phrase for the list of what can be built; omit for variants. */
        Builder summary(String value) {
            this.summary = value;
            return this;
        }

        Builder description(String value) {
            this.description = value;
            return this;
        }

        Builder example(String exampleTitle, String prompt) {
            this.example = new Example(kind.label(), exampleTitle, prompt);
            return this;
        }

        Builder intent(Intent value) {
            this.intent = value;
            return this;
        }

        Builder defaults(String defaultTitle, String defaultAccent) {
            this.title = defaultTitle;
            this.accent = defaultAccent;
            return this;
        }

        Builder titles(Set<Title.Source> value) {
            this.titles = value;
            return this;
        }

        Builder fields(FieldSupport value) {
            this.fields = value;
            return this;
        }

        Builder contributor(Contributor value) {
            this.contributor = value;
            return this;
        }

        /**
         * A Node.js app: {@code server.js} and {@code public/} from the blueprint's folder, the shared
         * {@code lib/web.js} and {@code lib/store.js}, plus {@code extra} paths (bundle path = template path under
         * the folder, or {@code bundlePath=templatePath} for a shared file).
         */
        Builder node(String... extra) {
            runtime = Runtime.NODE;
            own(NODE_FILES);
            files.put("lib/web.js", "_shared/node/web.js");
            files.put("lib/store.js", "_shared/node/store.js");
            files.put("public/base.css", "_shared/base.css");
            return add(extra);
        }

        /** Static files served by the sandbox's file server: index.html, app.js, app.css, the theme, plus extra. */
        Builder staticFiles(String... extra) {
            runtime = Runtime.STATIC;
            own(STATIC_FILES);
            files.put("base.css", "_shared/base.css");
            return add(extra);
        }

        /** A Python app on the standard library: the shared {@code lib/web.py} plus the extra files. */
        Builder python(String... extra) {
            runtime = Runtime.PYTHON;
            files.put("lib/web.py", "_shared/python/web.py");
            return add(extra);
        }

        private void own(List<String> paths) {
            for (String f : paths) {
                files.put(f, name + "/" + f);
            }
        }

        private Builder add(String... extra) {
            for (String e : extra) {
                int eq = e.indexOf('=');
                if (eq < 0) {
                    files.put(e, name + "/" + e);
                } else {
                    files.put(e.substring(0, eq), e.substring(eq + 1));
                }
            }
            return this;
        }

        Blueprint build() {
            return new Blueprint(name, kind, summary, description, example, runtime, intent, title, accent, titles,
                    fields, files, contributor);
        }
    }
}
