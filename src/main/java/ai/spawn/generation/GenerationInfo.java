package ai.spawn.generation;

/**
 * Metadata of one generation: which engine and model produced a bundle and what it consumed.
 *
 * @param engine              {@code blueprint}, {@code anthropic}, {@code openai} or {@code user}
 * @param model               model or blueprint name
 * @param inputTokens         prompt tokens (0 for offline engines)
 * @param outputTokens        completion tokens
 * @param cacheWriteTokens    prompt-cache write tokens
 * @param cacheReadTokens     prompt-cache read tokens
 * @param costUsd             cost in US dollars
 * @param durationMillis      wall time spent generating
 */
public record GenerationInfo(String engine, String model, long inputTokens, long outputTokens, long cacheWriteTokens,
                             long cacheReadTokens, double costUsd, long durationMillis) {

    /** Origin of a bundle that the user brought. */
    public static GenerationInfo userSupplied() {
        return new GenerationInfo("user", "bundle", 0, 0, 0, 0, 0, 0);
    }

    /** Origin of a bundle that an offline engine made, free of charge. */
    public static GenerationInfo offline(String engine, String model, long durationMillis) {
        return new GenerationInfo(engine, model, 0, 0, 0, 0, 0, durationMillis);
    }
}
