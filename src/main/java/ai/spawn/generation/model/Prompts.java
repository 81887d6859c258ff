package ai.spawn.generation.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationRequest;

/**
 * The versioned instructions a model engine sends, read once from classpath resources under {@code prompts/}:
 * the system prompt {@code system-{version}.md} (the same for every request, so it can be cached), the extra
 * instructions for a follow-up edit ({@code edit-{version}.md}) or a fix attempt ({@code fix-{version}.md}), and
 * the {@code deliver_app} tool's description and JSON schema. It also builds the user message of a
 * {@link GenerationRequest}.
 *
 * <p>Immutable and thread-safe. {@link #load(String)} throws {@link IllegalStateException} when a resource is
 * missing.
 */
public final class Prompts {

    /** The prompt version engines use unless configured otherwise. */
    public static final String CURRENT_VERSION = "v1";
    /** The one tool a model answers with. */
    public static final String TOOL_NAME = "deliver_app";

    /** What a request asks for. */
    public enum Kind {
        /** A brand-new app: no current bundle. */
        NEW,
        /** A follow-up change to the current bundle. */
        EDIT,
        /** A repair of the current bundle after a failed step. */
        FIX;

        /** The kind of a request: a fix when it carries a failure, an edit when it carries a current bundle. */
        public static Kind of(GenerationRequest request) {
            if (request.failure() != null) {
                return FIX;
            }
            return request.current() != null ? EDIT : NEW;
        }
    }

    private final String version;
    private final String system;
    private final String edit;
    private final String fix;
    private final String toolDescription;
    private final String toolSchema;

    private Prompts(String version, String system, String edit, String fix, String toolDescription,
                    String toolSchema) {
        this.version = version;
        this.system = system;
        this.edit = edit;
        this.fix = fix;
        this.toolDescription = toolDescription;
        this.toolSchema = toolSchema;
    }

    /** The prompts of {@link #CURRENT_VERSION}. */
    public static Prompts current() {
        return load(CURRENT_VERSION);
    }

    /**
     * Reads the prompts of one version.
     *
     * @throws IllegalStateException when one of the resources is missing
     */
    public static Prompts load(String version) {
        return new Prompts(version, read("system-" + version + ".md"), read("edit-" + version + ".md"),
                read("fix-" + version + ".md"), read("deliver-app-" + version + ".md").strip(),
                read("deliver-app-" + version + ".schema.json"));
    }

    private static String read(String name) {
        String path = "prompts/" + name;
        try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt resource " + path, e);
        }
    }

    /** The version string, such as {@code v1}. */
    public String version() {
        return version;
    }

    /** The system prompt: what the sandbox offers and how to answer. The same for every request. */
    public String system() {
        return system;
    }

    /** Extra system instructions for the request's kind: empty for a new app. */
    public String instructions(GenerationRequest request) {
        return switch (Kind.of(request)) {
            case NEW -> "";
            case EDIT -> edit;
            case FIX -> fix;
        };
    }

    /** The description of the {@code deliver_app} tool. */
    public String toolDescription() {
        return toolDescription;
    }

    /** The JSON schema of the {@code deliver_app} tool's input, as JSON text. */
    public String toolSchema() {
        return toolSchema;
    }

    /**
     * The user message of a request: the current app for an edit or a fix, the failure for a fix, earlier messages
     * of the conversation, then the request itself.
     */
    public String userMessage(GenerationRequest request) {
        StringBuilder out = new StringBuilder(256);
        Kind kind = Kind.of(request);
        if (request.current() != null) {
            appendCurrent(out, request.current());
        }
        appendHistory(out, request.history());
        if (kind == Kind.FIX) {
            out.append("The failing step, its error and the last lines of its log:\n<failure>\n")
                    .append(request.failure().strip()).append("\n</failure>\n\n")
                    .append("What the person asked for:\n");
        } else if (kind == Kind.EDIT) {
            out.append("The person now asks for this change:\n");
        } else {
            out.append("Build this app:\n");
        }
        out.append("<request>\n").append(request.prompt().strip()).append("\n</request>\n");
        return out.toString();
    }

    private static void appendCurrent(StringBuilder out, AppBundle current) {
        out.append("The current app \"").append(current.title()).append("\":\n")
                .append("runtime: ").append(current.runtime().wireName()).append('\n')
                .append("install: ").append(current.install() == null ? "(none)" : current.install()).append('\n')
                .append("start: ").append(current.start()).append('\n')
                .append("port: ").append(current.port()).append('\n');
        if (current.summary() != null && !current.summary().isBlank()) {
            out.append("summary: ").append(current.summary().strip()).append('\n');
        }
        out.append("<files>\n");
        for (Map.Entry<String, String> file : current.files().entrySet()) {
            out.append("<file path=\"").append(file.getKey()).append("\">\n").append(file.getValue());
            if (!file.getValue().endsWith("\n")) {
                out.append('\n');
            }
            out.append("</file>\n");
        }
        out.append("</files>\n\n");
    }

    private static void appendHistory(StringBuilder out, List<String> history) {
        if (history.isEmpty()) {
            return;
        }
        out.append("Earlier messages from the person, oldest first:\n<history>\n");
        int n = 1;
        for (String message : history) {
            out.append(n++).append(". ").append(message.strip()).append('\n');
        }
        out.append("</history>\n\n");
    }
}
