package ai.spawn.generation.anthropic;

/**
 * What one Messages API call produced, reduced to what a generation needs.
 *
 * @param model            the model that answered (may be the configured name when the answer did not say)
 * @param toolInput        the JSON text of the {@code deliver_app} input, or {@code null} when the model did not
 *                         call it
 * @param text             text blocks the model wrote, joined
 * @param stopReason       {@code tool_use}, {@code max_tokens}, {@code end_turn}, {@code refusal}, ... or
 *                         {@code null}
 * @param tokens           what the call consumed
 */
record Answer(String model, String toolInput, String text, String stopReason, Tokens tokens) {

    /** Token counts of one call. Input excludes cached input, as the API reports it. */
    record Tokens(long input, long output, long cacheWrite, long cacheRead) {
        static final Tokens NONE = new Tokens(0, 0, 0, 0);
    }
}
