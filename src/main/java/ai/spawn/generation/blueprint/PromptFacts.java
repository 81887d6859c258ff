package ai.spawn.generation.blueprint;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a conversation says about the app it wants, newest message first: a follow-up's "make it green" wins over the
 * first prompt's "blue". Immutable and thread-safe.
 *
 * @param messages the conversation's prompts, newest first; never empty
 * @param titles   reads a title from one message
 */
record PromptFacts(List<PromptText> messages, Function<PromptText, Optional<Title>> titles) {

    PromptFacts {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("no prompt");
        }
    }

    /** The newest message. */
    PromptText latest() {
        return messages.get(0);
    }

    /** The newest message that satisfies {@code test}, else the newest message. */
    PromptText latestMentioning(java.util.function.Predicate<PromptText> test) {
        return messages.stream().filter(test).findFirst().orElse(latest());
    }

    /** All messages joined, oldest first: what the conversation asks for as a whole. */
    PromptText whole() {
        if (messages.size() == 1) {
            return latest();
        }
        StringBuilder b = new StringBuilder();
        for (int i = messages.size() - 1; i >= 0; i--) {
            b.append(messages.get(i).original()).append(".\n");
        }
        return PromptText.of(b.toString());
    }

    /** The newest title whose source is one of {@code accepted}. */
    Optional<Title> title(java.util.Set<Title.Source> accepted) {
        for (PromptText m : messages) {
            Optional<Title> t = titles.apply(m).filter(x -> accepted.contains(x.source()));
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /** The messages oldest first, the order in which follow-ups apply. */
    List<PromptText> oldestFirst() {
        List<PromptText> out = new java.util.ArrayList<>(messages);
        java.util.Collections.reverse(out);
        return out;
    }

    /** {@code dark}, {@code light} or {@code auto} (follow the device): the newest message naming a theme decides. */
    String theme() {
        for (PromptText m : messages) {
            Optional<String> t = ColourExtractor.theme(m);
            if (t.isPresent()) {
                return t.get();
            }
        }
        return "auto";
    }

    /** The palette: the newest message naming colours decides, else {@code fallbackAccent}. */
    Palette palette(String fallbackAccent) {
        boolean dark = theme().equals("dark");
        for (PromptText m : messages) {
            List<String> colours = ColourExtractor.colours(m);
            if (!colours.isEmpty()) {
                return Palette.of(colours.get(0), colours.size() > 1 ? colours.get(1) : null, dark);
            }
        }
        return Palette.of(fallbackAccent, null, dark);
    }
}
