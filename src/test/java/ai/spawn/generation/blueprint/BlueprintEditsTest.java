package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.Runtime;
import ai.spawn.generation.UnsupportedPromptException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Follow-up edits the offline engine can express, and those it refuses. */
class BlueprintEditsTest {

    private final BlueprintCodeGenerator generator = new BlueprintCodeGenerator();

    /** A conversation: each message edits the bundle the previous one made, as the spawn service does. */
    private AppBundle converse(String... messages) {
        AppBundle current = null;
        List<String> history = new ArrayList<>();
        for (String m : messages) {
            current = generator.generate(new GenerationRequest(m, current, null, history), GenerationListener.NONE);
            history.add(m);
        }
        return current;
    }

    private AppBundle edit(AppBundle current, String message) {
        return generator.generate(new GenerationRequest(message, current, null, List.of()), GenerationListener.NONE);
    }

    @Test
    void addsADueDateFieldToATodoList() {
        AppBundle todo = converse("a todo list", "add a due date field");
        assertThat(todo.origin().model()).isEqualTo("todo");
        assertThat(todo.files().get("server.js"))
                .contains("{ \"name\": \"dueDate\", \"label\": \"Due date\", \"type\": \"date\","
                        + " \"required\": false }");
        assertThat(todo.files().get("public/app.js")).contains("\"dueDate\"");
        assertThat(todo.summary()).isEqualTo("Fields updated.");
    }

    @Test
    void addsAndRemovesFieldsOfACrudApi() {
        AppBundle api = converse("a REST API for books with title, author and year", "add a due date field",
                "also track the price (number)", "remove the year field");
        String server = api.files().get("server.js");
        assertThat(server).contains("\"name\": \"title\"", "\"name\": \"author\"",
                "\"name\": \"dueDate\", \"label\": \"Due date\", \"type\": \"date\"",
                "\"name\": \"price\", \"label\": \"Price\", \"type\": \"number\"");
        assertThat(server).doesNotContain("\"name\": \"year\"");
        assertThat(api.title()).isEqualTo("Books API");
    }

    @Test
    void renamesTheApp() {
        AppBundle renamed = converse("a kanban board", "rename it to Sprint 12");
        assertThat(renamed.title()).isEqualTo("Sprint 12");
        assertThat(renamed.files().get("public/index.html")).contains("<title>Sprint 12</title>");
        assertThat(renamed.summary()).isEqualTo("Renamed to \"Sprint 12\".");
        assertThat(converse("a notes app", "change the title to \"Ideas\"").title()).isEqualTo("Ideas");
    }

    @Test
    void recoloursAndSwitchesTheTheme() {
        AppBundle blue = converse("a todo list", "make the header blue");
        assertThat(blue.files().get("public/base.css")).contains("--accent: #2563eb;");
        assertThat(blue.summary()).startsWith("Accent colour #2563eb");
        AppBundle dark = edit(blue, "use dark mode");
        assertThat(dark.files().get("public/index.html")).contains("data-theme=\"dark\"");
        assertThat(dark.files().get("public/base.css")).as("colours survive").contains("--accent: #2563eb;");
        assertThat(dark.summary()).isEqualTo("Dark theme.");
        AppBundle light = edit(dark, "turn off dark mode");
        assertThat(light.files().get("public/index.html")).contains("data-theme=\"light\"");
    }

    @Test
    void appliesSeveralChangesInOneMessage() {
        AppBundle bundle = converse("a todo list", "make it green and call it Chores, then add a priority field");
        assertThat(bundle.title()).isEqualTo("Chores");
        assertThat(bundle.files().get("public/base.css")).contains("--accent: #16a34a;");
        assertThat(bundle.files().get("server.js")).contains("\"name\": \"priority\"");
        assertThat(bundle.summary()).contains("Renamed to \"Chores\"", "accent colour #16a34a", "fields updated");
    }

    @Test
    void blueprintSpecificDetailsCanBeChanged() {
        assertThat(converse("a kanban board", "columns ideas, doing and shipped").files().get("server.js"))
                .contains("[\"Ideas\", \"Doing\", \"Shipped\"]");
        assertThat(converse("a world clock", "add Paris").files().get("app.js"))
                .contains("[\"Paris\", \"Europe/Paris\"]");
        assertThat(converse("a quiz", "make it about history").title()).isEqualTo("History quiz");
        assertThat(converse("a script that prints the first 100 prime numbers", "make it the first 250")
                .files().get("script.py")).contains("N = int(\"250\")");
    }

