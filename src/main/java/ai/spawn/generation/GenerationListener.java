package ai.spawn.generation;

/**
 * Receives progress while a generator works. Implementations must be cheap and thread-safe; a generator may
 * call them from its own threads. The default methods ignore everything.
 */
public interface GenerationListener {

    /** A listener that ignores everything. */
    GenerationListener NONE = new GenerationListener() { };

    /** A human-readable progress line ("asking claude-sonnet-4-5", "matched blueprint todo"). */
    default void progress(String message) {
    }

    /** A file of the bundle has been written completely (for streaming engines: as it streams). */
    default void fileWritten(String path) {
    }
}
