package ai.spawn.generation.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.Runtime;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The apps that run in the browser only (served by the sandbox's static file server): their pages are served with
 * the values the prompt set, and their logic — kept in plain files that Node can load — is exercised with node.
 */
class BlueprintBrowserAppsIT {

    private static final BlueprintCodeGenerator GENERATOR = new BlueprintCodeGenerator();

    @TempDir
    Path tmp;

    private static AppBundle generate(String prompt) {
        AppBundle bundle = GENERATOR.generate(GenerationRequest.newApp(prompt), GenerationListener.NONE);
        assertThat(bundle.runtime()).isEqualTo(Runtime.STATIC);
        assertThat(bundle.start()).isEqualTo("node /opt/spawnai/static-server.js");
        return bundle;
    }

    @Test
    void markdownEditorRendersMarkdownAndNeverLetsHtmlOrScriptUrlsThrough() throws Exception {
        try (RunningApp app = RunningApp.start(generate("a markdown editor"), tmp.resolve("app"))) {
            assertThat(app.get("/markdown.js").statusCode()).isEqualTo(200);
            String out = app.node("""
                    const md = require('./markdown.js');
                    const show = (s) => console.log(md.render(s));
                    show('# Title\\n\\nSome **bold**, _it_, `code` and [a link](https://example.com).');
                    show('- one\\n- [x] two\\n  - nested');
                    show('| a | b |\\n| --- | ---: |\\n| 1 | 2 |');
                    show('```\\n<b>kept as text</b>\\n```');
                    show('<script>alert(1)</script><img src=x onerror=alert(1)>');
                    show('[x](javascript:alert(1)) [y](JAVASCRIPT:alert(2)) [z](data:text/html,hi) ![i](vbscript:x)');
                    """);
            assertThat(out).contains("<h1 id=\"title\">Title</h1>", "<strong>bold</strong>", "<em>it</em>",
                    "<code>code</code>", "<a href=\"https://example.com\" rel=\"noopener noreferrer\">a link</a>",
                    "<li class=\"task\"><input type=\"checkbox\" disabled checked> two", "<ul>\n<li>nested</li>",
                    "<th style=\"text-align:right\">b</th>", "<pre><code>&lt;b&gt;kept as text&lt;/b&gt;</code></pre>",
                    "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
            assertThat(out).doesNotContain("<script>", "<img src=x", "href=\"javascript", "href=\"JAVASCRIPT",
                    "href=\"data:", "src=\"vbscript");
        }
    }

    @Test
    void snakeMovesEatsGrowsAndDiesOnTheWall() throws Exception {
        try (RunningApp app = RunningApp.start(generate("a snake game"), tmp.resolve("app"))) {
            assertThat(app.get("/").body()).contains("<canvas id=\"board\"");
            String out = app.node("""
                    const S = require('./snake.js');
                    const s = S.create(10, 10, () => 0);
                    s.food = { x: 6, y: 5 };
                    S.step(s, () => 0);
                    console.log('ate', s.score, s.snake.length);
                    S.turn(s, 'left');
                    console.log('reverse ignored', s.queue.length);
                    S.turn(s, 'up');
                    while (!s.over) S.step(s, () => 0);
                    console.log('over at', s.snake[0].y, 'dir', s.dir);
                    console.log('faster', S.interval(0) > S.interval(10));
                    """);
            assertThat(out).contains("ate 1 4", "reverse ignored 0", "over at 0 dir up", "faster true");
        }
    }

    @Test
    void unitConverterConvertsBothWaysWithTheCategoryFromThePrompt() throws Exception {
        try (RunningApp app = RunningApp.start(generate("a celsius to fahrenheit converter"), tmp.resolve("app"))) {
            assertThat(app.get("/app.js").body()).contains("const START = \"temperature\";");
            String out = app.node("""
                    const U = require('./units.js');
                    console.log(U.pretty(U.convert('temperature', 100, 'c', 'f')));
                    console.log(U.pretty(U.convert('temperature', 32, 'f', 'k')));
                    console.log(U.pretty(U.convert('length', 1, 'mi', 'km')));
                    console.log(U.pretty(U.convert('mass', 1, 'kg', 'lb')));
                    console.log(U.pretty(U.convert('data', 1, 'gib', 'mb')));
                    """);
            assertThat(out.lines()).containsExactly("212", "273.15", "1.609344", "2.204622622", "1073.741824");
        }
    }

    @Test
    void passwordGeneratorUsesEveryChosenKindAndTheLengthFromThePrompt() throws Exception {
        try (RunningApp app = RunningApp.start(generate("a password generator for 24 character passwords"),
                tmp.resolve("app"))) {
            assertThat(app.get("/app.js").body()).contains("$('length').value = \"24\";");
            String out = app.node("""
                    const G = require('./generator.js');
                    const o = { length: 24, lower: true, upper: true, digits: true, symbols: true };
                    const seen = new Set();
                    for (let i = 0; i < 200; i++) {
                      const p = G.password(o);
                      if (p.length !== 24 || !/[a-z]/.test(p) || !/[A-Z]/.test(p) || !/[0-9]/.test(p)
                          || !/[^a-zA-Z0-9]/.test(p)) throw new Error('bad ' + p);
                      seen.add(p);
                    }
                    console.log('unique', seen.size);
                    const plain = G.password({ length: 30, digits: true, avoidAmbiguous: true });
                    console.log('ambiguous', /[01]/.test(plain));
                    const phrase = G.passphrase({ words: 5, separator: '-', capitalize: false });
                    console.log('words', phrase.split('-').length);
                    console.log('bits', Math.round(G.entropy('chars', o)));
                    const counts = new Array(6).fill(0);
                    for (let i = 0; i < 6000; i++) counts[G.randomInt(6)]++;
                    console.log('uniform', counts.every((c) => c > 800 && c < 1200));
                    """);
            assertThat(out).contains("unique 200", "ambiguous false", "words 5", "bits 155", "uniform true");
        }
    }

    @Test
    void quizHasTheTopicsQuestionsWithValidAnswersAndScoresPicks() throws Exception {
        try (RunningApp app = RunningApp.start(generate("a quiz about space"), tmp.resolve("app"))) {
            assertThat(app.get("/").body()).contains("<title>Space quiz</title>");
            String out = app.node("""
                    const Q = require('./questions.js');
                    console.log(Q.TOPIC, Q.QUESTIONS.length);
                    console.log(Q.QUESTIONS.every((q) => q.choices[q.answer] !== undefined));
                    console.log(Q.score(Q.QUESTIONS, Q.QUESTIONS.map((q) => q.answer)));
                    console.log(Q.score(Q.QUESTIONS, Q.QUESTIONS.map(() => -1)));
                    console.log(Q.QUESTIONS.some((q) => q.q.includes('Red Planet')));
                    """);
            assertThat(out.lines()).containsExactly("Space 8", "true", "8", "0", "true");
        }
    }

    @Test
    void countdownAndWorldClockCarryTheirTargetAndCities() throws Exception {
        try (RunningApp app = RunningApp.start(generate("a countdown to my wedding on June 14, 2031"),
                tmp.resolve("countdown"))) {
            String script = app.get("/app.js").body();
            assertThat(script).contains("const EVENT = \"My wedding\";")
                    .contains("{\"kind\": \"date\", \"date\": \"2031-06-14\", \"hour\": 0, \"minute\": 0}");
            assertThat(app.get("/").body()).contains("<title>Countdown to My wedding</title>");
        }
        try (RunningApp app = RunningApp.start(generate("a countdown timer for 10 minutes"), tmp.resolve("timer"))) {
            assertThat(app.get("/app.js").body()).contains("{\"kind\": \"duration\", \"seconds\": 600}");
        }
        try (RunningApp app = RunningApp.start(generate("a world clock for London, Tokyo and New York"),
                tmp.resolve("clock"))) {
            assertThat(app.get("/app.js").body()).contains("const DEFAULT = [[\"London\", \"Europe/London\"], "
                    + "[\"Tokyo\", \"Asia/Tokyo\"], [\"New York\", \"America/New_York\"]];");
            String zones = app.node("""
                    for (const z of ['Europe/London', 'Asia/Tokyo', 'America/New_York']) {
                      new Intl.DateTimeFormat('en', { timeZone: z }).format(new Date());
                    }
                    console.log('zones ok');
                    """);
            assertThat(zones).contains("zones ok");
        }
    }

    @Test
    void pagesOfTheOtherBrowserAppsCarryTheirTitleAndColours() throws Exception {
        String[][] cases = {
            {"a red stopwatch", "Stopwatch", "#dc2626"},
            {"a pomodoro timer called Deep Work", "Deep Work", "#dc2626"},
            {"a green calculator", "Calculator", "#16a34a"},
            {"a tic-tac-toe game in purple", "Tic-tac-toe", "#9333ea"},
            {"a portfolio for Ada Lovelace, a software developer", "Ada Lovelace", "#4338ca"},
            {"a landing page for my cafe Bean There in Lisbon", "Bean There", "#db2777"},
        };
        for (String[] c : cases) {
            try (RunningApp app = RunningApp.start(generate(c[0]), tmp.resolve(c[1].replace(' ', '-')))) {
                assertThat(app.get("/").body()).as(c[0]).contains("<title>" + c[1]);
                assertThat(app.get("/base.css").body()).as(c[0]).contains("--accent: " + c[2]);
            }
        }
        try (RunningApp app = RunningApp.start(generate("a portfolio for Ada Lovelace, a software developer"),
                tmp.resolve("portfolio"))) {
            assertThat(app.get("/").body()).contains("Software developer", "Hi, I'm Ada Lovelace.", ">AL<");
        }
    }
}
