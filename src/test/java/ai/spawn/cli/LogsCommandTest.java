package ai.spawn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsCommandTest {

    @TempDir
    Path config;

    FakeSpawnAi server;
    InProcessCli cli;

    @BeforeEach
    void start() throws IOException {
        server = new FakeSpawnAi();
        cli = new InProcessCli(server.url(), config).env("SPAWNAI_TOKEN", FakeSpawnAi.TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void newLinesAreWhatFollowsTheOverlap() {
        assertThat(LogsCommand.newLines(List.of(), List.of("a", "b"))).containsExactly("a", "b");
        assertThat(LogsCommand.newLines(List.of("a", "b"), List.of("a", "b"))).isEmpty();
        assertThat(LogsCommand.newLines(List.of("a", "b"), List.of("a", "b", "c"))).containsExactly("c");
        assertThat(LogsCommand.newLines(List.of("a", "b", "c"), List.of("b", "c", "d", "e"))).containsExactly("d", "e");
        assertThat(LogsCommand.newLines(List.of("a", "b"), List.of("x", "y"))).containsExactly("x", "y");
        assertThat(LogsCommand.newLines(List.of("a", "b"), List.of("a", "b", "a", "b"))).containsExactly("a", "b");
    }

    @Test
    void printsTheLastLines() {
        server.onJson("GET", "/api/v1/apps/app1/logs", 200, "{\"id\":\"app1\",\"lines\":[\"listening\",\"GET /\"]}");

        InProcessCli.Result result = cli.run("logs", "app1", "-n", "50");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).containsExactly("listening", "GET /");
        assertThat(server.requests("GET", "/api/v1/apps/app1/logs").get(0).query()).isEqualTo("lines=50");
    }

    @Test
    void terminalEscapesInTheAppsOutputAreNotPrinted() {
        server.onJson("GET", "/api/v1/apps/app1/logs", 200, "{\"id\":\"app1\",\"lines\":["
                + "\"\\u001b]0;owned\\u0007title\",\"\\u001b]52;c;ZWNobyBoaQ==\\u001b\\\\clip\","
                + "\"\\u001b[2J\\u001b[31mred\\u009b0m\\r\"]}");

        InProcessCli.Result result = cli.run("logs", "app1");

        assertThat(result.outLines()).containsExactly("title", "clip", "red");
        assertThat(result.out()).doesNotContain("\u001b", "\u0007", "\u009b", "\r");
    }

    @Test
    void followPrintsEachLineOnceUntilTheAppEnds() {
        List<String> answers = List.of("[\"a\",\"b\"]", "[\"a\",\"b\",\"c\"]", "[\"b\",\"c\",\"d\"]", "[\"b\",\"c\",\"d\"]");
        AtomicInteger logCalls = new AtomicInteger();
        server.on("GET", "/api/v1/apps/app1/logs", r -> FakeSpawnAi.Response.json(200, "{\"id\":\"app1\",\"lines\":"
                + answers.get(Math.min(logCalls.getAndIncrement(), answers.size() - 1)) + "}"));
        AtomicInteger statusCalls = new AtomicInteger();
        server.on("GET", "/api/v1/apps/app1", r -> FakeSpawnAi.Response.json(200,
                Samples.app(statusCalls.incrementAndGet() < 3 ? "LIVE" : "DESTROYED", 1, "")));

        InProcessCli.Result result = cli.run("logs", "app1", "--follow");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).containsExactly("a", "b", "c", "d");
        assertThat(result.err()).isEqualTo("spawnai: app app1 is destroyed; no more output\n");
    }

    @Test
    void followWithJsonPrintsOneObjectPerLine() {
        server.onJson("GET", "/api/v1/apps/app1/logs", 200, "{\"id\":\"app1\",\"lines\":[\"a\"]}");
        server.onJson("GET", "/api/v1/apps/app1", 200, Samples.app("EXPIRED", 1, ""));

        InProcessCli.Result result = cli.run("logs", "app1", "-f", "--json");

        assertThat(result.outLines()).containsExactly("{\"id\":\"app1\",\"line\":\"a\"}");
    }

    @Test
    void lineCountIsChecked() {
        assertThat(cli.run("logs", "app1", "-n", "0").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(server.requests()).isEmpty();
    }
}
