package ai.spawn.generation;

import java.util.List;

/**
 * Turns a description into a runnable {@link AppBundle}.
 *
 * <p>Implementations are thread-safe: one instance serves concurrent requests. A call blocks until the bundle is
 * complete or fails; engines that talk to a model apply their own request timeout. Calls are not idempotent for
 * model engines (each call may cost tokens) but are deterministic for offline engines.
 */
public interface CodeGenerator {

    /** Short engine name: {@code blueprint}, {@code anthropic}, {@code openai}. */
    String engine();

    /** The model (or catalog) this engine uses; part of the generation cache key. */
    default String model() {
        return engine();
    }

    /** Version of the instructions given to the model; part of the generation cache key. */
    default String promptVersion() {
        return "none";
    }

    /** Whether this engine can repair a bundle from a failure report (the fix loop asks only those that can). */
    default boolean canFix() {
        return false;
    }

    /** Prompts that work on this engine, for the gallery of the web page. */
    default List<Example> examples() {
        return Example.general();
    }

    /**
     * Generates a bundle.
     *
     * @throws UnsupportedPromptException when this engine cannot build what is asked (a user-facing reason)
     * @throws GenerationException        when generation fails for another reason (model error, invalid answer)
     */
    AppBundle generate(GenerationRequest request, GenerationListener listener);
}
