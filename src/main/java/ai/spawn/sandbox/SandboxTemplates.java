package ai.spawn.sandbox;

import java.util.List;

/**
 * The prepared runtime environments a provider creates sandboxes from ({@code node}, {@code python},
 * {@code static}), built by SpawnAI itself. Thread-safe; building blocks for as long as it takes (seconds to
 * minutes: it downloads packages) and runs at most one build per template at a time.
 */
public interface SandboxTemplates {

    /**
     * Builds every template whose current version is not built yet, or all of them when {@code force}.
     *
     * @return what each template is now, in a stable order
     * @throws SandboxException when a build fails
     */
    List<TemplateStatus> build(boolean force);

    /**
     * One template's state.
     *
     * @param name    {@code node}, {@code python} or {@code static}
     * @param version hash of its definition
     * @param built   whether this call built it (else it was already there)
     * @param detail  for people: what it holds, where it is
     */
    record TemplateStatus(String name, String version, boolean built, String detail) {
    }
}
