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

    /** Whether this engine can repair a bundle from a failure report (the fix loop asks only those that can). */
    default boolean canFix() {
        return false;
    }

    /** Prompts that work on this engine, for the gallery of the web page. */
    default List<Example> examples() {
        return Example.general();
    }

    /**
     * The model or catalogue this engine generates with ({@code claude-sonnet-4-5}, {@code llama3.1}); part of a
     * cache key for generated bundles. Defaults to {@link #engine()}.
     */
    default String model() {
        return engine();
    }

    /**
     * The version of the instructions the engine gives its model ({@code v1}); part of a cache key for generated
     * bundles, so a new prompt version never serves bundles made with an old one. {@code none} for engines without
     * a prompt.
     */
    default String promptVersion() {
        return "none";
    }

    /**
     * Generates a bundle.
     *
     * @throws UnsupportedPromptException when this engine cannot build what is asked (a user-facing reason)
     * @throws GenerationException        when generation fails for another reason (model error, invalid answer)
     */
    AppBundle generate(GenerationRequest request, GenerationListener listener);
}
