package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.Runtime;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every blueprint's generated app on the host's node and uses it over HTTP, as a user of the app would.
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

    @ParameterizedTest
    @ValueSource(strings = {"a todo list", "a notes app", "a kanban board with columns backlog, doing and done",
            "a REST API for books with title, author and year", "a landing page for my bakery Sweet Crumbs",
            "a pomodoro timer", "a calculator", "tic-tac-toe"})
    void everyJavaScriptFileOfEveryBlueprintPassesNodeCheck(String prompt) throws Exception {
        AppBundle bundle = generate(prompt);
        Path dir = tmp.resolve("app");
        RunningApp.write(bundle, dir);
        List<String> scripts = bundle.files().keySet().stream().filter(p -> p.endsWith(".js")).toList();
        assertThat(scripts).isNotEmpty();
        for (String script : scripts) {
            Process check = new ProcessBuilder("node", "--check", script).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as("node --check %s: %s", script,
                    new String(check.getInputStream().readAllBytes())).isZero();
        }
    }

    @Test
    void todoAppAddsListsTogglesDeletesAndKeepsTodosAcrossARestart() throws Exception {
        try (RunningApp app = RunningApp.start(generate("a blue todo app called Groceries"), tmp.resolve("app"))) {
            assertThat(app.get("/").body()).contains("<title>Groceries</title>").contains("app.js");
            assertThat(app.get("/base.css").body()).contains("--accent: #2563eb");

            HttpResponse<String> created = app.send("POST", "/api/todos", "{\"title\":\"Buy milk\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            int milk = json(created).get("id").asInt();
            assertThat(json(created).get("done").asBoolean()).isFalse();
            int bread = json(app.send("POST", "/api/todos", "{\"title\":\"Bake bread\"}")).get("id").asInt();

            JsonNode list = json(app.get("/api/todos"));
            assertThat(list.size()).isEqualTo(2);
            assertThat(list.get(0).get("title").asString()).isEqualTo("Buy milk");

            HttpResponse<String> toggled = app.send("PATCH", "/api/todos/" + milk, "{\"done\":true}");
            assertThat(toggled.statusCode()).isEqualTo(200);
            assertThat(json(toggled).get("done").asBoolean()).isTrue();

            assertThat(app.send("POST", "/api/todos", "{\"title\":\"\"}").statusCode()).isEqualTo(400);
            assertThat(app.send("POST", "/api/todos", "not json").statusCode()).isEqualTo(400);
            HttpResponse<String> badToggle = app.send("PATCH", "/api/todos/" + milk, "{\"done\":\"yes\"}");
            assertThat(badToggle.statusCode()).isEqualTo(400);
            assertThat(json(badToggle).get("error").asString()).contains("done");

            assertThat(app.send("DELETE", "/api/todos/" + bread, null).statusCode()).isEqualTo(204);
            assertThat(app.send("DELETE", "/api/todos/" + bread, null).statusCode()).isEqualTo(404);

            app.restart();
            JsonNode after = json(app.get("/api/todos"));
            assertThat(after.size()).isEqualTo(1);
            assertThat(after.get(0).get("title").asString()).isEqualTo("Buy milk");
            assertThat(after.get(0).get("done").asBoolean()).isTrue();
            assertThat(json(app.send("POST", "/api/todos", "{\"title\":\"Next\"}")).get("id").asInt())
                    .as("ids are not reused after a restart").isGreaterThan(bread);
            assertThat(app.dir().resolve("todos.json")).exists();
            try (Stream<Path> files = Files.list(app.dir())) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
    }

    @Test
    void notesAppCreatesReadsUpdatesSearchesAndDeletesNotes() throws Exception {
        try (RunningApp app = RunningApp.start(generate("a notes app"), tmp.resolve("app"))) {
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
    @ValueSource(strings = {"a pomodoro timer", "a calculator", "a tic-tac-toe game"})
    void staticAppsServeTheirPageScriptAndStyles(String prompt) throws Exception {
        AppBundle bundle = generate(prompt);
        assertThat(bundle.runtime()).isEqualTo(Runtime.STATIC);
        try (RunningApp app = RunningApp.start(bundle, tmp.resolve("app"))) {
            assertThat(app.get("/").body()).contains("<title>" + bundle.title() + "</title>")
                    .contains("<script src=\"app.js\" defer></script>");
            assertThat(app.get("/app.js").statusCode()).isEqualTo(200);
            assertThat(app.get("/app.css").statusCode()).isEqualTo(200);
            assertThat(app.get("/base.css").statusCode()).isEqualTo(200);
        }
    }
}
