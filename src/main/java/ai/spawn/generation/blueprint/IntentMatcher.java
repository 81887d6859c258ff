package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the blueprint a prompt asks for. Each blueprint's keywords are looked up among the prompt's words and runs
 * of two or three words (so word order and "to do"/"to-do"/"todo" do not matter); strong keywords also match with
 * one typo (two from eight letters on), but only the best such near miss counts per blueprint. The best score wins,
 * ties go to the earlier blueprint. A prompt wins nothing when it scores below {@value #MIN_SCORE}, or when it only
 * matches generic words while asking for something out of reach ("a 3D multiplayer shooter game"). Thread-safe.
 */
final class IntentMatcher {

    static final int MIN_SCORE = 4;
    private static final int TYPO_PENALTY = 2;

    /** Real words one typo away from a keyword: never read as that keyword. */
    private static final Set<String> NOT_TYPOS = Set.of(
            "node", "vote", "code", "mode", "nose", "tote", "none", "mote", "lode", "rode", "bode", "dote", "nite",
            "toto", "togo", "todd", "call", "calm", "cals", "talc", "demo", "meme", "crude", "curd", "dairy",
            "lending", "ending", "handing", "standing", "notion", "quote", "roll", "pole", "pool", "pull", "poly",
            "quit", "suiz", "time", "tamer", "tiger", "gamer", "kanye", "carton");
    /** Asks that no blueprint can honour unless a blueprint is named outright. */
    private static final Set<String> OUT_OF_REACH = Set.of(
            "3d", "multiplayer", "mmo", "mmorpg", "shooter", "fps", "blockchain", "crypto", "cryptocurrency",
            "bitcoin", "ethereum", "nft", "defi", "trading", "machine", "neural", "ml", "llm", "chatbot", "gpt",
            "video", "streaming", "uber", "facebook", "twitter", "instagram", "netflix", "airbnb", "youtube",
            "tiktok", "clone", "metaverse", "vr", "compiler", "kernel", "driver", "payment", "banking", "social",
            "marketplace", "ecommerce", "realtime", "voice", "camera", "ar");

    private final List<Blueprint> blueprints;
    private final Set<String> vocabulary;

    IntentMatcher(List<Blueprint> blueprints) {
        this.blueprints = List.copyOf(blueprints);
        Set<String> words = new HashSet<>();
        for (Blueprint b : blueprints) {
            words.addAll(b.intent().weights().keySet());
        }
        this.vocabulary = Set.copyOf(words);
    }

    /** A blueprint and how strongly the prompt asked for it; {@code named}: a strong keyword spelled right. */
    record Match(Blueprint blueprint, int score, boolean named) {
    }

    /** The best blueprint for {@code prompt}, or empty when none fits. */
    Optional<Match> match(PromptText prompt) {
        List<String> windows = windows(prompt.stems());
        Match best = null;
        for (Blueprint b : blueprints) {
            Match m = score(b, windows, prompt);
            if (best == null || m.score() > best.score()) {
                best = m;
            }
        }
        if (best == null || best.score() < MIN_SCORE) {
            return Optional.empty();
        }
        if (!best.named() && prompt.stems().stream().anyMatch(OUT_OF_REACH::contains)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** Scores of every blueprint, in catalog order (for tests and diagnostics). */
    List<Match> scores(PromptText prompt) {
        List<String> windows = windows(prompt.stems());
        List<Match> out = new ArrayList<>();
        for (Blueprint b : blueprints) {
            out.add(score(b, windows, prompt));
        }
        return out;
    }

    private Match score(Blueprint blueprint, List<String> windows, PromptText prompt) {
        int score = 0;
        int typo = 0;
        boolean named = false;
        for (Map.Entry<String, Integer> keyword : blueprint.intent().weights().entrySet()) {
            int hit = hit(keyword.getKey(), keyword.getValue(), windows);
            boolean exact = hit == keyword.getValue();
            score += exact ? hit : 0;
            typo = exact ? typo : Math.max(typo, hit);
            named |= keyword.getValue() >= Intent.STRONG && exact;
        }
        // one misspelt word names a blueprint once, however many of its keywords it resembles ("price number")
        score += typo;
        // a bonus refines a keyword match ("names fields", "in Python"); on its own it points nowhere
        return new Match(blueprint, score == 0 ? 0 : score + blueprint.intent().bonus().score(prompt), named);
    }

    private int hit(String keyword, int weight, List<String> windows) {
        int best = 0;
        int maxEdits = weight < Intent.STRONG ? 0 : keyword.length() >= 8 ? 2 : keyword.length() >= 4 ? 1 : 0;
        for (String w : windows) {
            if (w.equals(keyword)) {
                return weight;
            }
            if (maxEdits > 0 && w.length() >= 4 && !vocabulary.contains(w) && !NOT_TYPOS.contains(w)
                    && EditDistance.within(w, keyword, maxEdits) <= maxEdits) {
                best = weight - TYPO_PENALTY;
            }
        }
        return best;
    }

    /** Every word and every run of two or three words, compacted the way keywords are. */
    static List<String> windows(List<String> stems) {
        List<String> out = new ArrayList<>(stems.size() * 3);
        for (int i = 0; i < stems.size(); i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 0; n < 3 && i + n < stems.size(); n++) {
                b.append(stems.get(i + n));
                out.add(n == 0 ? b.toString() : PromptText.singular(b.toString()));
            }
        }
        return out;
    }
}
