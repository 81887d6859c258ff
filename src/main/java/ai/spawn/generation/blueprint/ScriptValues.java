package ai.spawn.generation.blueprint;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template values of the run-once scripts: the numbers and text a prompt gives them ("the first 200 primes",
 * "fibonacci numbers up to 1000", "the multiplication table of 7", "count the words in: …"), clamped so one run
 * stays well under a second. Stateless and thread-safe.
 */
final class ScriptValues {

    static final int MAX_PRIME_COUNT = 100_000;
    static final int MAX_PRIME_LIMIT = 5_000_000;
    static final int MAX_FIBONACCI_COUNT = 2_000;
    static final String DEFAULT_TEXT = "The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs on."
            + "\nA fox is quick, a dog is lazy, and the story is short.";

    private static final Pattern FIRST = Pattern.compile("(?i)\\b(?:first|the|print|prints|list|show|generate)\\s+"
            + "(\\d{1,9})\\b");
    private static final Pattern COUNT_BEFORE = Pattern.compile(
            "(?i)\\b(\\d{1,9})\\s+(?:prime|fibonacci|fib|number|term)");
    private static final Pattern UP_TO = Pattern.compile(
            "(?i)\\b(?:up\\s+to|upto|below|under|less\\s+than|until|till|to|through|<=?|smaller\\s+than"
                    + "|not\\s+exceeding)"
                    + "\\s+(\\d{1,9})\\b");
    private static final Pattern TABLE_OF = Pattern.compile(
            "(?i)\\b(?:table|tables)\\s+(?:of|for)\\s+(\\d{1,3})\\b|\\b(\\d{1,3})\\s*(?:times|x)\\s+table");
    private static final Pattern QUOTED_TEXT = Pattern.compile("[\"“]([^\"“”]{1,4000})[\"”]");
    private static final Pattern AFTER_COLON = Pattern.compile("(?s):\\s*(.{3,4000})$");
    private static final Pattern QUOTED_LINE = Pattern.compile("[\"“']([^\"“”'\\n]{1,200})[\"”']");

    private ScriptValues() {
    }

    /** The first N primes ({@code mode count}) or the primes up to N ({@code mode limit}); first 100 by default. */
    static Blueprint.Contributor primes() {
        return (facts, values) -> {
            PromptText p = facts.latestMentioning(m -> number(m, UP_TO).isPresent() || count(m).isPresent());
            Optional<Integer> limit = number(p, UP_TO);
            if (limit.isPresent() && count(p).isEmpty()) {
                int n = clamp(limit.get(), 2, MAX_PRIME_LIMIT);
                values.put("mode", "limit");
                values.put("n", String.valueOf(n));
                values.put("description", "Prints every prime number up to " + n
                        + ", using the sieve of Eratosthenes.");
            } else {
                int n = clamp(count(p).orElse(100), 1, MAX_PRIME_COUNT);
                values.put("mode", "count");
                values.put("n", String.valueOf(n));
                values.put("description", "Prints the first " + n + " prime numbers, using the sieve of Eratosthenes.");
            }
            defaultTitle(facts, values, "Prime numbers");
        };
    }

    /** The first N Fibonacci numbers or those up to N; first 30 by default. */
    static Blueprint.Contributor fibonacci() {
        return (facts, values) -> {
            PromptText p = facts.latestMentioning(m -> number(m, UP_TO).isPresent() || count(m).isPresent());
            Optional<Integer> limit = number(p, UP_TO);
            if (limit.isPresent() && count(p).isEmpty()) {
                values.put("mode", "limit");
                values.put("n", String.valueOf(clamp(limit.get(), 1, 1_000_000_000)));
                values.put("description", "Prints the Fibonacci sequence up to " + values.get("n") + ".");
            } else {
                values.put("mode", "count");
                values.put("n", String.valueOf(clamp(count(p).orElse(30), 1, MAX_FIBONACCI_COUNT)));
                values.put("description", "Prints the first " + values.get("n")
                        + " numbers of the Fibonacci sequence.");
            }
            defaultTitle(facts, values, "Fibonacci sequence");
        };
    }

