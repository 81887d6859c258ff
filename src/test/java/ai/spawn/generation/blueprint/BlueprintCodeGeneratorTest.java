package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spawn.generation.AppBundle;
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

    private static final List<String> ONE_PER_BLUEPRINT = List.of("a todo list", "a notes app", "a kanban board",
            "a REST API for books with title, author and year", "a landing page for my bakery Sweet Crumbs",
            "a pomodoro timer", "a calculator", "tic-tac-toe");
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
    @ValueSource(strings = {"a 3D multiplayer shooter", "a blockchain exchange"})
    void refusesWithWhatItCanBuildAndHowToGetMore(String prompt) {
        assertThatThrownBy(() -> generate(prompt))
                .isInstanceOf(UnsupportedPromptException.class)
                .hasMessageStartingWith("The offline generator cannot build this yet. It builds: todo lists, notes,")
                .hasMessageContaining("landing pages")
                .hasMessageEndingWith("Set ANTHROPIC_API_KEY (Claude) or OPENAI_BASE_URL (Ollama, vLLM, OpenAI)"
                        + " for free-form apps.");
    }

    @Test
    void refusesBlankPrompts() {
        assertThatThrownBy(() -> generate("  \n ")).isInstanceOf(UnsupportedPromptException.class)
                .hasMessageContaining("Describe the app");
    }

    @Test
    void followUpsKeepTheBlueprintAndApplyNewColoursAndTitles() {
        AppBundle first = generate("a todo list");
        AppBundle green = generator.generate(new GenerationRequest("make it green and call it \"Chores\"", first,
                null, List.of("a todo list")), GenerationListener.NONE);
        assertThat(green.origin().model()).isEqualTo("todo");
        assertThat(green.title()).isEqualTo("Chores");
        assertThat(green.files().get("public/base.css")).contains("--accent: #16a34a;");

        AppBundle api = generate("a REST API for books with title and author");
        AppBundle withYear = generator.generate(new GenerationRequest("books with title, author and year", api, null,
                List.of("a REST API for books with title and author")), GenerationListener.NONE);
        assertThat(withYear.files().get("server.js"))
                .contains("\"name\": \"year\", \"label\": \"Year\", \"type\": \"integer\"");
    }

    @Test
    void refusesEditsItCannotExpressFixesAndForeignApps() {
        AppBundle first = generate("a todo list");
        assertThatThrownBy(() -> generator.generate(new GenerationRequest("make the buttons round", first, null,
                List.of("a todo list")), GenerationListener.NONE)).isInstanceOf(UnsupportedPromptException.class)
                .hasMessageContaining("cannot make other edits");
        assertThatThrownBy(() -> generator.generate(new GenerationRequest("fix it", first, "exit 1", List.of()),
                GenerationListener.NONE)).isInstanceOf(UnsupportedPromptException.class);
        AppBundle foreign = first.withOrigin(new GenerationInfo("anthropic", "claude", 1, 1, 0, 0, 0.01, 10));
        assertThatThrownBy(() -> generator.generate(new GenerationRequest("make it green", foreign, null, List.of()),
                GenerationListener.NONE)).isInstanceOf(UnsupportedPromptException.class)
                .hasMessageContaining("only edit apps it built");
    }
}
