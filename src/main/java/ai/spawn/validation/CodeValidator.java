package ai.spawn.validation;

import ai.spawn.generation.AppBundle;

/**
 * Checks a bundle before anything of it runs. Thread-safe, side-effect free and deterministic, with no network.
 * Static rules run in the JVM; the syntax check launches one short-lived parser process per language present
 * ({@code node} for JavaScript, {@code python3} for Python — in parallel, each bounded by
 * {@code spawnai.validation.syntax-timeout}) that compiles the code without executing any of it. A bundle
 * therefore validates in a fraction of a second (longer only on a loaded host, never past the timeout).
 */
public interface CodeValidator {

    /** All findings for the bundle; never throws for bad content — bad content is a finding. */
    ValidationReport validate(AppBundle bundle);

    /**
     * Only the checks of the bundle's shape (paths, sizes, counts, commands, port): cheap enough for a request
     * thread, so a malformed bundle is refused before anything is stored.
     */
    ValidationReport validateShape(AppBundle bundle);
}
