package ai.spawn.generation;

import java.util.List;

/**
 * A prompt that works on an engine, for the gallery.
 *
 * @param kind   {@code web app}, {@code API} or {@code script}
 * @param title  short label
 * @param prompt the prompt to send
 */
public record Example(String kind, String title, String prompt) {

    /** Prompts any capable model serves. */
    public static List<Example> general() {
        return List.of(
                new Example("web app", "Todo list", "a todo list app with due dates"),
                new Example("web app", "Kanban board", "a kanban board with three columns"),
                new Example("web app", "Pomodoro timer", "a pomodoro timer with a short and a long break"),
                new Example("web app", "Expense tracker", "an expense tracker with categories and a monthly total"),
                new Example("API", "Books API", "a REST API for books with title, author and year"),
                new Example("API", "URL shortener", "a URL shortener API"),
                new Example("script", "Prime numbers", "a script that prints the first 100 prime numbers"));
    }
}
