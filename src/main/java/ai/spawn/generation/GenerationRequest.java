package ai.spawn.generation;

import java.util.List;
import java.util.Objects;

/**
 * What a generator is asked to build.
 *
 * @param prompt   the user's description (new app) or follow-up message (edit); never blank
 * @param current  the app's current bundle for a follow-up edit or a fix, else {@code null}
 * @param failure  for a fix attempt: the failing step's error and last log lines, else {@code null}
 * @param history  earlier messages of the conversation, oldest first (may be empty)
 */
public record GenerationRequest(String prompt, AppBundle current, String failure, List<String> history) {

    public GenerationRequest {
        Objects.requireNonNull(prompt, "prompt");
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A request for a brand-new app. */
    public static GenerationRequest newApp(String prompt) {
        return new GenerationRequest(prompt, null, null, List.of());
    }
}
