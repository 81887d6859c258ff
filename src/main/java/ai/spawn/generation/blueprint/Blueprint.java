package ai.spawn.generation.blueprint;

import ai.spawn.generation.Runtime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One kind of app the offline generator can build: how to recognise it in a prompt, which template files make it
 * and which values fill them. Immutable and thread-safe.
 *
 * @param name          short id, also the resource folder ({@code blueprints/<name>/}) and the reported model
 * @param summary       plural noun phrase for the list of what the generator builds ("todo lists")
 * @param runtime       how the app runs
 * @param intent        how prompts point at it
 * @param defaultTitle  title when the prompt names none
 * @param defaultAccent accent colour ({@code #rrggbb}) when the prompt names none
 * @param titleSources  which kinds of found title this blueprint trusts as the app's name
 * @param files         bundle path to template path (relative to {@code blueprints/}), in bundle order
 * @param contributor   adds blueprint-specific template values
 */
record Blueprint(String name, String summary, Runtime runtime, Intent intent, String defaultTitle,
                 String defaultAccent, Set<Title.Source> titleSources, Map<String, String> files,
                 Contributor contributor) {

    /** Port every generated app listens on (the sandbox maps it). */
    static final int PORT = 3000;

    /** Start command of static bundles: a file server the sandbox provides. */
    static final String STATIC_START = "node /opt/spawnai/static-server.js";

    /** Adds values for a blueprint's own placeholders; may replace {@code title}. */
    @FunctionalInterface
    interface Contributor {
        Contributor NONE = (facts, values) -> { };

        void contribute(PromptFacts facts, Map<String, String> values);
    }

    Blueprint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runtime, "runtime");
        titleSources = Set.copyOf(titleSources);
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The command that serves the app. */
    String start() {
        return switch (runtime) {
            case NODE -> "node server.js";
            case PYTHON -> "python3 app.py";
            case STATIC -> STATIC_START;
        };
    }
}
