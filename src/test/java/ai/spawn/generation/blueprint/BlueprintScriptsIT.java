package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.Runtime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run-once scripts on the host's python3: each runs once at start, and its page, {@code /output.txt} and
 * {@code /api/output} show what it printed — the same as running {@code python3 script.py} by hand.
 */
class BlueprintScriptsIT {

    private static final BlueprintCodeGenerator GENERATOR = new BlueprintCodeGenerator();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a script that prints the first 100 prime numbers | The first 100 prime numbers | 541 | the largest is 541",
        "print the primes up to 30 | Prime numbers up to 30 | 29 | 10 primes; the largest is 29",
        "a script that prints the fibonacci sequence | The first 30 Fibonacci numbers | F(29) = 514229 | golden ratio",
        "a script that counts words in a text: the cat saw the dog | Words:            5 | the    2 | Lines:  ",
        "a script that prints a multiplication table | Multiplication table, 1 to 10 | 100 | 10 │",
        "a script that prints the multiplication table of 7 | Multiplication table of 7 | 10 × 7 = 70 | 1 × 7 = 7",
        "a script that prints fizzbuzz up to 15 | FizzBuzz | Fizz | 14",
        "a script that prints hello world | Hello, world! | Hello, world! | Hello, world!",
    })
    void runsOnceAtStartAndShowsWhatItPrinted(String prompt, String first, String somewhere, String also)
            throws Exception {
        AppBundle bundle = GENERATOR.generate(GenerationRequest.newApp(prompt), GenerationListener.NONE);
        assertThat(bundle.runtime()).isEqualTo(Runtime.PYTHON);
        try (RunningApp app = RunningApp.start(bundle, tmp.resolve("app"))) {
            String output = app.get("/output.txt").body();
            assertThat(output).contains(first, somewhere, also);
            assertThat(Files.readString(app.dir().resolve("output.txt"))).isEqualTo(output);
            String page = app.get("/").body();
            assertThat(page).contains("<title>" + Escape.HTML.apply(bundle.title()) + "</title>")
                    .contains(Escape.HTML.apply(first)).contains("status-succeeded").contains("def main():");
            JsonNode details = JSON.readTree(app.get("/api/output").body());
            assertThat(details.get("status").asString()).isEqualTo("succeeded");
            assertThat(details.get("output").asString()).isEqualTo(output);
            assertThat(details.get("lines").asInt()).isEqualTo(output.lines().count());
            assertThat(app.log()).as("the output is in the app's log too").contains(first);
            assertThat(NodeRun.exec(app.dir(), List.of("python3", "script.py"))).as("the script on its own")
                    .isEqualTo(output);
        }
    }
}
