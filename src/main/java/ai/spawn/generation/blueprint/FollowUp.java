package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether the offline engine can honour a follow-up message. The message is cut into clauses ("make it green
 * and call it Chores" → two); each must be understood — a name, colours, a theme, data fields, another blueprint by
 * name, something the blueprint's own values read — or be filler ("please", "can you"). A clause nothing
 * understands is what the engine cannot do. Thread-safe.
 */
final class FollowUp {

    private static final Pattern SENTENCES = Pattern.compile("[.!?;]+(?:\\s+|$)|\\n+");
    private static final Pattern BEFORE_VERB = Pattern.compile(
            "\\s*,?\\s+(?:and\\s+)?(?:then\\s+)?(?:also\\s+)?(?=(?:make|add|change|rename|call|use|set|remove|delete"
                    + "|turn|switch|put|give|show|include|let|allow|support|display|paint|colou?r|drop|swap"
                    + "|replace)\\b)");
    private static final Set<String> FILLER = Set.of(
            "please", "pls", "thanks", "thank", "you", "ok", "okay", "now", "also", "too", "and", "then", "it", "the",
            "a", "an", "app", "this", "that", "can", "could", "would", "will", "just", "make", "do", "so", "yes",
            "great", "cool", "nice", "perfect", "awesome", "lets", "let", "s", "us", "me", "i", "want", "like",
            "instead", "again", "hey", "hi", "to", "id", "d", "love", "be", "should", "page", "site", "is", "looks",
            "good", "but", "hmm", "well", "wow", "change", "update", "edit", "version", "one", "more", "little", "bit");
    private static final Pattern RUNTIME = Pattern.compile(
            "(?i)\\b(?:in|into|with|use|using|to|on|switch\\s+to|rewrite\\s+(?:it\\s+)?in)\\s+(?:python|python3|flask|"
                    + "node|node\\.?js|javascript|js)\\b");

    private final IntentMatcher matcher;
    private final TitleExtractor titles;

    FollowUp(IntentMatcher matcher, TitleExtractor titles) {
        this.matcher = matcher;
        this.titles = titles;
    }

    /** The message's clauses, in order. */
    static List<PromptText> clauses(PromptText message) {
        List<PromptText> out = new ArrayList<>();
        for (String sentence : SENTENCES.split(message.original())) {
            for (String clause : BEFORE_VERB.split(sentence)) {
                PromptText c = PromptText.of(clause);
                if (!c.isBlank()) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The first clause of {@code message} that {@code blueprint} cannot honour, or empty when all can be. */
    Optional<String> unsupported(PromptText message, Blueprint blueprint) {
        for (PromptText clause : clauses(message)) {
            if (!understood(clause, blueprint)) {
                return Optional.of(clause.original());
            }
        }
        return Optional.empty();
    }

    private boolean understood(PromptText clause, Blueprint blueprint) {
        return clause.words().stream().allMatch(FILLER::contains)
                || titles.extract(clause).filter(t -> t.source() == Title.Source.EXPLICIT).isPresent()
                || !ColourExtractor.colours(clause).isEmpty()
                || ColourExtractor.theme(clause).isPresent()
                || RUNTIME.matcher(clause.original()).find()
                || matcher.match(clause).filter(IntentMatcher.Match::named).isPresent()
                || blueprint.contributor().understands(clause);
    }

    /** Whether {@code message} asks for Python ({@code true}), Node.js ({@code false}) or neither (empty). */
    static Optional<Boolean> runtime(PromptText message) {
        if (!RUNTIME.matcher(message.original()).find() && !message.mentions("python")) {
            return Optional.empty();
        }
        return Optional.of(message.mentions("python") || message.mentions("python3") || message.mentions("flask"));
    }
}
