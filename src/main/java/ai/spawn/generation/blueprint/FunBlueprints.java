package ai.spawn.generation.blueprint;

import ai.spawn.generation.blueprint.Blueprint.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The catalog's apps for people to play with and talk to: quizzes, polls, guestbooks, games, personal pages. */
final class FunBlueprints {

    private FunBlueprints() {
    }

    static List<Blueprint> all(TemplateLibrary library) {
        return List.of(
                Blueprint.builder("quiz", Kind.WEB_APP).summary("quizzes")
                        .description("A multiple-choice quiz with instant feedback, explanations, a score and a"
                                + " best score kept in this browser.")
                        .example("Quiz", "a quiz about space")
                        .intent(Intent.builder()
                                .strong("quiz", "trivia", "flashcard", "flash card", "test yourself",
                                        "multiple choice")
                                .weigh(4, "question", "questions", "answers")
                                .weigh(2, "score")
                                .build())
                        .titles(Set.of(Title.Source.EXPLICIT))
                        .defaults("Quiz", "#9333ea").contributor(new QuizValues(library.text("quiz/topics.json")))
                        .staticFiles("questions.js").build(),
                Blueprint.builder("poll", Kind.WEB_APP).summary("polls")
                        .description("A poll: one question, a vote per browser, live results that refresh on"
                                + " their own; votes are saved on the server (votes.json).")
                        .example("Poll", "a poll asking \"Where should we eat?\" with options pizza, sushi and tacos")
                        .intent(Intent.builder()
                                .strong("poll", "voting", "vote", "survey", "straw poll", "ballot", "election")
                                .weigh(4, "option", "choices")
                                .weigh(2, "results")
                                .build())
                        .titles(Set.of(Title.Source.EXPLICIT))
                        .defaults("Poll", "#c2410c").contributor(new PollValues()).node().build(),
                Blueprint.builder("guestbook", Kind.WEB_APP).summary("guestbooks")
                        .description("A guestbook: visitors leave their name and a message; entries are saved on"
                                + " the server (entries.json), newest first.")
                        .example("Guestbook", "a guestbook for my website")
                        .intent(guestbook().build()).defaults("Guestbook", "#be185d").node().build(),
                Blueprint.builder("tictactoe", Kind.WEB_APP).summary("tic-tac-toe")
                        .description("Tic-tac-toe against a friend or an unbeatable computer, with a score.")
                        .example("Tic-tac-toe", "a tic-tac-toe game against the computer")
                        .intent(Intent.builder()
                                .strong("tic tac toe", "noughts and crosses", "xo game", "x and o")
                                .weigh(4, "game")
                                .weigh(2, "play", "board game")
                                .build())
                        .defaults("Tic-tac-toe", "#7c3aed").staticFiles().build(),
                Blueprint.builder("snake", Kind.WEB_APP).summary("snake games")
                        .description("The classic snake game: arrow keys, swipes or on-screen buttons, speeding up"
                                + " as it grows, with a high score kept in this browser.")
                        .example("Snake game", "a snake game")
                        .intent(Intent.builder()
                                .strong("snake", "snake game", "nokia snake", "slither")
                                .weigh(4, "game", "arcade")
                                .weigh(2, "play", "retro")
                                .build())
                        .defaults("Snake", "#16a34a").staticFiles("snake.js").build(),
                Blueprint.builder("portfolio", Kind.WEB_APP).summary("portfolios")
                        .description("A personal portfolio: introduction, selected projects, skills and contact.")
                        .example("Portfolio", "a portfolio for Jane Doe, a photographer")
                        .intent(Intent.builder()
                                .strong("portfolio", "personal website", "personal site", "personal page",
                                        "resume", "cv", "about me", "online resume", "personal homepage")
                                .weigh(4, "designer", "developer", "photographer", "freelancer", "my work",
                                        "illustrator", "writer", "artist", "musician")
                                .weigh(3, "showcase", "projects")
                                .weigh(2, "ux", "ui")
                                .build())
                        .titles(EnumSet.allOf(Title.Source.class))
                        .defaults("Portfolio", "#4338ca")
                        .contributor(new PortfolioValues(library.text("portfolio/roles.json"))).staticFiles().build(),
                Blueprint.builder("guestbook-py", Kind.WEB_APP)
                        .description("A guestbook served by Python's standard library (http.server): entries are"
                                + " saved in entries.json, newest first.")
                        .example("Guestbook in Python", "a guestbook in python")
                        .intent(guestbook().bonus(ProductivityBlueprints.PYTHON).build())
                        .defaults("Guestbook", "#be185d")
                        .python("app.py", "lib/store.py=_shared/python/store.py",
                                "public/index.html=guestbook/public/index.html",
                                "public/app.js=guestbook/public/app.js", "public/app.css=guestbook/public/app.css",
                                "public/base.css=_shared/base.css")
                        .build());
    }

    private static Intent.Builder guestbook() {
        return Intent.builder()
                .strong("guestbook", "guest book", "visitor book", "visitors book", "shoutbox", "message wall",
                        "comment wall", "sign my book")
                .weigh(4, "guest", "visitor", "comments", "messages")
                .weigh(2, "sign", "leave a message");
    }
}
