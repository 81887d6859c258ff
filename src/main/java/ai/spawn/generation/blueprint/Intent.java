package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words that point at one blueprint, with weights. Keywords may be phrases ("task list", "tic tac toe"); they
 * are stored in compact form (stems joined without spaces) so that "to-do", "to do" and "todo" are one keyword.
 * Keywords weighing at least {@value #STRONG} identify the blueprint on their own and also match with typos; lighter
 * ones only add up and must be spelled right. Immutable and thread-safe.
 *
 * @param weights compact keyword to weight
 * @param bonus   extra score computed from the whole prompt (for example "names fields")
 */
record Intent(Map<String, Integer> weights, Bonus bonus) {

    static final int STRONG = 8;

    /** Extra score for a prompt, beyond keywords. */
    @FunctionalInterface
    interface Bonus {
        Bonus NONE = prompt -> 0;

        int score(PromptText prompt);
    }

    Intent {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    static Builder builder() {
        return new Builder();
    }

    /** Compact form of a keyword or phrase: its words' stems joined ("To-Do lists" → "todolist"). */
    static String compact(String phrase) {
        List<String> stems = PromptText.of(phrase).stems();
        String joined = String.join("", stems);
        return stems.size() > 1 ? PromptText.singular(joined) : joined;
    }

    /** Collects keywords; later weights for the same keyword replace earlier ones. */
    static final class Builder {
        private final Map<String, Integer> weights = new LinkedHashMap<>();
        private Bonus bonus = Bonus.NONE;

        /** Keywords that identify the blueprint on their own (weight 10). */
        Builder strong(String... phrases) {
            return weigh(10, phrases);
        }

        Builder weigh(int weight, String... phrases) {
            for (String p : phrases) {
                weights.put(compact(p), weight);
            }
            return this;
        }

        Builder bonus(Bonus value) {
            this.bonus = value;
            return this;
        }

        Intent build() {
            return new Intent(weights, bonus);
        }
    }

    /** Keywords in declaration order. */
    List<String> keywords() {
        return new ArrayList<>(weights.keySet());
    }
}
