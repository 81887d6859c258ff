package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.Example;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.Runtime;
import ai.spawn.generation.UnsupportedPromptException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlueprintCodeGeneratorTest {

    private static final List<String> ONE_PER_BLUEPRINT =
            new BlueprintCodeGenerator().examples().stream().map(Example::prompt).toList();
    private static final Pattern EXTERNAL = Pattern.compile(
            "(?:src|href|action)\\s*=\\s*[\"']?(?:https?:)?//|url\\(\\s*[\"']?(?:https?:)?//|@import"
                    + "|fetch\\(\\s*[\"'`]https?:");

    private final BlueprintCodeGenerator generator = new BlueprintCodeGenerator();

    private AppBundle generate(String prompt) {
        return generator.generate(GenerationRequest.newApp(prompt), GenerationListener.NONE);
    }

    @Test
    void isTheBlueprintEngine() {
        assertThat(generator.engine()).isEqualTo("blueprint");
    }

    @Test
    void theSamePromptGivesTheSameBundleAcrossCallsAndInstances() {
        BlueprintCodeGenerator other = new BlueprintCodeGenerator();
        for (String prompt : ONE_PER_BLUEPRINT) {
            AppBundle a = generate(prompt);
            AppBundle b = generate(prompt);
            AppBundle c = other.generate(GenerationRequest.newApp(prompt), GenerationListener.NONE);
            assertThat(b.files()).isEqualTo(a.files());
            assertThat(c.files()).isEqualTo(a.files());
            assertThat(List.of(b.title(), b.runtime(), b.start()))
                    .isEqualTo(List.of(a.title(), a.runtime(), a.start()));
        }
    }

    @Test
    void reportsTheBlueprintAndEveryFile() {
        List<String> events = new ArrayList<>();
        AppBundle bundle = generator.generate(GenerationRequest.newApp("a todo list"), new GenerationListener() {
            @Override
            public void progress(String message) {
                events.add(message);
            }

            @Override
            public void fileWritten(String path) {
                events.add("file " + path);
            }
        });
        assertThat(events.get(0)).isEqualTo("matched blueprint todo");
        assertThat(events.subList(1, events.size()))
                .containsExactlyInAnyOrderElementsOf(bundle.files().keySet().stream().map(p -> "file " + p).toList());
        assertThat(bundle.origin().engine()).isEqualTo("blueprint");
        assertThat(bundle.origin().model()).isEqualTo("todo");
        assertThat(bundle.origin().costUsd()).isZero();
    }

    @Test
    void nodeAppsStartWithNodeAndStaticAppsWithTheSandboxFileServer() {
        AppBundle todo = generate("a todo list");
        assertThat(todo.runtime()).isEqualTo(Runtime.NODE);
        assertThat(todo.start()).isEqualTo("node server.js");
        assertThat(todo.port()).isEqualTo(3000);
        assertThat(todo.needsInstall()).isFalse();
        assertThat(todo.files()).containsKeys("server.js", "lib/web.js", "lib/store.js", "public/index.html");

        AppBundle calc = generate("a calculator");
        assertThat(calc.runtime()).isEqualTo(Runtime.STATIC);
        assertThat(calc.start()).isEqualTo("node /opt/spawnai/static-server.js");
        assertThat(calc.files()).containsKeys("index.html", "app.js", "app.css", "base.css");
    }

    @Test
    void everyBlueprintFillsAllPlaceholdersAndLoadsNothingFromOutside() {
        for (String prompt : ONE_PER_BLUEPRINT) {
            for (Map.Entry<String, String> file : generate(prompt).files().entrySet()) {
                assertThat(file.getValue()).as(file.getKey())
                        .doesNotContainPattern("\\{\\{\\s*[a-zA-Z]+(\\|[a-z]+)?\\s*}}");
                assertThat(EXTERNAL.matcher(file.getValue()).find()).as("external reference in " + file.getKey())
                        .isFalse();
            }
        }
    }

    @Test
    void titleAndColoursComeFromThePrompt() {
        AppBundle bundle = generate("a blue todo app called \"Groceries\"");
        assertThat(bundle.title()).isEqualTo("Groceries");
        assertThat(bundle.files().get("public/index.html")).contains("<title>Groceries</title>");
        assertThat(bundle.files().get("public/base.css")).contains("--accent: #2563eb;");
        assertThat(generate("a kanban board in dark mode").files().get("public/index.html"))
                .contains("data-theme=\"dark\"");
        assertThat(generate("a landing page for my bakery Sweet Crumbs").title()).isEqualTo("Sweet Crumbs");
        assertThat(generate("a REST API for books with title, author and year").title()).isEqualTo("Books API");
    }

    @Test
    void hostileTitlesStayText() {
        AppBundle bundle = generate("a todo app called \"Tom & Jerry <script>alert(1)</script> list\"");
        assertThat(bundle.files().get("public/index.html"))
                .contains("<title>Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt; list</title>")
                .doesNotContain("<script>alert");
        assertThat(bundle.files().get("server.js")).contains(
                "const TITLE = \"Tom \\u0026 Jerry \\u003cscript\\u003ealert(1)\\u003c/script\\u003e list\";");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a 3D multiplayer shooter", "a blockchain exchange", "a script that mines bitcoin"})
    void refusesWithWhatItCanBuildAndHowToGetMore(String prompt) {
        assertThatThrownBy(() -> generate(prompt))
                .isInstanceOf(UnsupportedPromptException.class)
                .hasMessageStartingWith("The offline generator cannot build this yet. It builds web apps: todo lists,"
                        + " notes,")
                .hasMessageContaining("landing pages")
                .hasMessageContaining("also in Python")
                .hasMessageContaining("APIs: REST APIs for your own data")
                .hasMessageContaining("URL shorteners")
                .hasMessageContaining("run-once scripts: prime numbers")
                .hasMessageEndingWith("Set ANTHROPIC_API_KEY (Claude) or OPENAI_BASE_URL (Ollama, vLLM, OpenAI)"
                        + " for free-form apps.");
    }

    @Test
    void refusesBlankPrompts() {
        assertThatThrownBy(() -> generate("  \n ")).isInstanceOf(UnsupportedPromptException.class)
                .hasMessageContaining("Describe the app");
    }

    @Test
    void examplesNameEveryBlueprintOnceWebAppsFirstThenApisThenScripts() {
        List<Example> examples = generator.examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(27);
        List<String> kinds = examples.stream().map(Example::kind).distinct().toList();
        assertThat(kinds).containsExactly("web app", "API", "script");
        List<String> models = examples.stream()
                .map(e -> generate(e.prompt()).origin().model()).toList();
        assertThat(models).doesNotHaveDuplicates();
        assertThat(models).containsExactlyInAnyOrderElementsOf(new BlueprintCatalog(
                new TemplateLibrary(getClass().getClassLoader())).all().stream().map(Blueprint::name).toList());
        assertThat(examples).allSatisfy(e -> assertThat(e.title()).isNotBlank());
        assertThat(examples.get(0).prompt()).isEqualTo("a todo list app with due dates");
    }

    @Test
    void everyBundleSaysWhatItIsAndRecordsItsPrompt() {
        AppBundle bundle = generate("a URL shortener API");
        assertThat(bundle.summary()).contains("302");
        assertThat(bundle.files().get(".blueprint.json")).contains("\"blueprint\" : \"shortener\"")
                .contains("a URL shortener API");
    }

    @Test
    void promptsThatSayPythonGetThePythonVariantWhereThereIsOne() {
        AppBundle python = generate("a todo app in python");
        assertThat(python.runtime()).isEqualTo(Runtime.PYTHON);
        assertThat(python.start()).isEqualTo("python3 -u app.py");
        assertThat(python.files()).containsKeys("app.py", "lib/web.py", "lib/store.py", "public/index.html");
        assertThat(generate("a guestbook in python").origin().model()).isEqualTo("guestbook-py");
        assertThat(generate("notes with flask").origin().model()).isEqualTo("notes-py");
        assertThat(generate("a guestbook").origin().model()).isEqualTo("guestbook");
        AppBundle kanban = generate("a kanban board in python");
        assertThat(kanban.runtime()).isEqualTo(Runtime.NODE);
        assertThat(kanban.summary()).contains("Built with Node.js");
    }

    @Test
    void scriptsAreRunOncePythonProgramsWithTheNumbersFromThePrompt() {
        AppBundle primes = generate("a script that prints the first 500 prime numbers");
        assertThat(primes.runtime()).isEqualTo(Runtime.PYTHON);
        assertThat(primes.files()).containsKeys("app.py", "script.py", "public/index.html");
        assertThat(primes.files().get("script.py")).contains("MODE = \"count\"").contains("N = int(\"500\")");
        assertThat(generate("print all primes below 1000").files().get("script.py"))
                .contains("MODE = \"limit\"").contains("N = int(\"1000\")");
        assertThat(generate("a script that prints the multiplication table of 7").files().get("script.py"))
                .contains("OF = int(\"7\")");
        assertThat(generate("count the words in: \"to be or not to be\"").files().get("script.py"))
                .contains("TEXT = \"to be or not to be\"");
        assertThat(generate("a script that prints 'Good morning'").files().get("script.py"))
                .contains("MESSAGE = \"Good morning\"");
        assertThat(generate("a script that prints the first 99999999 primes").files().get("script.py"))
                .contains("N = int(\"100000\")");
    }

    @Test
    void thePromptVersionIsAFingerprintOfTheCatalog() {
        assertThat(generator.promptVersion()).startsWith("catalog-")
                .isEqualTo(new BlueprintCodeGenerator().promptVersion());
    }

    @Test
    void refusesFixesAndAppsItDidNotBuild() {
        AppBundle first = generate("a todo list");
        assertThatThrownBy(() -> generator.generate(new GenerationRequest("fix it", first, "exit 1", List.of()),
                GenerationListener.NONE)).isInstanceOf(UnsupportedPromptException.class)
                .hasMessageContaining("cannot repair");
        AppBundle foreign = first.withOrigin(new GenerationInfo("anthropic", "claude", 1, 1, 0, 0, 0.01, 10));
        assertThatThrownBy(() -> generator.generate(new GenerationRequest("make it green", foreign, null, List.of()),
                GenerationListener.NONE)).isInstanceOf(UnsupportedPromptException.class)
                .hasMessageContaining("only edit apps it built");
    }
}
