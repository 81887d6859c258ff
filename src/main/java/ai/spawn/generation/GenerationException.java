package ai.spawn.generation;

/**
 * Generation failed; the message is safe to show to the user. Carries what the failed attempt consumed (tokens,
 * cost) when a model was called, so it can still be metered.
 */
public class GenerationException extends RuntimeException {

    private final GenerationInfo usage;

    public GenerationException(String message) {
        this(message, null, null);
    }

    public GenerationException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public GenerationException(String message, Throwable cause, GenerationInfo usage) {
        super(message, cause);
        this.usage = usage;
    }

    /** What the failed attempt consumed, or {@code null} when nothing was spent. */
    public GenerationInfo usage() {
        return usage;
    }
}
