package ai.spawn.generation.blueprint;

import ai.spawn.generation.blueprint.Blueprint.FieldSupport;
import ai.spawn.generation.blueprint.Blueprint.Kind;
import java.util.List;

/** The catalog's apps for getting things done: lists, notes, boards, habits, money, writing. */
final class ProductivityBlueprints {

    /** Asks for Python: the Python variant of a blueprint wins; without it, the variant never does. */
    static final Intent.Bonus PYTHON = p -> p.mentions("python") || p.mentions("python3") || p.mentions("flask")
            || p.mentions("py") ? 6 : -1000;

    private ProductivityBlueprints() {
    }

    static List<Blueprint> all(TemplateLibrary library) {
        return List.of(
                Blueprint.builder("todo", Kind.WEB_APP).summary("todo lists")
                        .description("A todo list: add, tick off, rename and filter tasks; they are saved on the"
                                + " server (todos.json) behind a small REST API under /api/todos.")
                        .example("Todo list", "a todo list app with due dates")
                        .intent(todo().build()).defaults("Todo list", "#4f46e5")
                        .fields(FieldSupport.EXTRAS).contributor(new TodoValues())
                        .node("lib/fields.js=_shared/node/fields.js").build(),
                Blueprint.builder("notes", Kind.WEB_APP).summary("notes")
                        .description("A notes app: write, pin, search and delete notes, saved on the server"
                                + " (notes.json) behind a REST API under /api/notes.")
                        .example("Notes", "a notes app with search and pinned notes")
                        .intent(notes().build()).defaults("Notes", "#b45309").node().build(),
                Blueprint.builder("kanban", Kind.WEB_APP).summary("kanban boards")
                        .description("A kanban board: add cards, drag them between columns, saved on the server.")
                        .example("Kanban board", "a kanban board with columns backlog, doing, review and done")
                        .intent(Intent.builder()
                                .strong("kanban", "trello", "scrum board", "task board", "project board",
                                        "sprint board", "agile board")
                                .weigh(4, "board")
                                .weigh(3, "backlog", "sprint", "swimlane", "in progress")
                                .weigh(2, "column", "card", "workflow", "project")
                                .build())
                        .defaults("Kanban board", "#0f766e").contributor(new KanbanValues()).node().build(),
                Blueprint.builder("habits", Kind.WEB_APP).summary("habit trackers")
                        .description("A habit tracker: tick off habits day by day, see streaks and the last two"
                                + " weeks; saved on the server (habits.json).")
                        .example("Habit tracker", "a habit tracker for reading, exercise and meditation")
                        .intent(Intent.builder()
                                .strong("habit", "habit tracker", "streak tracker", "routine tracker",
                                        "daily tracker", "habit app")
                                .weigh(5, "streak")
                                .weigh(3, "daily", "routine", "every day", "goals")
                                .weigh(2, "tracker")
                                .build())
                        .defaults("Habits", "#15803d").contributor(new HabitValues()).node().build(),
                Blueprint.builder("expenses", Kind.WEB_APP).summary("expense trackers")
                        .description("An expense tracker: record spending by category, see monthly totals and"
                                + " where the money went; saved on the server (expenses.json).")
                        .example("Expense tracker", "an expense tracker with categories and a monthly total")
                        .intent(Intent.builder()
                                .strong("expense", "spending", "expense tracker", "budget tracker",
                                        "money tracker", "finance tracker", "spending tracker", "budget app",
                                        "expense report")
                                .weigh(6, "budget", "money", "finance", "personal finance")
                                .weigh(4, "spend", "spent", "receipt", "cost")
                                .weigh(2, "tracker", "monthly")
                                .build())
                        .defaults("Expenses", "#0f766e").contributor(new ExpenseValues()).node().build(),
                Blueprint.builder("markdown", Kind.WEB_APP).summary("markdown editors")
                        .description("A markdown editor with a live, safe preview; documents stay in this"
                                + " browser and can be downloaded as .md or .html.")
                        .example("Markdown editor", "a markdown editor with live preview")
                        .intent(Intent.builder()
                                .strong("markdown", "markdown editor", "md editor", "markdown previewer",
                                        "markdown preview", "text editor", "writing app")
                                .weigh(4, "editor", "preview")
                                .weigh(2, "writing", "document")
                                .build())
                        .defaults("Markdown editor", "#334155").staticFiles("markdown.js").build(),
                Blueprint.builder("todo-py", Kind.WEB_APP)
                        .description("A todo list served by Python's standard library (http.server): tasks are"
                                + " saved in todos.json behind a REST API under /api/todos.")
                        .example("Todo list in Python", "a todo app in python")
                        .intent(todo().bonus(PYTHON).build()).defaults("Todo list", "#4f46e5")
                        .fields(FieldSupport.EXTRAS).contributor(new TodoValues())
                        .python("app.py", "lib/store.py=_shared/python/store.py",
                                "lib/fields.py=_shared/python/fields.py",
                                "public/index.html=todo/public/index.html", "public/app.js=todo/public/app.js",
                                "public/app.css=todo/public/app.css", "public/base.css=_shared/base.css")
                        .build(),
                Blueprint.builder("notes-py", Kind.WEB_APP)
                        .description("A notes app served by Python's standard library (http.server): notes are"
                                + " saved in notes.json behind a REST API under /api/notes.")
                        .example("Notes in Python", "a flask-like notes app in python")
                        .intent(notes().bonus(PYTHON).build()).defaults("Notes", "#b45309")
                        .python("app.py", "lib/store.py=_shared/python/store.py",
                                "public/index.html=notes/public/index.html", "public/app.js=notes/public/app.js",
                                "public/app.css=notes/public/app.css", "public/base.css=_shared/base.css")
                        .build());
    }

    private static Intent.Builder todo() {
        return Intent.builder()
                .strong("todo", "to do", "task list", "checklist", "task manager", "task tracker", "task app",
                        "shopping list", "grocery list", "reminder list")
                .weigh(4, "task", "chore", "errand")
                .weigh(3, "reminder", "things to do")
                .weigh(2, "list");
    }

    private static Intent.Builder notes() {
        return Intent.builder()
                .strong("note", "notepad", "notebook", "memo", "journal", "diary", "scratchpad", "jot")
                .weigh(3, "write down", "jot down", "idea");
    }
}