    @Test
    void switchesRuntimeOrBlueprintWhenAskedOutright() {
        AppBundle python = converse("a todo list with due dates", "rewrite it in python");
        assertThat(python.runtime()).isEqualTo(Runtime.PYTHON);
        assertThat(python.origin().model()).isEqualTo("todo-py");
        assertThat(python.files().get("app.py")).contains("dueDate");
        assertThat(python.summary()).isEqualTo("Now runs on Python.");
        assertThat(edit(python, "use node.js instead").origin().model()).isEqualTo("todo");
        AppBundle board = converse("a todo list", "make it a kanban board instead");
        assertThat(board.origin().model()).isEqualTo("kanban");
    }

    @ParameterizedTest
    @ValueSource(strings = {"make the buttons round", "add a login page", "make it green and add user accounts",
            "add drag and drop", "translate it to French"})
    void refusesWhatItCannotExpressAndSaysWhatItCanChange(String message) {
        AppBundle todo = converse("a todo list");
        assertThatThrownBy(() -> edit(todo, message))
                .isInstanceOf(UnsupportedPromptException.class)
                .hasMessageStartingWith("The offline generator can change an app's name")
                .hasMessageContaining("colours", "dark theme", "its fields (\"add a due date field\"")
                .hasMessageContaining("it cannot do \"")
                .hasMessageEndingWith("Set ANTHROPIC_API_KEY (Claude) or OPENAI_BASE_URL (Ollama, vLLM, OpenAI)"
                        + " for free-form edits.");
    }

    @Test
    void fieldEditsOnAnAppWithAFixedLayoutAreRefusedWithoutPromisingFields() {
        AppBundle calculator = converse("a calculator");
        assertThatThrownBy(() -> edit(calculator, "add a due date field"))
                .isInstanceOf(UnsupportedPromptException.class)
                .hasMessageContaining("cannot do \"add a due date field\"")
                .hasMessageNotContaining("its fields");
    }

    @Test
    void editsReplayTheBundlesOwnMessagesNotRefusedOnesFromTheHistory() {
        AppBundle todo = converse("a todo list");
        List<String> history = List.of("a todo list", "make it red and add a login page");
        AppBundle renamed = generator.generate(new GenerationRequest("call it Errands", todo, null, history),
                GenerationListener.NONE);
        assertThat(renamed.files().get("public/base.css")).as("the refused red never applied")
                .contains("--accent: #4f46e5;");
        assertThat(renamed.files().get(".blueprint.json")).contains("a todo list", "call it Errands")
                .doesNotContain("login");
    }

    @Test
    void appsWithoutTheirMessagesAreEditedFromTheConversation() {
        AppBundle old = converse("a blue todo list");
        Map<String, String> files = new java.util.HashMap<>(old.files());
        files.remove(".blueprint.json");
        AppBundle legacy = new AppBundle(old.title(), old.runtime(), files, null, old.start(), old.port(),
                old.origin());
        AppBundle fromHistory = generator.generate(new GenerationRequest("call it Errands", legacy, null,
                List.of("a blue todo list")), GenerationListener.NONE);
        assertThat(fromHistory.title()).isEqualTo("Errands");
        assertThat(fromHistory.files().get("public/base.css")).contains("--accent: #2563eb;");
        assertThat(fromHistory.summary()).isEqualTo("Renamed to \"Errands\".");
        AppBundle alone = generator.generate(new GenerationRequest("call it Errands", legacy, null, List.of()),
                GenerationListener.NONE);
        assertThat(alone.title()).isEqualTo("Errands");
        assertThat(alone.summary()).isEqualTo("Updated: call it Errands.");
    }

    @Test
    void aMessageThatChangesNothingSaysSo() {
        AppBundle blue = converse("a blue todo list");
        AppBundle again = edit(blue, "make it blue please");
        assertThat(again.summary()).startsWith("Nothing to change");
    }
}