    /** The multiplication table of one number, or the full grid up to N (10 by default). */
    static Blueprint.Contributor multiplication() {
        return (facts, values) -> {
            PromptText p = facts.latestMentioning(m -> tableOf(m).isPresent() || number(m, UP_TO).isPresent());
            Optional<Integer> of = tableOf(p);
            int upTo = clamp(number(p, UP_TO).orElse(of.isPresent() ? 10 : 10), 1, 30);
            values.put("of", String.valueOf(of.map(n -> clamp(n, 1, 999)).orElse(0)));
            values.put("upTo", String.valueOf(upTo));
            values.put("description", of.isPresent()
                    ? "Prints the multiplication table of " + values.get("of") + " from 1 to " + upTo + "."
                    : "Prints the multiplication table from 1 × 1 to " + upTo + " × " + upTo + ".");
            defaultTitle(facts, values, "Multiplication table");
        };
    }

    /** FizzBuzz from 1 to N (100 by default). */
    static Blueprint.Contributor fizzBuzz() {
        return (facts, values) -> {
            PromptText p = facts.latestMentioning(m -> number(m, UP_TO).isPresent() || count(m).isPresent());
            int n = clamp(number(p, UP_TO).or(() -> count(p)).orElse(100), 1, 100_000);
            values.put("n", String.valueOf(n));
            values.put("description", "Prints FizzBuzz from 1 to " + n + ": Fizz for multiples of 3, Buzz for"
                    + " multiples of 5, FizzBuzz for both.");
            defaultTitle(facts, values, "FizzBuzz");
        };
    }

    /** Counts words, lines and characters of the text the prompt quotes or gives after a colon. */
    static Blueprint.Contributor wordCount() {
        return (facts, values) -> {
            String text = DEFAULT_TEXT;
            for (PromptText m : facts.messages()) {
                Matcher q = QUOTED_TEXT.matcher(m.original());
                Matcher c = AFTER_COLON.matcher(m.original());
                if (q.find() && q.group(1).strip().split("\\s+").length >= 2) {
                    text = q.group(1).strip();
                    break;
                }
                if (c.find() && c.group(1).strip().split("\\s+").length >= 2) {
                    text = c.group(1).strip();
                    break;
                }
            }
            values.put("text", text);
            values.put("description", "Counts the words, lines and characters of a text and lists its most"
                    + " frequent words.");
            defaultTitle(facts, values, "Word count");
        };
    }

    /** Prints a line: the quoted text, else "Hello, world!". */
    static Blueprint.Contributor hello() {
        return (facts, values) -> {
            String line = "Hello, world!";
            for (PromptText m : facts.messages()) {
                Matcher q = QUOTED_LINE.matcher(m.original());
                if (q.find() && !q.group(1).isBlank()) {
                    line = q.group(1);
                    break;
                }
            }
            values.put("line", line);
            values.put("description", "Prints a message.");
            String said = line;
            boolean named = facts.title(Set.of(Title.Source.EXPLICIT)).filter(t -> !said.startsWith(t.text()))
                    .isPresent();
            if (!named) {
                values.put("title", line.equals("Hello, world!") ? "Hello, world" : "Print a message");
            }
        };
    }

    /** Whether a follow-up changes a script's numbers ("make it 500", "up to 50"). */
    static boolean understands(PromptText clause) {
        return count(clause).isPresent() || number(clause, UP_TO).isPresent() || tableOf(clause).isPresent()
                || QUOTED_LINE.matcher(clause.original()).find();
    }

    private static void defaultTitle(PromptFacts facts, Map<String, String> values, String title) {
        if (facts.title(Set.of(Title.Source.EXPLICIT)).isEmpty()) {
            values.put("title", title);
        }
    }

    private static Optional<Integer> count(PromptText p) {
        Optional<Integer> first = number(p, FIRST);
        return first.isPresent() ? first : number(p, COUNT_BEFORE);
    }

    private static Optional<Integer> tableOf(PromptText p) {
        Matcher m = TABLE_OF.matcher(p.original());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)))
                : Optional.empty();
    }

    private static Optional<Integer> number(PromptText p, Pattern pattern) {
        Matcher m = pattern.matcher(p.original());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
