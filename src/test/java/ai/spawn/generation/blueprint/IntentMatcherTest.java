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
        "a habit tracker | habits",
        "track my daily habits and streaks | habits",
        "an expense tracker | expenses",
        "an app to track my spending | expenses",
        "a budget app with categories | expenses",
        "a markdown editor | markdown",
        "write markdown with a live preview | markdown",
        "a stopwatch | stopwatch",
        "stop watch with laps | stopwatch",
        "a countdown to christmas | countdown",
        "how many days until my birthday | countdown",
        "a countdown timer for 5 minutes | countdown",
        "a world clock | worldclock",
        "show the time in different time zones | worldclock",
        "a unit converter | converter",
        "convert celsius to fahrenheit | converter",
        "a unit conversion calculator | converter",
        "a random password generator | password",
        "generate a strong passphrase | password",
        "a trivia quiz about animals | quiz",
        "a poll | poll",
        "let people vote between tea and coffee | poll",
        "a guestbook for my site | guestbook",
        "a snake game | snake",
        "play snake | snake",
        "my portfolio website | portfolio",
        "a personal website for a photographer | portfolio",
        "an online resume | portfolio",
        "a URL shortener | shortener",
        "shorten links like bit.ly | shortener",
        "a key value store | kv",
        "a redis-like kv api | kv",
        "a webhook inbox | webhooks",
        "something like requestbin to inspect webhooks | webhooks",
        "a script that prints the first 100 prime numbers | primes",
        "print the fibonacci sequence | fibonacci",
        "a program that counts words in a text | wordcount",
        "print a times table | multiplication",
        "fizz buzz | fizzbuzz",
        "a hello world program | hello",
        "a script that prints 'good morning' | hello",
        "a todo app in python | todo-py",
        "a python notes app | notes-py",
        "a guestbook with flask | guestbook-py",
        "a todo app in node | todo",
    })
    void recognisesEveryBlueprintOfTheCatalog(String prompt, String expected) {
        assertThat(match(prompt)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a habbit tracker | habits",
        "a stopwach | stopwatch",
        "a cuntdown to new year | countdown",
        "a markdwon editor | markdown",
        "a guestbok | guestbook",
        "a pasword generator | password",
        "a snkae game | snake",
        "a portfollio | portfolio",
        "a webhok inbox | webhooks",
        "a fibonaci script | fibonacci",
    })
    void toleratesTyposInTheNewBlueprints(String prompt, String expected) {
        assertThat(match(prompt)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a chatbot", "an online store with payments", "a script", "print something",
            "a python app", "a video streaming site", "an uber clone"})
    void refusesGenericOrOutOfReachPrompts(String prompt) {
        assertThat(match(prompt)).isEqualTo("none");
    }

    @Test
    void aTypoIsNeverReadAsNamingABlueprint() {
        assertThat(matcher.match(PromptText.of("a todo list with price number")).map(IntentMatcher.Match::named))
                .contains(true);
        assertThat(matcher.match(PromptText.of("a stopwach")).map(IntentMatcher.Match::named)).contains(false);
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
