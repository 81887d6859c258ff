package ai.spawn.generation.blueprint;

import ai.spawn.generation.AppBundle;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline engine's note inside a bundle it made ({@value #PATH}): which blueprint, and the messages that shaped
 * it, oldest first. A follow-up edit replays these plus the new message, so the result depends only on the bundle
 * being edited — not on refused messages or versions rolled back or restored around it. The static file server
 * never serves dot files, and Node/Python apps serve only {@code public/}. Immutable and thread-safe.
 *
 * @param blueprint the blueprint's name
 * @param messages  the messages applied, oldest first (at most {@value #MAX_MESSAGES}, the first always kept)
 */
record Manifest(String blueprint, List<String> messages) {

    static final String PATH = ".blueprint.json";
    static final int MAX_MESSAGES = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    Manifest {
        messages = List.copyOf(messages);
        if (messages.size() > MAX_MESSAGES) {
            List<String> kept = new java.util.ArrayList<>();
            kept.add(messages.get(0));
            kept.addAll(messages.subList(messages.size() - MAX_MESSAGES + 1, messages.size()));
            messages = List.copyOf(kept);
        }
    }

    /** The note in {@code bundle}, or empty when it has none or it is unreadable. */
    static Optional<Manifest> of(AppBundle bundle) {
        String text = bundle.files().get(PATH);
        if (text == null) {
            return Optional.empty();
        }
        try {
            Manifest m = JSON.readValue(text, Manifest.class);
            return m.blueprint() == null || m.messages().isEmpty() ? Optional.empty() : Optional.of(m);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** This note with {@code message} appended. */
    Manifest with(String blueprintName, String message) {
        List<String> all = new java.util.ArrayList<>(messages);
        all.add(message);
        return new Manifest(blueprintName, all);
    }

    String json() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
    }
}
