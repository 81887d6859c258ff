package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.Example;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.Runtime;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every blueprint's generated app on the host's node or python3 and uses it over HTTP, as a user of the app
 * would: every example starts and serves its page, and the web apps with a server are exercised through their API
 * (Node.js and Python variants alike). APIs, browser-only apps and scripts have their own ITs.
 */
class BlueprintAppsIT {

    private static final BlueprintCodeGenerator GENERATOR = new BlueprintCodeGenerator();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    private static AppBundle generate(String prompt) {
        return GENERATOR.generate(GenerationRequest.newApp(prompt), GenerationListener.NONE);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static Stream<Example> examples() {
        return GENERATOR.examples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleParsesStartsAndServesItsPageWithEveryAsset(Example example) throws Exception {
        AppBundle bundle = generate(example.prompt());
        Path dir = tmp.resolve("app");
        RunningApp.write(bundle, dir);
        for (String file : bundle.files().keySet()) {
            if (file.endsWith(".js")) {
                NodeRun.exec(dir, List.of("node", "--check", file));
            } else if (file.endsWith(".py")) {
                NodeRun.exec(dir, List.of("python3", "-c", "import ast, sys; ast.parse(open(sys.argv[1]).read(),"
                        + " sys.argv[1])", file));
            }
        }
        try (RunningApp app = RunningApp.start(bundle, dir)) {
            HttpResponse<String> page = app.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("<title>" + Escape.HTML.apply(bundle.title()));
            Matcher assets = Pattern.compile("(?:src|href)=\"([a-z][\\w./-]*\\.(?:js|css))\"").matcher(page.body());
            int count = 0;
            while (assets.find()) {
                assertThat(app.get("/" + assets.group(1)).statusCode()).as(assets.group(1)).isEqualTo(200);
                count++;
            }
            assertThat(count).as("scripts and styles of the page").isGreaterThanOrEqualTo(2);
            assertThat(app.get("/.blueprint.json").statusCode()).as("the manifest is not served").isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a blue todo app called Groceries with due dates",
            "a blue todo app in python called Groceries with due dates"})
    void todoAppAddsListsTogglesDeletesAndKeepsTodosAcrossARestart(String prompt) throws Exception {
        try (RunningApp app = RunningApp.start(generate(prompt), tmp.resolve("app"))) {
            assertThat(app.get("/").body()).contains("<title>Groceries</title>").contains("app.js");
            assertThat(app.get("/base.css").body()).contains("--accent: #2563eb");
            assertThat(app.get("/app.js").body()).contains("\"dueDate\"");

            HttpResponse<String> created = app.send("POST", "/api/todos", "{\"title\":\"Buy milk\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            int milk = json(created).get("id").asInt();
            assertThat(json(created).get("done").asBoolean()).isFalse();
            assertThat(json(created).get("dueDate").isNull()).isTrue();
            HttpResponse<String> bread = app.send("POST", "/api/todos",
                    "{\"title\":\"Bake bread\",\"dueDate\":\"2025-06-30\"}");
            assertThat(json(bread).get("dueDate").asString()).isEqualTo("2025-06-30");
            int breadId = json(bread).get("id").asInt();
            assertThat(app.send("POST", "/api/todos", "{\"title\":\"x\",\"dueDate\":\"2025-02-30\"}").statusCode())
                    .isEqualTo(400);
            assertThat(app.send("POST", "/api/todos", "{\"title\":\"x\",\"colour\":\"red\"}").statusCode())
                    .isEqualTo(400);

            JsonNode list = json(app.get("/api/todos"));
            assertThat(list.size()).isEqualTo(2);
            assertThat(list.get(0).get("title").asString()).isEqualTo("Buy milk");

            HttpResponse<String> toggled = app.send("PATCH", "/api/todos/" + milk, "{\"done\":true}");
            assertThat(toggled.statusCode()).isEqualTo(200);
            assertThat(json(toggled).get("done").asBoolean()).isTrue();
            assertThat(json(app.get("/api/todos?done=true")).size()).isEqualTo(1);

            assertThat(app.send("POST", "/api/todos", "{\"title\":\"\"}").statusCode()).isEqualTo(400);
            assertThat(app.send("POST", "/api/todos", "not json").statusCode()).isEqualTo(400);
            HttpResponse<String> badToggle = app.send("PATCH", "/api/todos/" + milk, "{\"done\":\"yes\"}");
            assertThat(badToggle.statusCode()).isEqualTo(400);
            assertThat(json(badToggle).get("error").asString()).contains("done");

            assertThat(app.send("DELETE", "/api/todos/" + breadId, null).statusCode()).isEqualTo(204);
            assertThat(app.send("DELETE", "/api/todos/" + breadId, null).statusCode()).isEqualTo(404);

            app.restart();
            JsonNode after = json(app.get("/api/todos"));
            assertThat(after.size()).isEqualTo(1);
            assertThat(after.get(0).get("title").asString()).isEqualTo("Buy milk");
            assertThat(after.get(0).get("done").asBoolean()).isTrue();
            assertThat(json(app.send("POST", "/api/todos", "{\"title\":\"Next\"}")).get("id").asInt())
                    .as("ids are not reused after a restart").isGreaterThan(breadId);
            assertThat(app.dir().resolve("todos.json")).exists();
            assertThat(json(app.send("DELETE", "/api/todos?done=true", null)).get("removed").asInt()).isEqualTo(1);
            try (Stream<Path> files = Files.list(app.dir())) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a notes app", "a notes app in python"})
    void notesAppCreatesReadsUpdatesSearchesAndDeletesNotes(String prompt) throws Exception {
        try (RunningApp app = RunningApp.start(generate(prompt), tmp.resolve("app"))) {
            HttpResponse<String> created = app.send("POST", "/api/notes",
                    "{\"title\":\"Shopping\",\"body\":\"eggs\\nflour\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            int id = json(created).get("id").asInt();
            assertThat(json(app.get("/api/notes/" + id)).get("body").asString()).isEqualTo("eggs\nflour");

            HttpResponse<String> replaced = app.send("PUT", "/api/notes/" + id,
                    "{\"title\":\"Groceries\",\"body\":\"eggs, flour, sugar\"}");
            assertThat(json(replaced).get("title").asString()).isEqualTo("Groceries");
            HttpResponse<String> pinned = app.send("PATCH", "/api/notes/" + id, "{\"pinned\":true}");
            assertThat(json(pinned).get("pinned").asBoolean()).isTrue();
            assertThat(json(pinned).get("body").asString()).isEqualTo("eggs, flour, sugar");

            app.send("POST", "/api/notes", "{\"title\":\"Ideas\",\"body\":\"a novel\"}");
            assertThat(json(app.get("/api/notes?q=sugar")).size()).isEqualTo(1);
            assertThat(json(app.get("/api/notes")).size()).isEqualTo(2);
            assertThat(app.send("POST", "/api/notes", "{\"title\":42}").statusCode()).isEqualTo(400);

            assertThat(app.send("DELETE", "/api/notes/" + id, null).statusCode()).isEqualTo(204);
            assertThat(app.get("/api/notes/" + id).statusCode()).isEqualTo(404);
            app.restart();
            assertThat(json(app.get("/api/notes")).size()).isEqualTo(1);
        }
    }

    @Test
    void crudApiHasExactlyTheNamedFieldsValidatesTypesAndPersists() throws Exception {
        AppBundle bundle = generate("a REST API for books with title, author and year");
        try (RunningApp app = RunningApp.start(bundle, tmp.resolve("app"))) {
            assertThat(app.get("/").body()).contains("books").contains("Books API");
            JsonNode schema = json(app.get("/api"));
            List<String> fields = new ArrayList<>();
            schema.get("fields").forEach(f -> fields.add(f.get("name").asString() + ":" + f.get("type").asString()));
            assertThat(fields).containsExactly("title:string", "author:string", "year:integer");

            HttpResponse<String> created = app.send("POST", "/api/books",
                    "{\"title\":\"Dune\",\"author\":\"Frank Herbert\",\"year\":1965}");
            assertThat(created.statusCode()).isEqualTo(201);
            int id = json(created).get("id").asInt();
            assertThat(created.headers().firstValue("Location")).hasValue("/api/books/" + id);

            HttpResponse<String> badType = app.send("POST", "/api/books",
                    "{\"title\":\"Emma\",\"author\":\"Jane Austen\",\"year\":\"1815\"}");
            assertThat(badType.statusCode()).isEqualTo(400);
            assertThat(json(badType).get("field").asString()).isEqualTo("year");
            assertThat(json(badType).get("error").asString()).contains("integer");
            assertThat(app.send("POST", "/api/books", "{\"title\":\"Emma\",\"author\":\"Jane Austen\",\"year\":18.5}")
                    .statusCode()).isEqualTo(400);
            assertThat(app.send("POST", "/api/books", "{\"title\":\"Emma\",\"year\":1815}").statusCode())
                    .as("missing required author").isEqualTo(400);
            HttpResponse<String> unknown = app.send("POST", "/api/books",
                    "{\"title\":\"Emma\",\"author\":\"Jane Austen\",\"year\":1815,\"isbn\":\"x\"}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(json(unknown).get("error").asString()).contains("isbn");

            assertThat(json(app.send("PATCH", "/api/books/" + id, "{\"year\":1966}")).get("year").asInt())
                    .isEqualTo(1966);
            assertThat(app.send("PATCH", "/api/books/" + id, "{\"title\":7}").statusCode()).isEqualTo(400);
            HttpResponse<String> put = app.send("PUT", "/api/books/" + id,
                    "{\"title\":\"Dune Messiah\",\"author\":\"Frank Herbert\",\"year\":1969}");
            assertThat(json(put).get("title").asString()).isEqualTo("Dune Messiah");
            assertThat(app.get("/api/books/999").statusCode()).isEqualTo(404);

            app.restart();
            JsonNode books = json(app.get("/api/books"));
            assertThat(books.size()).isEqualTo(1);
            assertThat(books.get(0).get("year").asInt()).isEqualTo(1969);
            assertThat(Files.readString(app.dir().resolve("books.json"))).contains("Dune Messiah");
        }
    }

    @Test
    void crudApiValidatesBooleanDateAndEmailFields() throws Exception {
        AppBundle bundle = generate("an API for members with name, email, joined date and active");
        try (RunningApp app = RunningApp.start(bundle, tmp.resolve("app"))) {
            String good = "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"joinedDate\":\"2024-02-29\"}";
            HttpResponse<String> created = app.send("POST", "/api/members", good);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(json(created).get("active").asBoolean()).isFalse();
            assertThat(app.send("POST", "/api/members", good.replace("ada@example.com", "ada")).statusCode())
                    .isEqualTo(400);
            assertThat(app.send("POST", "/api/members", good.replace("2024-02-29", "2023-02-29")).statusCode())
                    .isEqualTo(400);
            assertThat(app.send("PATCH", "/api/members/1", "{\"active\":\"yes\"}").statusCode()).isEqualTo(400);
            assertThat(json(app.send("PATCH", "/api/members/1", "{\"active\":true}")).get("active").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void kanbanBoardUsesTheNamedColumnsMovesCardsAndPersists() throws Exception {
        AppBundle bundle = generate("a kanban board with columns backlog, doing and done");
        try (RunningApp app = RunningApp.start(bundle, tmp.resolve("app"))) {
            JsonNode board = json(app.get("/api/board"));
            List<String> columns = new ArrayList<>();
            board.get("columns").forEach(c -> columns.add(c.get("id").asString()));
            assertThat(columns).containsExactly("backlog", "doing", "done");

            int first = json(app.send("POST", "/api/cards", "{\"title\":\"Write spec\"}")).get("id").asInt();
            int second = json(app.send("POST", "/api/cards", "{\"title\":\"Review\",\"column\":\"doing\"}"))
                    .get("id").asInt();
            assertThat(json(app.get("/api/cards/" + first)).get("column").asString()).isEqualTo("backlog");
            HttpResponse<String> moved = app.send("PATCH", "/api/cards/" + first, "{\"column\":\"doing\",\"index\":0}");
            assertThat(json(moved).get("column").asString()).isEqualTo("doing");
            assertThat(app.send("PATCH", "/api/cards/" + first, "{\"column\":\"nowhere\"}").statusCode())
                    .isEqualTo(400);

            app.restart();
            JsonNode cards = json(app.get("/api/cards"));
            assertThat(cards.size()).isEqualTo(2);
            assertThat(cards.get(0).get("id").asInt()).as("moved card first in its column").isEqualTo(first);
            assertThat(cards.get(1).get("id").asInt()).isEqualTo(second);
            assertThat(app.send("DELETE", "/api/cards/" + second, null).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void landingPageShowsTheNameAndKindFromThePrompt() throws Exception {
        AppBundle bundle = generate("a landing page for my bakery Sweet Crumbs");
        assertThat(bundle.runtime()).isEqualTo(Runtime.STATIC);
        assertThat(bundle.start()).isEqualTo("node /opt/spawnai/static-server.js");
        try (RunningApp app = RunningApp.start(bundle, tmp.resolve("app"))) {
            String page = app.get("/").body();
            assertThat(page).contains("<title>Sweet Crumbs").contains("Welcome to Sweet Crumbs").contains("bakery");
            assertThat(app.get("/app.css").statusCode()).isEqualTo(200);
            assertThat(app.get("/base.css").statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a guestbook", "a guestbook in python"})
    void guestbookSignsListsNewestFirstRejectsSpamAndPersists(String prompt) throws Exception {
        try (RunningApp app = RunningApp.start(generate(prompt), tmp.resolve("app"))) {
            HttpResponse<String> first = app.send("POST", "/api/entries", "{\"name\":\"Ada\",\"message\":\"Hello!\"}");
            assertThat(first.statusCode()).isEqualTo(201);
            app.send("POST", "/api/entries", "{\"name\":\"Grace\",\"message\":\"Nice <b>page</b>\"}");
            HttpResponse<String> list = app.get("/api/entries");
            assertThat(list.headers().firstValue("X-Total-Count")).hasValue("2");
            assertThat(json(list).get(0).get("name").asString()).isEqualTo("Grace");
            assertThat(json(list).get(0).get("message").asString()).isEqualTo("Nice <b>page</b>");
            assertThat(json(app.get("/api/entries?limit=1&offset=1")).get(0).get("name").asString()).isEqualTo("Ada");
            assertThat(app.send("POST", "/api/entries", "{\"name\":\"\",\"message\":\"x\"}").statusCode())
                    .isEqualTo(400);
            assertThat(app.send("POST", "/api/entries", "{\"name\":\"A\",\"message\":\"" + "x".repeat(1001) + "\"}")
                    .statusCode()).isEqualTo(400);
            assertThat(app.send("POST", "/api/entries",
                    "{\"name\":\"Bot\",\"message\":\"buy\",\"website\":\"spam.example\"}").statusCode())
                    .as("the honeypot").isEqualTo(400);
            app.restart();
            assertThat(json(app.get("/api/entries")).size()).isEqualTo(2);
        }
    }

    @Test
    void habitTrackerStartsWithTheNamedHabitsAndTicksDaysOnAndOff() throws Exception {
        AppBundle bundle = generate("a habit tracker for reading, exercise and meditation");
        try (RunningApp app = RunningApp.start(bundle, tmp.resolve("app"))) {
            JsonNode habits = json(app.get("/api/habits"));
            List<String> names = new ArrayList<>();
            habits.forEach(h -> names.add(h.get("name").asString()));
            assertThat(names).containsExactly("Reading", "Exercise", "Meditation");
            int id = habits.get(0).get("id").asInt();
            assertThat(json(app.send("PUT", "/api/habits/" + id + "/days/2025-06-01", null)).get("days").toString())
                    .isEqualTo("[\"2025-06-01\"]");
            app.send("PUT", "/api/habits/" + id + "/days/2025-05-31", null);
            app.send("PUT", "/api/habits/" + id + "/days/2025-06-01", null);
            assertThat(json(app.get("/api/habits/" + id)).get("days").toString())
                    .as("sorted, no duplicates").isEqualTo("[\"2025-05-31\",\"2025-06-01\"]");
            assertThat(json(app.send("DELETE", "/api/habits/" + id + "/days/2025-05-31", null)).get("days").size())
                    .isEqualTo(1);
            assertThat(app.send("PUT", "/api/habits/" + id + "/days/2025-13-01", null).statusCode()).isEqualTo(400);
            int yoga = json(app.send("POST", "/api/habits", "{\"name\":\"Yoga\"}")).get("id").asInt();
            assertThat(json(app.send("PATCH", "/api/habits/" + yoga, "{\"name\":\"Evening yoga\"}")).get("name")
                    .asString()).isEqualTo("Evening yoga");
            app.restart();
            assertThat(json(app.get("/api/habits")).size()).as("seeded once, not again").isEqualTo(4);
            assertThat(app.send("DELETE", "/api/habits/" + yoga, null).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void expenseTrackerRecordsSpendingAndSumsAMonthByCategory() throws Exception {
        AppBundle bundle = generate("an expense tracker in euros with a budget of 500");
        try (RunningApp app = RunningApp.start(bundle, tmp.resolve("app"))) {
            JsonNode settings = json(app.get("/api/settings"));
            assertThat(settings.get("currency").asString()).isEqualTo("EUR");
            assertThat(settings.get("budget").asInt()).isEqualTo(500);
            assertThat(app.send("POST", "/api/expenses",
                    "{\"amount\":12.5,\"category\":\"Food\",\"date\":\"2025-06-03\",\"note\":\"Lunch\"}").statusCode())
                    .isEqualTo(201);
            app.send("POST", "/api/expenses", "{\"amount\":40,\"category\":\"Transport\",\"date\":\"2025-06-20\"}");
            app.send("POST", "/api/expenses", "{\"amount\":7.25,\"category\":\"Food\",\"date\":\"2025-06-21\"}");
            app.send("POST", "/api/expenses", "{\"amount\":99,\"category\":\"Food\",\"date\":\"2025-07-01\"}");
            assertThat(app.send("POST", "/api/expenses",
                    "{\"amount\":-3,\"category\":\"Food\",\"date\":\"2025-06-01\"}").statusCode()).isEqualTo(400);
            assertThat(app.send("POST", "/api/expenses",
                    "{\"amount\":3,\"category\":\"Yachts\",\"date\":\"2025-06-01\"}").statusCode()).isEqualTo(400);
            JsonNode june = json(app.get("/api/summary?month=2025-06"));
            assertThat(june.get("total").asDouble()).isEqualTo(59.75);
            assertThat(june.get("count").asInt()).isEqualTo(3);
            assertThat(june.get("byCategory").get("Food").asDouble()).isEqualTo(19.75);
            assertThat(june.get("left").asDouble()).isEqualTo(440.25);
            JsonNode listed = json(app.get("/api/expenses?month=2025-06"));
            assertThat(listed.get(0).get("date").asString()).as("newest first").isEqualTo("2025-06-21");
            app.restart();
            assertThat(json(app.get("/api/expenses")).size()).isEqualTo(4);
        }
    }

    @Test
    void pollCountsVotesMovesAChangedVoteAndKeepsCountsAcrossARestart() throws Exception {
        AppBundle bundle = generate("a poll asking \"Where should we eat?\" with options pizza, sushi and tacos");
        try (RunningApp app = RunningApp.start(bundle, tmp.resolve("app"))) {
            assertThat(app.get("/").body()).contains("Where should we eat?");
            JsonNode poll = json(app.get("/api/poll"));
            assertThat(poll.get("question").asString()).isEqualTo("Where should we eat?");
            assertThat(poll.get("options").toString()).contains("Pizza", "Sushi", "Tacos");
            app.send("POST", "/api/votes", "{\"option\":\"Pizza\"}");
            app.send("POST", "/api/votes", "{\"option\":\"Pizza\"}");
            JsonNode moved = json(app.send("POST", "/api/votes", "{\"option\":\"Sushi\",\"previous\":\"Pizza\"}"));
            assertThat(moved.get("total").asInt()).isEqualTo(2);
            assertThat(moved.get("options").get(0).get("votes").asInt()).isEqualTo(1);
            assertThat(moved.get("options").get(1).get("percent").asDouble()).isEqualTo(50.0);
            assertThat(app.send("POST", "/api/votes", "{\"option\":\"Burgers\"}").statusCode()).isEqualTo(400);
            app.restart();
            assertThat(json(app.get("/api/poll")).get("total").asInt()).isEqualTo(2);
        }
    }
}
