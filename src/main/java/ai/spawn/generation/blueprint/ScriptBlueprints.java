package ai.spawn.generation.blueprint;

import ai.spawn.generation.blueprint.Blueprint.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog's run-once scripts. Each is a Python program ({@code script.py}, runnable on its own) plus a small
 * server ({@code app.py}) that runs it once at start, captures what it prints and shows it: the page at {@code /},
 * the text at {@code /output.txt}, the details at {@code /api/output}.
 */
final class ScriptBlueprints {

    private ScriptBlueprints() {
    }

    static List<Blueprint> all() {
        return List.of(
                script("primes", "prime numbers", "Prime numbers", "a script that prints the first 100 prime numbers",
                        "#0f766e", Intent.builder()
                                .strong("prime", "prime number", "primes", "sieve", "eratosthenes")
                                .build(), ScriptValues.primes()),
                script("fibonacci", "Fibonacci sequences", "Fibonacci", "a script that prints the fibonacci sequence",
                        "#b45309", Intent.builder()
                                .strong("fibonacci", "fib sequence", "fibonacci sequence", "fibonacci number")
                                .build(), ScriptValues.fibonacci()),
                script("wordcount", "word counts", "Word count", "a script that counts words in a text", "#1d4ed8",
                        Intent.builder()
                                .strong("word count", "count word", "word counter", "word frequency",
                                        "count the word", "counting word", "wordcount", "word frequencies",
                                        "how many word")
                                .build(), ScriptValues.wordCount()),
                script("multiplication", "multiplication tables", "Multiplication table",
                        "a script that prints a multiplication table", "#be123c", Intent.builder()
                                .strong("multiplication table", "times table", "multiplication",
                                        "multiplication chart", "times tables")
                                .build(), ScriptValues.multiplication()),
                script("fizzbuzz", "FizzBuzz", "FizzBuzz", "a script that prints fizzbuzz up to 100", "#a16207",
                        Intent.builder().strong("fizzbuzz", "fizz buzz").build(), ScriptValues.fizzBuzz()),
                script("hello", "hello-world programs", "Hello, world", "a script that prints hello world",
                        "#475569", Intent.builder()
                                .strong("hello world", "hello script", "hello program")
                                .weigh(1, "print")
                                .bonus(ScriptBlueprints::printsQuotedText)
                                .build(), ScriptValues.hello()));
    }

    /** "a script that prints 'Good morning'" is a hello-world program too. */
    private static int printsQuotedText(PromptText prompt) {
        return (prompt.mentions("script") || prompt.mentions("program")) && prompt.mentions("print")
                && prompt.original().matches("(?s).*[\"“'][^\"“”']+[\"”'].*") ? 10 : 0;
    }

    private static Blueprint script(String name, String summary, String exampleTitle, String example, String accent,
                                    Intent intent, Blueprint.Contributor values) {
        return Blueprint.builder(name, Kind.SCRIPT).summary(summary)
                .description("A run-once Python script: it ran when the app started and its page shows what it"
                        + " printed (also at /output.txt).")
                .example(exampleTitle, example)
                .intent(intent)
                .titles(Set.of(Title.Source.EXPLICIT))
                .defaults(exampleTitle, accent)
                .contributor(new ScriptContributor(values))
                .python("app.py=_shared/script/app.py", "script.py", "public/index.html=_shared/script/index.html",
                        "public/app.css=_shared/script/app.css", "public/app.js=_shared/script/app.js",
                        "public/base.css=_shared/base.css")
                .build();
    }

    /** A script's values; follow-ups may change its numbers or text. */
    private record ScriptContributor(Blueprint.Contributor values) implements Blueprint.Contributor {

        @Override
        public void contribute(PromptFacts facts, Map<String, String> out) {
            values.contribute(facts, out);
        }

        @Override
        public boolean understands(PromptText clause) {
            return ScriptValues.understands(clause);
        }
    }
}
