package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntentMatcherTest {

    private final IntentMatcher matcher =
            new IntentMatcher(new BlueprintCatalog(new TemplateLibrary(getClass().getClassLoader())).all());

    private String match(String prompt) {
        return matcher.match(PromptText.of(prompt)).map(m -> m.blueprint().name()).orElse("none");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a todo app | todo",
        "TODO APP | todo",
        "a to-do list | todo",
        "a to do list for my chores | todo",
        "my task list | todo",
        "a checklist | todo",
        "list of tasks | todo",
        "tasks I need to track | todo",
        "a shopping list | todo",
        "a notes app | notes",
        "somewhere to keep my notes | notes",
        "a note-taking app | notes",
        "a journal | notes",
        "a kanban board | kanban",
        "a trello clone for my team | kanban",
        "a board for my project with a backlog | kanban",
        "a pomodoro timer | pomodoro",
        "a focus timer | pomodoro",
        "a timer for studying | pomodoro",
        "a calculator | calculator",
        "a tic-tac-toe game | tictactoe",
        "tic tac toe | tictactoe",
        "noughts and crosses | tictactoe",
        "a small game | tictactoe",
        "a REST API for books with title, author and year | crud",
        "a books api | crud",
        "CRUD for products | crud",
        "a backend for storing recipes | crud",
        "a landing page for my bakery | landing",
        "a website for my cafe | landing",
        "a homepage for my startup | landing",
        "a page for my bakery | landing",
    })
    void recognisesSynonymsCaseAndWordOrder(String prompt, String expected) {
        assertThat(match(prompt)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a tood list | todo",
        "tdoo app | todo",
        "a todo lsit | todo",
        "a ntoes app | notes",
        "a kanbn board | kanban",
        "a pomodor timer | pomodoro",
        "a pomadoro timer | pomodoro",
        "a calculater | calculator",
        "a calulator | calculator",
        "tic tak toe | tictactoe",
        "a landing pgae for my cafe | landing",
    })
    void toleratesTypos(String prompt, String expected) {
        assertThat(match(prompt)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a 3D multiplayer shooter", "a 3D multiplayer shooter game", "a blockchain exchange",
            "a facebook clone", "write me an operating system", "hello", "a simple page", "make it pop", "   "})
    void refusesPromptsNoBlueprintFits(String prompt) {
        assertThat(match(prompt)).isEqualTo("none");
    }

    @Test
    void realWordsNearAKeywordAreNotTypos() {
        assertThat(match("a node server")).isEqualTo("none");
        assertThat(match("a crude drawing")).isEqualTo("none");
        assertThat(match("a dairy")).isEqualTo("none");
    }

    @Test
    void anApiThatNamesFieldsIsACrudApiEvenForAKnownKindOfData() {
        assertThat(match("a todo API with title, due date and priority")).isEqualTo("crud");
        assertThat(match("a todo API")).isEqualTo("todo");
        assertThat(match("a notes api")).isEqualTo("notes");
    }

    @Test
    void namedBlueprintBeatsGenericWords() {
        assertThat(match("a kanban board for tasks")).isEqualTo("kanban");
        assertThat(match("a website with a calculator")).isEqualTo("calculator");
        assertThat(match("a tic-tac-toe game in 3D")).isEqualTo("tictactoe");
    }

    @Test
    void windowsJoinNeighbouringWordsTheWayKeywordsAreCompacted() {
        assertThat(IntentMatcher.windows(PromptText.of("to-do lists").stems())).contains("todo", "todolist");
        assertThat(Intent.compact("To-Do lists")).isEqualTo("todolist");
    }
}
