package ai.spawn.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationException;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.Runtime;
import ai.spawn.generation.SampleApps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliverAppParserTest {

    private static final GenerationInfo USAGE = new GenerationInfo("anthropic", "claude", 10, 20, 0, 0, 0.01, 5);
    private final DeliverAppParser parser = new DeliverAppParser();

    private GenerationException failure(String input) {
        return catchThrowableOfType(GenerationException.class, () -> parser.parse(input, USAGE));
    }

    @Test
    void parsesACompleteCall() {
        AppBundle bundle = parser.parse(SampleApps.input("python", Map.of("app.py", "print(1)"), "python3 app.py",
                "python3 -m venv .venv", 8000), USAGE);

        assertThat(bundle.runtime()).isEqualTo(Runtime.PYTHON);
        assertThat(bundle.files()).containsExactly(Map.entry("app.py", "print(1)"));
        assertThat(bundle.start()).isEqualTo("python3 app.py");
        assertThat(bundle.install()).isEqualTo("python3 -m venv .venv");
        assertThat(bundle.port()).isEqualTo(8000);
        assertThat(bundle.title()).isEqualTo("Todo list");
        assertThat(bundle.summary()).startsWith("A todo list");
        assertThat(bundle.origin()).isEqualTo(USAGE);
    }

    @Test
    void staticAppsGetTheBuiltInServerAndPortDefaultsTo3000() {
        AppBundle bundle = parser.parse(SampleApps.input("static", Map.of("index.html", "<h1>hi</h1>"), null, null,
                null), USAGE);

        assertThat(bundle.start()).isEqualTo("node /opt/spawnai/static-server.js");
        assertThat(bundle.port()).isEqualTo(3000);
    }

    @Test
    void failuresCarryTheUsageOfTheAttempt() {
        assertThat(failure("{").usage()).isEqualTo(USAGE);
    }

    @Test
    void rejectsInvalidJson() {
        assertThat(failure("{\"runtime\": node}")).hasMessageContaining("not valid JSON");
        assertThat(failure("[1,2]")).hasMessageContaining("not a JSON object");
        assertThat(failure("  ")).hasMessageContaining("without any input");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.js", "/etc/passwd", "a/../../b", "./x", "C:/win.txt", "a\\b", "a//b", "~/x",
            "bad\u0000name"})
    void rejectsUnsafePaths(String path) {
        assertThat(failure(SampleApps.input("node", Map.of(path, "x"), "node x", null, 3000)))
                .hasMessageContaining("unsafe path");
    }

    @Test
    void rejectsMoreThanSixtyFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 61; i++) {
            files.put("f" + i + ".js", "");
        }
        assertThat(failure(SampleApps.input("node", files, "node f0.js", null, 3000)))
                .hasMessageContaining("61 files; at most 60");
    }

    @Test
    void rejectsFilesOverHalfAMebibyte() {
        String big = "x".repeat(512 * 1024 + 1);
        assertThat(failure(SampleApps.input("node", Map.of("big.js", big), "node big.js", null, 3000)))
                .hasMessageContaining("big.js has 524289 bytes");
        assertThat(parser.parse(SampleApps.input("node", Map.of("big.js", big.substring(1)), "node big.js", null,
                3000), USAGE).files()).hasSize(1);
    }

    @Test
    void rejectsUnknownRuntimes() {
        assertThat(failure(SampleApps.input("ruby", Map.of("a.rb", "x"), "ruby a.rb", null, 3000)))
                .hasMessageContaining("unknown runtime 'ruby'").hasMessageContaining("node, python or static");
        assertThat(failure("{\"files\":[{\"path\":\"a\",\"content\":\"\"}]}")).hasMessageContaining("which runtime");
    }

    @Test
    void rejectsAMissingStartForServerRuntimes() {
        assertThat(failure(SampleApps.input("node", Map.of("a.js", "x"), null, null, 3000)))
                .hasMessageContaining("no start command");
        assertThat(failure(SampleApps.input("node", Map.of("a.js", "x"), "node a.js\nrm -rf /", null, 3000)))
                .hasMessageContaining("one line");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 80, 1023, 65536})
    void rejectsBadPorts(int port) {
        assertThat(failure(SampleApps.input("node", Map.of("a.js", "x"), "node a.js", null, port)))
                .hasMessageContaining("port " + port);
    }

    @Test
    void rejectsNoFilesAndDuplicates() {
        assertThat(failure(SampleApps.input("node", Map.of(), "node a.js", null, 3000)))
                .hasMessageContaining("no files");
        assertThat(failure("{\"runtime\":\"node\",\"start\":\"node a\",\"files\":[{\"path\":\"a\",\"content\":\"1\"},"
                + "{\"path\":\"a\",\"content\":\"2\"}]}")).hasMessageContaining("a twice");
        assertThat(failure("{\"runtime\":\"node\",\"start\":\"node a\",\"files\":[{\"content\":\"1\"}]}"))
                .hasMessageContaining("without a path");
    }

    @Test
    void explainsAnswersWithoutTheToolCall() {
        assertThat(DeliverAppParser.noToolCall("Sure! Here is the code:\n\n```", USAGE))
                .hasMessage("the model answered in text instead of calling deliver_app: "
                        + "\"Sure! Here is the code: ```\"")
                .extracting(GenerationException::usage).isEqualTo(USAGE);
        assertThat(DeliverAppParser.noToolCall("", null)).hasMessageContaining("without calling deliver_app");
        assertThatThrownBy(() -> {
            throw DeliverAppParser.noToolCall("x".repeat(5000), null);
        }).hasMessageEndingWith("…\"");
    }
}
