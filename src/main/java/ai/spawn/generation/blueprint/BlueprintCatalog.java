package ai.spawn.generation.blueprint;

import ai.spawn.generation.Runtime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every blueprint the offline generator knows, in tie-break order (earlier wins a tie, so broad blueprints such as
 * the landing page come last). Adding one: a folder {@code blueprints/<name>/} holding the files named here and an
 * entry below. Node apps get the shared {@code lib/web.js} (routing, static files, JSON bodies) and
 * {@code lib/store.js} (atomic JSON files); every app gets the shared {@code base.css} theme. Immutable and
 * thread-safe.
 */
final class BlueprintCatalog {

    private static final Set<Title.Source> NAMED_TITLES = EnumSet.of(Title.Source.EXPLICIT, Title.Source.AFTER_FOR);
    private static final List<String> NODE_FILES = List.of(
            "server.js", "public/index.html", "public/app.js", "public/app.css");
    private static final List<String> STATIC_FILES = List.of("index.html", "app.js", "app.css");

    private final List<Blueprint> blueprints;

    BlueprintCatalog(TemplateLibrary library) {
        this.blueprints = List.of(
                node("todo", "todo lists", "Todo list", "#4f46e5", Intent.builder()
                        .strong("todo", "to do", "task list", "checklist", "task manager", "task tracker", "task app",
                                "shopping list", "grocery list", "reminder list")
                        .weigh(4, "task", "chore", "errand")
                        .weigh(3, "reminder", "things to do")
                        .weigh(2, "list")
                        .build(), Blueprint.Contributor.NONE),
                node("notes", "notes", "Notes", "#b45309", Intent.builder()
                        .strong("note", "notepad", "notebook", "memo", "journal", "diary", "scratchpad", "jot")
                        .weigh(3, "write down", "jot down", "idea")
                        .build(), Blueprint.Contributor.NONE),
                node("kanban", "kanban boards", "Kanban board", "#0f766e", Intent.builder()
                        .strong("kanban", "trello", "scrum board", "task board", "project board", "sprint board",
                                "agile board")
                        .weigh(4, "board")
                        .weigh(3, "backlog", "sprint", "swimlane", "in progress")
                        .weigh(2, "column", "card", "workflow", "project")
                        .build(), new KanbanValues()),
                staticApp("pomodoro", "pomodoro timers", "Pomodoro timer", "#dc2626", Intent.builder()
                        .strong("pomodoro", "focus timer", "study timer", "work timer", "tomato timer",
                                "productivity timer")
                        .weigh(5, "timer")
                        .weigh(3, "focus", "break", "study session")
                        .build(), Blueprint.Contributor.NONE),
                staticApp("calculator", "calculators", "Calculator", "#2563eb", Intent.builder()
                        .strong("calculator", "calc", "adding machine")
                        .weigh(5, "arithmetic", "calculate")
                        .weigh(3, "math", "maths", "add", "subtract", "multiply", "divide")
                        .build(), Blueprint.Contributor.NONE),
                staticApp("tictactoe", "tic-tac-toe", "Tic-tac-toe", "#7c3aed", Intent.builder()
                        .strong("tic tac toe", "noughts and crosses", "xo game", "x and o")
                        .weigh(4, "game")
                        .weigh(2, "play", "board game")
                        .build(), Blueprint.Contributor.NONE),
                node("crud", "REST APIs for your own data (\"an API for books with title, author and year\")",
                        "Items API", "#0e7490", Intent.builder()
                        .strong("crud", "restful")
                        .weigh(9, "api", "endpoint", "backend", "back end", "web service", "microservice")
                        .weigh(3, "database", "resource", "entity")
                        .weigh(1, "rest", "json")
                        .bonus(BlueprintCatalog::namesFieldsOfAnApi)
                        .build(), new CrudValues()),
                staticApp("landing", "landing pages", "Welcome", "#db2777", Intent.builder()
                        .strong("landing page", "homepage", "home page", "one pager", "one page site",
                                "splash page", "marketing page", "promo page", "business page")
                        .weigh(6, "website", "web site", "landing", "webpage")
                        .weigh(4, "site")
                        .weigh(3, "business", "company", "startup", "brand", "bakery", "cafe", "restaurant", "shop",
                                "salon", "agency", "gym", "studio", "hotel", "clinic", "charity")
                        .weigh(2, "page")
                        .build(), new LandingValues(library.text("landing/kinds.json")),
                        EnumSet.allOf(Title.Source.class)));
    }

    List<Blueprint> all() {
        return blueprints;
    }

    Optional<Blueprint> byName(String name) {
        return blueprints.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /**
     * The user-facing refusal: what the offline generator builds and how to get more.
     */
    String refusal() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < blueprints.size(); i++) {
            list.append(i == 0 ? "" : i == blueprints.size() - 1 ? " and " : ", ").append(blueprints.get(i).summary());
        }
        return "The offline generator cannot build this yet. It builds: " + list + ". Set ANTHROPIC_API_KEY (Claude)"
                + " or OPENAI_BASE_URL (Ollama, vLLM, OpenAI) for free-form apps.";
    }

    private static int namesFieldsOfAnApi(PromptText prompt) {
        boolean api = prompt.mentions("api") || prompt.mentions("rest") || prompt.mentions("crud")
                || prompt.mentions("endpoint") || prompt.mentions("backend");
        return api && EntityExtractor.namesFields(prompt) ? 6 : 0;
    }

    private static Blueprint node(String name, String summary, String title, String accent, Intent intent,
                                  Blueprint.Contributor contributor) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : NODE_FILES) {
            files.put(f, name + "/" + f);
        }
        files.put("lib/web.js", "_shared/node/web.js");
        files.put("lib/store.js", "_shared/node/store.js");
        files.put("public/base.css", "_shared/base.css");
        return new Blueprint(name, summary, Runtime.NODE, intent, title, accent, NAMED_TITLES, files, contributor);
    }

    private static Blueprint staticApp(String name, String summary, String title, String accent, Intent intent,
                                       Blueprint.Contributor contributor) {
        return staticApp(name, summary, title, accent, intent, contributor, NAMED_TITLES);
    }

    private static Blueprint staticApp(String name, String summary, String title, String accent, Intent intent,
                                       Blueprint.Contributor contributor, Set<Title.Source> titles) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String f : STATIC_FILES) {
            files.put(f, name + "/" + f);
        }
        files.put("base.css", "_shared/base.css");
        return new Blueprint(name, summary, Runtime.STATIC, intent, title, accent, titles, files, contributor);
    }
}
